/**
 * POST /api/check/addresses as a script or an agent calls it: a loop of exchanges with their
 * deposit addresses and whitelists → the report and the loop as nodes and edges; bad input →
 * a 4xx naming what to change, never a 500. Exchange ids come from the site's own data.
 */
import { describe, expect, it, inject } from 'vitest';
import fc from 'fast-check';
import { expectJsonError } from '../helpers/site.ts';
import { exchangeIds } from '../../src/data/index.ts';
import { loopRules } from '../../src/rules/address-loop.ts';

const base = inject('baseUrl');
const api = `${base}/api/check/addresses`;
const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(api, { method: 'POST', headers, body });
const postJson = (body: unknown) => post(JSON.stringify(body));

const TRON = ['TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', 'TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW', 'TJ9fvTAoHLBnLRPwGDF6GTF3n2onLUNuCz'];
const [a, b, c] = exchangeIds;

/** Three of the site's exchanges, each whitelisting the others' TRON deposit addresses. */
const closed = () => ({
  exchanges: [a, b, c].map((id, i) => ({
    exchange: id,
    deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON[i] }],
    whitelist: TRON.filter((_, j) => j !== i).map((address) => ({ network: 'TRC20', address })),
  })),
});

interface Report {
  verdict: string;
  findings: { id: string; severity: string; message: string; docs: string }[];
  assets: string[];
  loop: { nodes: { id: string; kind: string }[]; edges: { from: string; to: string; asset: string | null; state: string; text: string }[] };
}

describe('good requests', () => {
  it('checks a closed three-exchange loop: no error, six edges, nothing outside', async () => {
    const res = await postJson(closed());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const report = (await res.json()) as Report;
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // A warning is only what the user can change: nothing about networks the user's own entries prove.
    expect(report.findings.filter((f) => f.severity === 'warning').map((f) => f.id).filter((id) => !id.startsWith('api-'))).toEqual([]);
    expect(report.assets).toEqual(['USDT']);
    expect(report.loop.nodes.map((n) => n.id)).toEqual([a, b, c]);
    expect(report.loop.edges).toHaveLength(6);
    // Where the data does not document TRON support, the deposit address and the whitelist entry prove it.
    for (const e of report.loop.edges) expect(e.state).toBe('ok');
  });

  it('fails a loop with a missing entry and one that leads outside, and draws both', async () => {
    const body = closed();
    body.exchanges[0]!.whitelist = [{ network: 'TRC20', address: TRON[1]! }, { network: 'ERC20', address: '0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66693' }];
    const report = (await (await postJson(body)).json()) as Report;
    expect(report.verdict).toBe('fail');
    expect(report.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['missing-edge', 'outside-loop']));
    expect(report.loop.edges.find((e) => e.from === a && e.to === c)!.state).toBe('missing');
    expect(report.loop.edges.find((e) => e.to === 'outside')).toMatchObject({ from: a, state: 'outside' });
    expect(report.loop.nodes.at(-1)).toMatchObject({ id: 'outside', kind: 'outside' });
  });

  it('takes the lists as text too, one entry per line, as the web form does', async () => {
    const body = { exchanges: [
      { exchange: a, deposits: `USDT TRC20 ${TRON[0]}`, whitelist: `TRC20 ${TRON[1]}\nTRC20` },
      { exchange: b, deposits: `USDT Tron (TRC20) ${TRON[1]}`, whitelist: `TRC20 ${TRON[0]}` },
    ] };
    const report = (await (await postJson(body)).json()) as Report;
    expect(report.findings.map((f) => f.id)).toContain('unreadable-entry');
    expect(report.findings.find((f) => f.id === 'unreadable-entry')!.message).toContain('line 2');
    expect(report.loop.edges.every((e) => e.state !== 'missing')).toBe(true);
  });

  it('links every finding to its rule on the checker page', async () => {
    const report = (await (await postJson({ exchanges: [{ exchange: a, deposits: [{ asset: 'USDT', network: 'TRC20', address: 'Tnope' }] }] })).json()) as Report;
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect(f.docs).toBe(`https://docs.xapy.io/tools/address-loop-checker/#${f.id}`);
    const page = await (await fetch(`${base}/tools/address-loop-checker/`)).text();
    for (const rule of loopRules) expect(page, rule.id).toContain(`<h3 id="${rule.id}">`);
  });
});

describe('bad requests get a 4xx and a clear message, never a 500', () => {
  const expectError = expectJsonError;

  it('unknown exchange → 400 naming the path and listing the valid ids', async () => {
    const res = await postJson({ exchanges: [{ exchange: 'mtgox' }] });
    await expectError(res, 400, new RegExp(`^exchanges\\.0\\.exchange: unknown exchange "mtgox"; use one of: ${exchangeIds.join(', ')}$`));
  });

  it('malformed structure → 400 naming the path of the bad field', async () => {
    await expectError(await postJson({ exchanges: 'okx' }), 400, /^exchanges: expected a list/);
    await expectError(await postJson({ exchanges: [{ exchange: a, whitelist: [{ network: 'TRC20' }] }] }), 400, /^exchanges\.0\.whitelist\.0\.address: is missing/);
    await expectError(await postJson({ exchanges: [{ exchange: a, deposits: [{ asset: 'DOGE', network: 'x', address: 'y' }] }] }), 400, /^exchanges\.0\.deposits\.0\.asset: expected one of USDT, USDC/);
    await expectError(await postJson({ exchange: a }), 400, /unknown field "exchange"; expected only exchanges/);
  });

  it('two exchanges and no addresses → 422 saying what to send, never a verdict', async () => {
    await expectError(await postJson({ exchanges: [{ exchange: a, deposits: [], whitelist: [] }, { exchange: b, deposits: '', whitelist: '' }] }), 422, /^Nothing to check: .*"deposits".*"whitelist"/);
  });

  it('a body that is not a JSON object → 400 with an example of the shape', async () => {
    await expectError(await post('{"exchanges": '), 400, /not valid JSON/);
    await expectError(await post('', {}), 400, /body is empty.*"exchanges"/);
    await expectError(await post('[1]'), 400, /must be a JSON object.*"exchanges"/);
  });

  it('a body over 64 kB → 413', async () => {
    await expectError(await postJson({ exchanges: [{ exchange: a, whitelist: `TRC20 ${TRON[0]}\n`.repeat(2000) }] }), 413, /larger than 64 kB/);
  });

  it('any other method → 405 with Allow: POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await fetch(api, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
      expect(res.headers.get('allow')).toBe('POST');
      await expectError(res, 405, /Use POST/);
    }
  });
});

describe('any body', () => {
  it('gets 200 with a report or a 4xx with an error message, never a 500', async () => {
    const texts = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ exchanges: fc.array(fc.record({ exchange: fc.constantFrom(...exchangeIds, 'x'), deposits: fc.oneof(fc.string(), fc.jsonValue()), whitelist: fc.oneof(fc.string(), fc.jsonValue()) }, { requiredKeys: ['exchange'] }), { maxLength: 4 }) }).map((v) => JSON.stringify(v)),
      fc.string(),
    );
    await fc.assert(fc.asyncProperty(texts, async (body) => {
      const res = await post(body);
      const json = await res.json();
      if (res.status === 200) expect(json).toHaveProperty('verdict');
      else {
        expect([400, 413]).toContain(res.status);
        expect(typeof json.error).toBe('string');
      }
    }), { numRuns: 60 });
  });
});
