/**
 * POST/GET /api/check/ips as a script or an agent calls it: good requests get the report,
 * bad ones a 4xx with a clear message, never a 500.
 */
import { describe, expect, it, inject } from 'vitest';
import { expectJsonError } from '../helpers/site.ts';
import { exchangeIds } from '../../src/data/index.ts';

const base = inject('baseUrl');
const api = `${base}/api/check/ips`;
const post = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(api, { method: 'POST', headers, body });

const servers: { address: string }[] = (await (await fetch(`${base}/servers.json`)).json()).servers;
const all = servers.map((s) => s.address);

describe('good requests', () => {
  it('POST checks a list for an exchange and returns the report', async () => {
    const res = await post(JSON.stringify({ exchange: 'okx', ips: all.join(', ') }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const report = await res.json();
    expect(report.verdict).toBe('pass');
    expect(report.exchange).toBe('okx');
    expect(report.formatted).toBe(all.join(','));
    expect(report.entries).toHaveLength(all.length);
    expect(report.entries[0]).toEqual({ input: all[0], kind: expect.stringMatching(/^ipv[46]$/), normalized: all[0] });
  });

  it('GET takes the same fields from the query string', async () => {
    const res = await fetch(`${api}?exchange=coinex&ips=${encodeURIComponent(`${all[0]}\n9.9.9.9`)}`);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.verdict).toBe('fail');
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['not-xapy-server', 'missing-xapy-server']));
    expect(report.formatted).toBe(all.join('\n'));
  });

  it('accepts an array of strings, and “any” or no exchange', async () => {
    for (const body of [{ ips: all }, { exchange: 'any', ips: all }]) {
      const report = await (await post(JSON.stringify(body))).json();
      expect(report.verdict).toBe('pass');
      expect(report.exchange).toBe('any');
    }
  });

  it('an empty list is not a verdict: 422, saying what to send and what an unbound key means', async () => {
    const res = await post(JSON.stringify({ exchange: 'bybit', ips: ' ' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/^The "ips" field is empty\. Send the key’s IP list.*accepts requests from anywhere/);
  });

  it('the exact server list passes on every exchange, in the exchange’s own format and as a list', async () => {
    const list = (await (await fetch(`${base}/servers.json`)).json()) as { servers: { address: string }[] };
    const addresses = list.servers.map((s) => s.address);
    for (const exchange of [...exchangeIds, 'any']) {
      for (const ips of [addresses.join('\n'), addresses.join(','), addresses]) {
        const report = await (await post(JSON.stringify({ exchange, ips }))).json();
        expect(report.verdict, `${exchange}: ${JSON.stringify(report.findings)}`).toBe('pass');
      }
    }
  });

  it('carries the example-list notice as an info finding while the list is an example', async () => {
    const list = await (await fetch(`${base}/servers.json`)).json();
    const report = await (await post(JSON.stringify({ ips: all }))).json();
    expect(report.findings.some((f: { id: string }) => f.id === 'example-server-list')).toBe(list.status === 'example');
  });

  it('every finding links to its rule on the checker page', async () => {
    const report = await (await post(JSON.stringify({ exchange: 'gate', ips: '*, 10.0.0.1, x, 2001:db8::/32' }))).json();
    for (const f of report.findings) expect(f.docs).toBe(`https://docs.xapy.io/tools/ip-whitelist-checker/#${f.id}`);
    const page = await (await fetch(`${base}/tools/ip-whitelist-checker/`)).text();
    for (const f of report.findings) expect(page).toContain(`id="${f.id}"`);
  });
});

describe('bad requests get a 4xx and a clear message, never a 500', () => {
  const expectError = expectJsonError;

  it('unknown exchange → 400 listing the valid ids', async () => {
    await expectError(await post(JSON.stringify({ exchange: 'mtgox', ips: '1.1.1.1' })), 400, /Unknown exchange "mtgox".*binance.*okx.*any/);
    await expectError(await fetch(`${api}?exchange=MTGOX&ips=1.1.1.1`), 400, /Unknown exchange/);
    await expectError(await post(JSON.stringify({ exchange: 7, ips: '1.1.1.1' })), 400, /Unknown exchange 7/);
  });

  it('missing ips → 400', async () => {
    await expectError(await post(JSON.stringify({ exchange: 'okx' })), 400, /"ips" field is missing/);
    await expectError(await fetch(`${api}?exchange=okx`), 400, /"ips" field is missing/);
  });

  it('ips of the wrong type → 400', async () => {
    await expectError(await post(JSON.stringify({ ips: 42 })), 400, /must be text or an array of strings/);
    await expectError(await post(JSON.stringify({ ips: [1, 2] })), 400, /must be text or an array of strings/);
  });

  it('invalid JSON → 400, whatever the content type', async () => {
    await expectError(await post('{"ips": '), 400, /not valid JSON/);
    await expectError(await post('{bad', { 'Content-Type': 'application/x-www-form-urlencoded' }), 400, /not valid JSON/);
    await expectError(await post('', {}), 400, /body is empty/);
    await expectError(await post('["1.1.1.1"]'), 400, /must be a JSON object/);
    await expectError(await post('null'), 400, /must be a JSON object/);
  });

  it('a body over 64 kB → 413', async () => {
    await expectError(await post(JSON.stringify({ ips: '1.1.1.1\n'.repeat(10_000) })), 413, /larger than 64 kB/);
  });

  it('wrong method → 405 with Allow', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(api, { method, body: '{}' });
      expect(res.headers.get('allow')).toBe('GET, POST');
      await expectError(res, 405, /Use GET or POST/);
    }
  });
});
