/**
 * The facts in src/data: every file is valid, and a broken file is refused with a message
 * that names the file, the field and what is expected.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exchanges, servers } from '../../src/data/index.ts';
import { parseExchangeFile, parseServersFile } from '../../src/data/parse.ts';

const okxText = readFileSync('src/data/exchanges/okx.yaml', 'utf8');

describe('the shipped data', () => {
  it('has the eight exchanges XAPY supports', () => {
    expect(exchanges.map((e) => e.id).sort()).toEqual(['binance', 'bitget', 'bybit', 'coinex', 'gate', 'htx', 'kucoin', 'okx']);
  });

  it('gives every fact an https source and a verified date', () => {
    for (const ex of exchanges) {
      for (const [key, fact] of Object.entries(ex.ip)) {
        expect(fact.sources.length, `${ex.id}.${key}`).toBeGreaterThan(0);
        expect(fact.verified, `${ex.id}.${key}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('ships example addresses only from the RFC 5737 documentation ranges while status is example', () => {
    expect(servers.status).toBe('example');
    for (const s of servers.servers) expect(s.address).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\./);
  });
});

describe('a broken exchange file fails with a helpful message', () => {
  const broken = (from: string, to: string) => () => parseExchangeFile('src/data/exchanges/okx.yaml', okxText.replace(from, to));

  it('names the file, the field and the expectation for a wrong type', () => {
    expect(broken('value: 20', 'value: twenty')).toThrow(/src\/data\/exchanges\/okx\.yaml is not valid:\n {2}- ip\.maxPerKey\.value: expected a whole number above 0, or "unknown" when no official source says/);
  });

  it('refuses a source that is not https', () => {
    expect(broken('https://www.okx.com/docs-v5/en/#trading', 'http://www.okx.com/docs-v5/en/#trading')).toThrow(/ip\.separator\.sources\.\d\.url: expected an https:\/\/ URL/);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(broken('verified: 2026-11-26', 'verified: 26/11/2026')).toThrow(/verified: expected a date written YYYY-MM-DD/);
  });

  it('requires a note when a fact is unknown', () => {
    const text = okxText.replace(/ {2}cidr:\n {4}value: true/, '  cidr:\n    value: unknown');
    expect(() => parseExchangeFile('src/data/exchanges/okx.yaml', text)).toThrow(/ip\.cidr\.note: an unknown or disputed fact needs a note/);
  });

  it('refuses unknown fields, so typos do not pass silently', () => {
    expect(broken('  cidr:', '  cdir:\n    value: true\n  cidr:')).toThrow(/ip/);
  });

  it('refuses an id that does not match the file name', () => {
    expect(broken('id: okx', 'id: okex')).toThrow(/id: expected "okx" \(the file name\), found "okex"/);
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseExchangeFile('src/data/exchanges/okx.yaml', 'ip: [unclosed')).toThrow(/okx\.yaml is not valid YAML/);
  });
});

describe('a broken server list fails with a helpful message', () => {
  const file = 'src/data/servers.yaml';
  const ok = [
    'status: published',
    'servers:',
    '  - address: 8.8.4.4',
    '    label: A',
    '  - address: 2001:4860:4860::8844',
    '    label: B',
    'history:',
    '  - date: 2026-11-20',
    '    added: [8.8.4.4, 1.0.0.1]',
    '  - date: 2026-11-26',
    '    added: [2001:4860:4860::8844]',
    '    removed: [1.0.0.1]',
    '    note: B replaces C.',
    '',
  ].join('\n');

  it('accepts a valid list and dates and versions it by its last change', () => {
    const list = parseServersFile(file, ok);
    expect(list.servers).toHaveLength(2);
    expect(list.updated).toBe('2026-11-26');
    expect(list.version).toBe(2026112601);
    expect(list.history.map((c) => c.version)).toEqual([2026112001, 2026112601]);
  });

  it('numbers two changes on one day so the version still grows', () => {
    const list = parseServersFile(file, `${ok}  - date: 2026-11-26\n    removed: [8.8.4.4]\n`.replace('  - address: 8.8.4.4\n    label: A\n', ''));
    expect(list.history.map((c) => c.version)).toEqual([2026112001, 2026112601, 2026112602]);
    expect(list.version).toBe(2026112602);
  });

  it('accepts the example list with its note and documentation addresses', () => {
    const example = 'status: example\nnote: Stand-ins.\nservers:\n  - address: 192.0.2.10\n    label: A\nhistory:\n  - date: 2026-11-26\n    added: [192.0.2.10]\n';
    expect(parseServersFile(file, example).status).toBe('example');
  });

  it.each([
    [ok.replace('published', 'live'), /status: expected "example" or "published"/],
    [ok.replace('address: 8.8.4.4', 'address: 8.8.4'), /servers\.0\.address: expected a single IPv4 or IPv6 address, found "8\.8\.4"/],
    [ok.replace('address: 8.8.4.4', 'address: 8.8.4.0/24'), /servers\.0\.address: expected a single IPv4 or IPv6 address/],
    [ok.replace('2001:4860:4860::8844\n    label', '8.8.4.4\n    label'), /servers\.1\.address: 8\.8\.4\.4 is listed twice/],
    [ok.replace(/servers:\n(.|\n)*history:/, 'servers: []\nhistory:'), /servers: expected at least one server/],
    [ok.replace('status: published', 'status: published\nupdated: 2026-11-26'), /updated: remove this field: the list’s date is the date of the last change under history/],
    [ok.replace(/history:(.|\n)*/, 'history: []\n'), /history: expected at least one change/],
    [ok.replace('2026-11-26', '2026-11-02'), /history\.1\.date: expected a date on or after 2026-11-20 \(the change before it\)/],
    [ok.replace('2026-11-26', '26.11.2026'), /history\.1\.date: expected a date written YYYY-MM-DD/],
    [ok.replace('    added: [2001:4860:4860::8844]\n    removed: [1.0.0.1]\n', ''), /history\.1\.added: expected at least one address under added or removed/],
    [ok.replace('removed: [1.0.0.1]', 'removed: [1.0.0.2]'), /history\.1\.removed\.0: 1\.0\.0\.2 is not on the list on 2026-11-26/],
    [ok.replace('added: [2001:4860:4860::8844]', 'added: [2001:4860:4860::8844, 8.8.4.4]'), /history\.1\.added\.1: 8\.8\.4\.4 is already on the list \(added on 2026-11-20\)/],
    [ok.replace('added: [8.8.4.4, 1.0.0.1]', 'added: [1.0.0.1]'), /servers\.0\.address: 8\.8\.4\.4 is listed, but no change under history adds it/],
    [ok.replace('removed: [1.0.0.1]', 'removed: []'), /servers: 1\.0\.0\.1 was added on 2026-11-20 and never removed, but servers does not list it/],
    [ok.replace('status: published', 'status: published\nnote: Stand-ins.'), /note: remove note: it explains the example list/],
    [ok.replace('status: published', 'status: example'), /note: expected a note while status is example/],
    [ok.replaceAll('8.8.4.4', '192.0.2.10'), /servers\.0\.address: 192\.0\.2\.10 is a reserved address, not a public one: a published list holds XAPY’s real servers only/],
    [ok.replaceAll('1.0.0.1', '10.0.0.1'), /history\.0\.added\.1: 10\.0\.0\.1 is a private address, not a public one/],
  ])('refuses a bad list (%#)', (text, message) => {
    expect(() => parseServersFile(file, text)).toThrow(message);
  });
});
