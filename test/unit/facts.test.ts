/**
 * `npm run facts` and the "facts checked" line on each guide: every dated fact of every exchange,
 * oldest first, with those older than 90 days flagged.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { exchanges, getExchange } from '../../src/data/index.ts';
import { STALE_DAYS, ageInDays, checkedSpan, factsCheckedText, factsOf, factsReport, oldestFirst } from '../../src/data/facts.ts';

const okx = getExchange('okx')!;

describe('the dated facts of an exchange', () => {
  it('finds every kind of fact: IP, key, withdrawal, pitfalls and errors', () => {
    const paths = factsOf(okx).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['ip.maxPerKey', 'key.permissions', 'withdrawal.apiLimitedToWhitelist', 'errors.58207']));
    expect(paths.filter((p) => p.startsWith('pitfalls.'))).toHaveLength(okx.pitfalls.length);
    expect(paths.filter((p) => p.startsWith('errors.'))).toHaveLength(okx.errors.length);
  });

  it('sorts oldest first and counts days between dates', () => {
    const list = oldestFirst(exchanges.flatMap(factsOf));
    for (let i = 1; i < list.length; i++) expect(list[i - 1]!.verified <= list[i]!.verified).toBe(true);
    expect(ageInDays('2026-11-26', '2027-02-24')).toBe(90);
    expect(ageInDays('2026-11-26', '2027-02-25')).toBe(91);
  });

  it('flags facts older than 90 days and no others', () => {
    const oldest = checkedSpan(okx).oldest.verified;
    const justInTime = new Date(Date.parse(`${oldest}T00:00:00Z`) + STALE_DAYS * 86_400_000).toISOString().slice(0, 10);
    const dayLater = new Date(Date.parse(`${justInTime}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(factsReport([okx], justInTime).stale).toBe(0);
    const later = factsReport([okx], dayLater);
    expect(later.stale).toBeGreaterThan(0);
    expect(later.text.split('\n')[0]).toMatch(/^STALE {2}\d{4}-\d{2}-\d{2}/);
    expect(later.text).toMatch(/older than 90 days/);
  });

  it('the guide line gives the dates of the checks, names a lone oldest one, and warns once it is stale', () => {
    // All of OKX's facts share one date: the line gives it, and names no fact.
    const { oldest, count } = checkedSpan(okx);
    expect(new Set(factsOf(okx).map((f) => f.verified)).size).toBe(1);
    const text = factsCheckedText(okx, oldest.verified);
    expect(text).toBe(`The ${count} facts on this page were checked against OKX’s official documentation on ${oldest.verified}.`);
    expect(factsCheckedText(okx, '2099-01-01')).toMatch(/more than 90 days old/);

    // One fact checked earlier than the others: the line names it.
    const older = structuredClone(okx);
    const first = factsOf(older)[0]!;
    const [part, name] = first.path.split('.') as ['ip' | 'key' | 'withdrawal', string];
    (older[part] as unknown as Record<string, { verified: string }>)[name]!.verified = '2026-10-01';
    expect(factsCheckedText(older, '2026-12-02')).toBe(`The ${count} facts on this page were checked against OKX’s official documentation between 2026-10-01 and ${oldest.verified}; the oldest check is ${first.label}.`);

    // Several facts share the oldest date: the line says how many.
    (older[part] as unknown as Record<string, { verified: string }>)[name]!.verified = '2026-12-01';
    expect(factsCheckedText(older, '2026-12-02')).toBe(`The ${count} facts on this page were checked against OKX’s official documentation between ${oldest.verified} and 2026-12-01, ${count - 1} of them on ${oldest.verified}.`);
  });
});

// Each run starts a Node process (a few seconds on a busy machine).
describe('npm run facts', { timeout: 60_000 }, () => {
  const script = (...args: string[]) => spawnSync(process.execPath, ['scripts/facts.mjs', ...args], { encoding: 'utf8' });

  it('prints every fact, oldest first, and a summary; --check passes when none is stale', () => {
    const out = execFileSync(process.execPath, ['scripts/facts.mjs', '--today', '2026-12-02', '--check'], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    const total = exchanges.flatMap(factsOf).length;
    expect(lines.filter((l) => /^(ok|STALE) /.test(l))).toHaveLength(total);
    expect(lines.at(-1)).toBe(`${total} facts; 0 older than 90 days on 2026-12-02.`);
  });

  it('with --check, fails when a fact is stale; refuses a bad date or exchange', () => {
    expect(script('--today', '2030-01-01', '--check').status).toBe(1);
    const bad = script('--today', '02/12/2026');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
    expect(script('--exchange', 'nope').stderr).toMatch(/no exchange "nope"/);
  });
});
