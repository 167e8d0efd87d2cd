/**
 * POST /api/check/key as a script or an agent calls it: the exchange's key metadata in,
 * { verdict, findings, profile } out, secrets redacted; bad requests get a 4xx with a message
 * that says what was expected, never a 500. Expected results come from the same rules run
 * in-process on the same official examples, not from numbers typed here.
 */
import fc from 'fast-check';
import { describe, expect, it, inject } from 'vitest';
import { checkKeyMetadata, keyFactsOf } from '../../src/rules/key-check.ts';
import { exchanges, getExchange, servers } from '../../src/data/index.ts';
import { fixtures, sample } from '../helpers/key-fixtures.ts';

const base = inject('baseUrl');
const api = `${base}/api/check/key`;
const post = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(api, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** What the rules say about a request, in-process, with the site's own data. */
function expected(exchange: string, metadata: unknown, mode: 'read-trade' | 'read-write', rest: Record<string, unknown> = {}) {
  const r = checkKeyMetadata({ exchange, metadata, mode, ...rest }, { servers, exchange: keyFactsOf(getExchange(exchange)!, exchanges), site: 'https://docs.xapy.io' });
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

const examples: [string, string][] = [
  ['binance', 'binance-api-restrictions'], ['bybit', 'bybit-query-api'], ['okx', 'okx-account-config'],
  ['bitget', 'bitget-account-info'], ['gate', 'gate-account-detail'], ['htx', 'htx-user-api-key'],
  ['kucoin', 'kucoin-user-api-key'], ['coinex', 'coinex-account-subs-api-detail'],
];

describe('good requests', () => {
  it('covers every exchange in the data', () => {
    expect(examples.map(([e]) => e).sort()).toEqual(exchanges.map((e) => e.id).sort());
  });

  it.each(examples)('%s: the official example → the same verdict, findings and profile as the rules', async (exchange, fixture) => {
    for (const mode of ['read-trade', 'read-write'] as const) {
      const res = await post({ exchange, mode, metadata: sample(fixture) });
      expect(res.status, `${exchange} ${mode}`).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = await res.json();
      const want = expected(exchange, sample(fixture), mode);
      expect(body).toEqual({ verdict: want.verdict, findings: want.findings, profile: want.profile, exchange, mode });
      for (const f of body.findings) expect(f.docs).toMatch(/^https:\/\/docs\.xapy\.io\/(tools\/api-key-checker|tools\/ip-whitelist-checker)\/#[a-z-]+$/);
    }
  });

  it('metadata may be sent as a string holding the JSON', async () => {
    const body = await (await post({ exchange: 'okx', mode: 'read-trade', metadata: JSON.stringify(sample('okx-account-config')) })).json();
    expect(body.verdict).toBe(expected('okx', sample('okx-account-config'), 'read-trade').verdict);
  });

  it('ips fill in a list the exchange hides, and addressWhitelistConfirmed clears the Read-Write warning', async () => {
    const key = { ...sample('binance-api-restrictions'), ipRestrict: true, enableFutures: true, enablePortfolioMarginTrading: false, enableWithdrawals: true, permitsUniversalTransfer: true };
    const all = servers.servers.map((s) => s.address);
    const without = await (await post({ exchange: 'binance', mode: 'read-write', metadata: key })).json();
    expect(without.findings.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['ip-list-not-checked', 'address-whitelist-unconfirmed']));
    const withIps = await (await post({ exchange: 'binance', mode: 'read-write', metadata: key, ips: all, addressWhitelistConfirmed: true })).json();
    expect(withIps.findings.map((f: { id: string }) => f.id)).not.toContain('ip-list-not-checked');
    expect(withIps.findings.map((f: { id: string }) => f.id)).not.toContain('address-whitelist-unconfirmed');
    expect(withIps.verdict).toBe(expected('binance', key, 'read-write', { ips: all.join('\n'), addressWhitelistConfirmed: true }).verdict);
  });

  it('a key chosen from a multi-key response with keyIndex', async () => {
    const res = await post({ exchange: 'gate', mode: 'read-trade', metadata: sample('gate-account-main-keys'), keyIndex: 1 });
    expect(res.status).toBe(200);
    expect((await res.json()).profile.label).toBe('test2');
  });

  it('secrets are reported and redacted everywhere', async () => {
    const secret = 'Zq7Xk2Lp9Vb4Nc8Md1Wf6Gh3Js5Ty0Ru';
    const key = { ...sample('okx-account-config').data[0], secretKey: secret, label: `my key ${secret}` };
    const res = await post({ exchange: 'okx', mode: 'read-trade', metadata: key, ips: `192.0.2.10, ${secret}` });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice(0, 16));
    const report = JSON.parse(text);
    expect(report.verdict).toBe('fail');
    expect(report.findings.filter((f: { id: string }) => f.id === 'secret-pasted')).toHaveLength(1);
    expect(report.findings[0].message).toMatch(/treat this key as exposed: delete it on the exchange and create a new one/);
  });

  it('a bare secret pasted as the metadata fails as an exposed key, not as bad JSON', async () => {
    const secret = 'Zq7Xk2Lp9Vb4Nc8Md1Wf6Gh3Js5Ty0Ru';
    const res = await post({ exchange: 'bybit', mode: 'read-trade', metadata: secret });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(secret.slice(0, 12));
    expect(JSON.parse(text)).toMatchObject({ verdict: 'fail', findings: [{ id: 'secret-pasted' }] });
  });
});

describe('the ticked boxes, by the exchange’s own labels', () => {
  const ips = servers.servers.map((s) => s.address).join(', ');
  const tickLabels = (exchange: string, mode: 'readTrade' | 'readWrite') => {
    const boxes = keyFactsOf(getExchange(exchange)!).permissions!;
    return boxes.filter((b) => b[mode] === 'tick').map((b) => (b.group && !b.label.toLowerCase().startsWith(b.group.toLowerCase()) ? `${b.group}: ${b.label}` : b.label));
  };

  it.each(exchanges.map((e) => e.id))('%s: the guide’s Tick boxes and XAPY’s servers pass in both modes', async (exchange) => {
    for (const [mode, level] of [['read-trade', 'readTrade'], ['read-write', 'readWrite']] as const) {
      const res = await post({ exchange, mode, boxes: tickLabels(exchange, level), ips, addressWhitelistConfirmed: true });
      expect(res.status).toBe(200);
      const report = await res.json();
      expect(report.verdict, JSON.stringify(report.findings)).toBe('pass');
      expect(report.profile.source).toBe('form');
    }
  });

  it('Binance: Portfolio Margin and FIX Read Only bound to XAPY fail, and the fix names the boxes XAPY needs', async () => {
    const res = await post({ exchange: 'binance', mode: 'read-trade', boxes: ['Enable Portfolio Margin Trading', 'Enable FIX API Read Only'], ips });
    const report = await res.json();
    expect(report.verdict).toBe('fail');
    expect(report.findings.map((f: { fix?: string }) => f.fix ?? '').join(' ')).toMatch(/Tick “Enable Futures”/);
    const metadata = { ipRestrict: true, enablePortfolioMarginTrading: true, enableFixReadOnly: true, enableFutures: false, enableReading: false };
    expect((await (await post({ exchange: 'binance', mode: 'read-trade', metadata, ips })).json()).verdict).toBe('fail');
  });

  it('an unknown label gets a 400 that lists the form’s boxes; nothing at all gets a 422 saying what to send', async () => {
    await expectError(await post({ exchange: 'okx', mode: 'read-trade', boxes: ['Trade', 'Moon'], ips }), 400, /“Moon” is not a box on OKX’s key form\. Its boxes: “Read”, “Trade”, “Withdraw”/);
    await expectError(await post({ exchange: 'okx', mode: 'read-trade', boxes: [] }), 422, /"boxes".*"ips"/);
    await expectError(await post({ exchange: 'okx', mode: 'read-trade' }), 422, /^Nothing to check\. Send "metadata".*or "boxes"/);
    await expectError(await post({ exchange: 'okx', mode: 'read-trade', metadata: '  ' }), 422, /"metadata" field is empty/);
    await expectError(await post({ exchange: 'okx', mode: 'read-trade', metadata: {}, boxes: ['Read'] }), 400, /either "metadata" or "boxes"/);
  });
});

async function expectError(res: Response, status: number, message: RegExp) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatch(message);
  return body.error as string;
}

