/**
 * Timing properties, run alone in a group of their own (the `timing` project in vitest.config.ts):
 * a pasted input built for catastrophic backtracking, deep nesting or many secrets costs time in
 * proportion to its length. Each compares two runs of the same code on one machine (eight times
 * the input: linear is 8, quadratic 64), so the bound holds on a slow machine as on a fast one.
 */
import { describe, expect, it } from 'vitest';
import { linearTimeTargets } from '../helpers/fuzz-targets.ts';
import { targets } from '../helpers/targets.ts';
import { checkKeyMetadata, keyFactsOf } from '../../src/rules/key-check.ts';
import { getExchange, servers } from '../../src/data/index.ts';

it('runs with garbage collection exposed (--expose-gc), so each timed run starts on a clean heap', () => {
  expect(typeof (globalThis as { gc?: unknown }).gc).toBe('function');
});

it('runs with the C allocator keeping its memory (vitest.config.ts), so a large allocation costs the same on every run', () => {
  expect(Number(process.env.MALLOC_MMAP_THRESHOLD_)).toBeGreaterThanOrEqual(1 << 30);
  expect(Number(process.env.MALLOC_TRIM_THRESHOLD_)).toBeGreaterThanOrEqual(1 << 30);
});

linearTimeTargets(targets);

describe('secrets in a pasted key', () => {
  const ctx = { servers, exchange: keyFactsOf(getExchange('okx')!), site: 'https://docs.xapy.io' };
  const key = { uid: '44705892343619584', mainUid: '44705892343619584', label: 'XAPY', perm: 'read_only,trade', ip: '192.0.2.10' };
  const check = (k: Record<string, unknown>) => checkKeyMetadata({ exchange: 'okx', mode: 'read-write', metadata: JSON.stringify({ code: '0', msg: '', data: [k] }) }, ctx);

  it('thousands of secrets are redacted in time that grows with their number, not its square', () => {
    const token = (i: number) => `Ab${i.toString(36).padStart(6, '0')}x9K2mQ7pL4vN8rT3wY6z`;
    const run = (n: number) => check({ ...key, ip: Array.from({ length: n }, (_, i) => token(i)).join(',') });
    const time = (n: number) => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        (globalThis as { gc?: () => void }).gc?.();
        const t0 = performance.now();
        run(n);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(1000);
    // Linear is 8; the old redaction, every piece of every secret against every string, was 64.
    expect(time(8000) / time(1000)).toBeLessThan(24);
  }, 60_000);
});
