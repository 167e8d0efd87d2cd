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
  const ok = 'status: published\nupdated: 2026-11-26\nservers:\n  - address: 8.8.4.4\n    label: A\n';

  it('accepts a valid list', () => {
    expect(parseServersFile(file, ok).servers).toHaveLength(1);
  });

  it.each([
    [ok.replace('published', 'live'), /status: expected "example" or "published"/],
    [ok.replace('8.8.4.4', '8.8.4'), /servers\.0\.address: expected a single IPv4 or IPv6 address, found "8\.8\.4"/],
    [ok.replace('8.8.4.4', '8.8.4.0/24'), /servers\.0\.address: expected a single IPv4 or IPv6 address/],
    [`${ok}  - address: 8.8.4.4\n    label: B\n`, /servers\.1\.address: 8\.8\.4\.4 is listed twice/],
    ['status: published\nupdated: 2026-11-26\nservers: []\n', /servers: expected at least one server/],
  ])('refuses a bad list (%#)', (text, message) => {
    expect(() => parseServersFile(file, text)).toThrow(message);
  });
});