describe('bad requests get a 4xx and a clear message, never a 500', () => {
  it('unparseable metadata says what was expected, and does not quote it', async () => {
    const error = await expectError(await post({ exchange: 'kucoin', mode: 'read-trade', metadata: '{"secret": "hunter2-hunter2" oops' }), 400, /not valid JSON.*GET \/api\/v1\/user\/api-key/);
    expect(error).not.toContain('hunter2');
  });

  it('the wrong exchange’s shape names the exchange it looks like', async () => {
    await expectError(await post({ exchange: 'okx', mode: 'read-trade', metadata: sample('bybit-query-api') }), 400, /not the key metadata OKX returns.*Bybit/);
  });

  it('a multi-key response lists the keys and asks for one', async () => {
    await expectError(await post({ exchange: 'gate', mode: 'read-trade', metadata: sample('gate-account-main-keys') }), 400, /lists 2 keys.*keyIndex.*0: Key 1 “test1”/);
  });

  it.each([
    [{ mode: 'read-trade', metadata: {} }, /"exchange" field is missing/],
    [{ exchange: 'mtgox', mode: 'read-trade', metadata: {} }, /Unknown exchange "mtgox".*okx/],
    [{ exchange: 'okx', metadata: {} }, /"mode" field must be "read-trade" or "read-write"/],
    [{ exchange: 'okx', mode: 'withdraw-all', metadata: {} }, /"mode" field must be/],
    [{ exchange: 'okx', mode: 'read-trade', metadata: 5 }, /must be a JSON object/],
    [{ exchange: 'okx', mode: 'read-trade', metadata: {}, ips: 5 }, /"ips" field must be text/],
    [{ exchange: 'okx', mode: 'read-trade', metadata: {}, addressWhitelistConfirmed: 'yes' }, /must be true or false/],
    [{ exchange: 'okx', mode: 'read-trade', metadata: {}, keyIndex: -1 }, /"keyIndex" field must be a whole number/],
  ])('%j', async (body, message) => {
    await expectError(await post(body), 400, message);
  });

  it('an error reply pasted as metadata is named as such', async () => {
    await expectError(await post({ exchange: 'bybit', mode: 'read-trade', metadata: { retCode: 10003, retMsg: 'API key is invalid.', result: {} } }), 400, /error reply from Bybit \(code 10003/);
  });

  it('invalid JSON bodies and wrong methods', async () => {
    await expectError(await post('{"exchange": "okx", "secret": "abc'), 400, /not valid JSON/);
    await expectError(await post('[]'), 400, /must be a JSON object/);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(api, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(res.headers.get('allow')).toBe('POST');
      await expectError(res, 405, /Use POST/);
    }
  });
});

describe('any request body', () => {
  it('any JSON value as metadata, or as the whole body, gets a 200, or a 400 or 422 with a message, never a 500', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...exchanges.map((e) => e.id)), fc.jsonValue(), fc.boolean(), async (exchange, value, whole) => {
      const res = await post(whole ? JSON.stringify(value) : { exchange, mode: 'read-trade', metadata: value });
      expect([200, 400, 422]).toContain(res.status);
      const body = await res.json();
      if (res.status !== 200) expect(typeof body.error).toBe('string');
      else expect(['pass', 'warn', 'fail']).toContain(body.verdict);
    }), { numRuns: 60 });
  });
});

describe('fixture sources', () => {
  it('every example used here names its official URL', () => {
    for (const [, name] of examples) expect(fixtures[name]!.source).toMatch(/^https:\/\//);
  });
});
