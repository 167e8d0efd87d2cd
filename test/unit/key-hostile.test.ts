/**
 * Pasted JSON is untrusted: any value of an official example response may be replaced by an
 * object that breaks string conversion ({"toString": false}), a nested one, null or a huge string.
 * The checker must still answer with a well-formed report (or a clear error), for every exchange,
 * every position in the response and both modes. fast-check found the first such crash; this
 * sweep keeps every position covered.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { checkKeyMetadata, keyFactsOf } from '../../src/rules/key-check.ts';
import { getExchange, servers } from '../../src/data/index.ts';

const hostile: unknown[] = [
  { toString: false }, { valueOf: 1, toString: 'x' }, [{ toString: false }], { a: { toString: false } },
  null, [], {}, 1e308, true, '', 'x'.repeat(5000),
];
type Path = (string | number)[];

function positions(value: unknown, path: Path = []): Path[] {
  const inner = Array.isArray(value)
    ? value.flatMap((x, i) => positions(x, [...path, i]))
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, x]) => positions(x, [...path, k]))
      : [];
  return path.length ? [path, ...inner] : inner;
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path.at(-1)!] = structuredClone(value);
  return copy;
}

const fixtures = readdirSync('test/fixtures/key-metadata').filter((f) => f.endsWith('.json'));

describe.each(fixtures)('%s with hostile values', (file) => {
  const { response, source } = JSON.parse(readFileSync(`test/fixtures/key-metadata/${file}`, 'utf8'));
  const exchange = file.split('-')[0]!;
  const ctx = { servers, exchange: keyFactsOf(getExchange(exchange)!), site: 'https://docs.xapy.io' };

  it(`never throws, whatever replaces any value (example from ${source})`, () => {
    const outcomes = { reports: 0, errors: 0 };
    for (const path of positions(response)) {
      for (const value of hostile) {
        for (const mode of ['read-trade', 'read-write'] as const) {
          const result = checkKeyMetadata({ exchange, mode, metadata: replaced(response, path, value), keyIndex: 0, ips: '1.1.1.1' }, ctx);
          if (result.ok) {
            expect(['pass', 'warn', 'fail']).toContain(result.report.verdict);
            for (const f of result.report.findings) expect(typeof f.message).toBe('string');
            outcomes.reports++;
          } else {
            expect(result.error.length).toBeGreaterThan(10);
            outcomes.errors++;
          }
        }
      }
    }
    expect(outcomes.reports + outcomes.errors).toBe(positions(response).length * hostile.length * 2);
  });
});

describe('secrets in hostile places', () => {
  const ctx = { servers, exchange: keyFactsOf(getExchange('okx')!), site: 'https://docs.xapy.io' };
  const check = (key: Record<string, unknown>) => checkKeyMetadata({ exchange: 'okx', mode: 'read-write', metadata: JSON.stringify({ code: '0', msg: '', data: [key] }) }, ctx);
  const key = { uid: '44705892343619584', mainUid: '44705892343619584', label: 'XAPY', perm: 'read_only,trade', ip: '192.0.2.10' };

  it('a secret that is one of the checker’s own words is kept out of the messages, not out of rule ids, links or the profile', () => {
    const result = check({ ...key, secret: 'withdraw' });
    expect(result.ok).toBe(true);
    const { report } = result as Extract<typeof result, { ok: true }>;
    expect(report.findings.map((f) => f.id)).toContain('missing-withdraw');
    for (const f of report.findings) expect(f.docs).toMatch(new RegExp(`#${f.id}$`));
    expect(report.profile.capabilities.withdraw).toBe(false);
    for (const f of report.findings) expect(f.message.toLowerCase()).not.toContain('withdraw');
  });

  it('thousands of secrets are redacted everywhere (test/timing/ checks the time it takes)', () => {
    const token = (i: number) => `Ab${i.toString(36).padStart(6, '0')}x9K2mQ7pL4vN8rT3wY6z`;
    const out = JSON.stringify(check({ ...key, ip: Array.from({ length: 2000 }, (_, i) => token(i)).join(',') }));
    expect(out).not.toMatch(/x9K2mQ7pL4vN/);
  });
});
