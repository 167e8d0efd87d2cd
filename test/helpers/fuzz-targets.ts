/**
 * The shared fuzz tests of the parsers and rule sets in test/helpers/targets.ts, with fast-check
 * (FUZZ_RUNS cases per property: 10,000 in `npm test`, 100,000 in `npm run fuzz`). The files in
 * test/unit/fuzz/targets-*.test.ts run them on a share of the targets each, in parallel:
 *  - it never throws on any text, except the errors it raises on purpose for bad input;
 *  - a checker's result keeps the report contract, its verdict following from the severities;
 *  - a 1 MB paste into a checker returns a valid report, or a checker's message when it is no input
 *    the checker reads (its speed is a bench figure);
 *  - in a checker, inputs built for catastrophic backtracking or deep recursion cost linear time:
 *    eight times the text takes about eight times as long, far from the 64× of a quadratic path
 *    (`linearTimeTargets`, run by test/timing/linear-time.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarial, bigPaste, runTarget, SITE_FOR_TESTS, type Target } from './targets.ts';
import { anyText, inputsFor, ipToken } from './fuzz-inputs.ts';
import { assertReport, fastest, params, property } from './fuzz.ts';

function check(target: Target, text: string): void {
  const { result } = runTarget(target, text);
  const report = result === undefined ? undefined : target.report?.(result);
  if (report) assertReport(report, SITE_FOR_TESTS);
  // A checker that does not report (an input it cannot read) says why, in a message.
  else if (target.report && result !== undefined) expect((result as { error?: unknown }).error).toMatch(/\w{3}/);
}

/** Which test file runs which targets (test/unit/fuzz/targets-<group>.test.ts): each target in one group. */
export const groups: Record<string, (t: Target) => boolean> = {
  ip: (t) => t.name.startsWith('ip-'),
  checkers: (t) => t.name.startsWith('key-check: ') || t.name.startsWith('address-loop: '),
  sources: (t) => t.input === 'source',
};

/** The shared properties, one describe block per target. */
export const fuzzTargets = (targets: readonly Target[]) => describe.each(targets.map((t) => [t.name, t] as const))('%s', (_name, target) => {
  property('never throws an unexpected error; a report keeps the contract', fc.oneof(anyText, inputsFor(target.name)), (text) => check(target, text));

  if (target.input === 'paste') {
    it('returns a valid report for a 1 MB paste', () => {
      check(target, bigPaste(1 << 20));
      if (target.bigInput) check(target, target.bigInput(1 << 20));
      // And for 1 MB of random entries, or of the target's own random input, repeated.
      const unit = fc.oneof(fc.array(ipToken, { minLength: 1, maxLength: 20 }).map((tokens) => tokens.join(', ')), inputsFor(target.name));
      fc.assert(fc.property(unit, (text) => {
        check(target, `${text}\n`.repeat(Math.ceil((1 << 20) / (text.length + 1))));
      }), params(3));
    }, 120_000);
  }
});

/**
 * The checkers' linear-time property, one describe block per visitor-facing target. These tests
 * measure time, so they run in the `timing` project (test/timing/), in a group of their own with
 * nothing else of the run beside them: a measurement shared with browsers and builds says little.
 */
export const linearTimeTargets = (targets: readonly Target[]) => describe.each(
  // Visitors' pastes only: the authors' MDX goes through micromark, which is super-linear on some
  // pathological runs (see the bench's table); an author would see the build slow down, no visitor can.
  targets.filter((t) => t.input === 'paste').map((t) => [t.name, t] as const),
)('%s', (_name, target) => {
  it('takes linear time on inputs built for backtracking and deep nesting', () => {
    const small = 32_000;
    const ratios: Record<string, number> = {};
    for (const [name, make] of Object.entries(adversarial)) {
      const run = (text: string) => runTarget(target, text);
      const [a, b] = [make(small), make(small * 8)];
      run(a); // warm up
      run(b);
      // On a busy machine one measurement can be off by a garbage collection or a cache effect: a
      // real quadratic path stays above the bound on every try, so the best of up to five tries is
      // kept (more tries cost time only when a try lands above the bound). Each try times each
      // size three times and keeps the fastest.
      let ratio = Infinity;
      for (let i = 0; i < 5 && ratio > 24; i++) ratio = Math.min(ratio, fastest(run, b, 3) / Math.max(fastest(run, a, 3), 1));
      ratios[name] = Math.round(ratio * 10) / 10;
    }
    // Linear is 8; a quadratic path would be 64.
    expect(Object.entries(ratios).filter(([, r]) => r > 24), JSON.stringify(ratios)).toEqual([]);
  }, 120_000);
});
