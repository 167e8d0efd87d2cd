/**
 * Shared pieces of the fuzz tests: how many cases each property runs, and the checks every
 * checker report must pass (the "Contracts" of the shared design).
 *
 * `npm test` runs FUZZ_RUNS=10000 cases per property (the default); `npm run fuzz` runs 100,000.
 * A failure prints fast-check's seed and shrunk counterexample; replay it with FUZZ_SEED=<seed>.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { verdictOf, type Report } from '../../src/rules/report.ts';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

/** Property options: the run count from FUZZ_RUNS, or `runs` for properties whose cases are large. */
export const params = (runs = FUZZ_RUNS): fc.Parameters<unknown> => ({ numRuns: runs, ...(seed !== undefined ? { seed } : {}) });

/** Time allowed for one property: generous, since speed is measured in the bench, not here. */
export const timeoutFor = (runs = FUZZ_RUNS) => Math.max(60_000, runs * 20);

/** A vitest test that asserts a fast-check property over `arb` with FUZZ_RUNS cases. */
export function property<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs = FUZZ_RUNS): void {
  it(`${name} (${runs.toLocaleString('en')} cases)`, () => {
    fc.assert(fc.property(arb, predicate), params(runs));
  }, timeoutFor(runs));
}

/** The checkers' cap on findings of one rule: 20 named entries and one summary line. */
export const MAX_PER_RULE = 21;

const SEVERITIES = ['error', 'warning', 'info'];
const order = (s: string) => SEVERITIES.indexOf(s);

/**
 * Throws unless `report` keeps the report contract: a verdict of pass|warn|fail that follows from
 * the severities (fail on any error, else warn on any warning, else pass), findings with a
 * kebab-case id, a known severity, a non-empty message, and a docs link under `site` with an
 * anchor; errors first, then warnings, then notes.
 */
export function assertReport(report: Report, site: string): void {
  expect(['pass', 'warn', 'fail']).toContain(report.verdict);
  expect(Array.isArray(report.findings)).toBe(true);
  for (const f of report.findings) {
    expect(f.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(SEVERITIES).toContain(f.severity);
    expect(typeof f.message).toBe('string');
    expect(f.message.length).toBeGreaterThan(0);
    if (f.fix !== undefined) expect(f.fix.length).toBeGreaterThan(0);
    if (f.docs !== undefined) expect(f.docs).toMatch(new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^#\\s]*#[a-z0-9-]+$`));
  }
  expect(report.verdict).toBe(verdictOf(report.findings));
  const severities = report.findings.map((f) => order(f.severity));
  expect(severities).toEqual([...severities].sort((a, b) => a - b));
  // A huge paste still gives a readable report: a rule names at most 20 entries, then one "…and N more".
  const perRule = new Map<string, number>();
  for (const f of report.findings) perRule.set(f.id, (perRule.get(f.id) ?? 0) + 1);
  for (const [id, n] of perRule) expect(n, `findings of ${id}`).toBeLessThanOrEqual(MAX_PER_RULE);
}

/**
 * Milliseconds one call of `fn` takes on `text`: the fastest of `repeat` runs, so that a busy
 * machine inflates it as little as possible.
 */
export function fastest(fn: (text: string) => unknown, text: string, repeat = 3): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    fn(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
