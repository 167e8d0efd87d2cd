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
 * anchor; errors first, then warnings, then notes. Checked in plain code and asserted once, so
 * that 10,000 cases stay quick.
 */
export function assertReport(report: Report, site: string): void {
  expect(reportProblems(report, site)).toEqual([]);
}

const docsLinks = new Map<string, RegExp>();

/** How `report` breaks the contract, one line a problem; empty when it keeps it. */
export function reportProblems(report: Report, site: string): string[] {
  const problems: string[] = [];
  if (!['pass', 'warn', 'fail'].includes(report.verdict)) problems.push(`verdict ${JSON.stringify(report.verdict)}`);
  if (!Array.isArray(report.findings)) return [...problems, 'findings is not a list'];
  let docs = docsLinks.get(site);
  if (!docs) docsLinks.set(site, (docs = new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^#\\s]*#[a-z0-9-]+$`)));
  for (const f of report.findings) {
    const bad = (what: string) => problems.push(`finding ${JSON.stringify(f).slice(0, 200)}: ${what}`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(f.id)) bad('id');
    if (!SEVERITIES.includes(f.severity)) bad('severity');
    if (typeof f.message !== 'string' || f.message.length === 0) bad('message');
    if (f.fix !== undefined && !(typeof f.fix === 'string' && f.fix.length > 0)) bad('fix');
    if (f.docs !== undefined && !docs.test(f.docs)) bad('docs');
  }
  if (report.verdict !== verdictOf(report.findings)) problems.push(`verdict ${report.verdict}, not ${verdictOf(report.findings)}`);
  const severities = report.findings.map((f) => order(f.severity));
  if (severities.some((s, i) => i > 0 && s < severities[i - 1]!)) problems.push('findings not in order of severity');
  // A huge paste still gives a readable report: a rule names at most 20 entries, then one "…and N more".
  const perRule = new Map<string, number>();
  for (const f of report.findings) perRule.set(f.id, (perRule.get(f.id) ?? 0) + 1);
  for (const [id, n] of perRule) if (n > MAX_PER_RULE) problems.push(`${n} findings of ${id}`);
  return problems;
}

/**
 * Milliseconds one call of `fn` takes on `text`: the fastest of `repeat` runs, so that a busy
 * machine inflates it as little as possible.
 */
export function fastest(fn: (text: string) => unknown, text: string, repeat = 3): number {
  // With --expose-gc (the `timing` project), the runs start on a clean heap: the garbage of the
  // measurement before is not collected on this one's time.
  (globalThis as { gc?: () => void }).gc?.();
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    fn(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}
