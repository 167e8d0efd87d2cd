/**
 * Properties of the loop checker on any input: any JSON or any text gives a report or a
 * LoopInputError with a message, never another exception; every report is consistent.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exchangeIds, exchanges, networks } from '../../src/data/index.ts';
import { checkAddress } from '../../src/rules/addresses.ts';
import { readDepositLines, readWhitelistLines } from '../../src/rules/address-lines.ts';
import { LoopInputError, parseLoopInput } from '../../src/rules/address-input.ts';
import { checkAddressLoopInput, loopFactsOf, loopRules, type LoopReport } from '../../src/rules/address-loop.ts';
import { verdictOf } from '../../src/rules/report.ts';

const ctx = { exchanges: exchanges.map(loopFactsOf), networks, site: 'https://docs.example' };
const ruleIds = new Set(loopRules.map((r) => r.id));

/** Runs the whole pipeline the API runs; returns the report, or the input error's message. */
function run(body: unknown): LoopReport | string {
  try {
    return checkAddressLoopInput(parseLoopInput(body, exchangeIds, networks), ctx);
  } catch (e) {
    if (e instanceof LoopInputError) return e.message;
    throw e;
  }
}

function consistent(report: LoopReport) {
  expect(report.verdict).toBe(verdictOf(report.findings));
  for (const f of report.findings) {
    expect(ruleIds.has(f.id), f.id).toBe(true);
    expect(f.message.length).toBeGreaterThan(0);
  }
  const nodes = new Set(report.loop.nodes.map((n) => n.id));
  for (const e of report.loop.edges) {
    expect(nodes.has(e.from) && nodes.has(e.to)).toBe(true);
    expect(e.text.length).toBeGreaterThan(0);
  }
}

/** Strings people paste: real labels and addresses mixed with noise. */
const word = fc.oneof(
  fc.constantFrom('USDT', 'usdc', 'TRC20', 'ERC20', 'BEP20 (BSC)', 'TON', 'SOL', 'memo:', '#', '-', 'TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', '0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66693', 'bc1qw508d6qejxtdg4c5u4c5u4c5u4c5u4c5u4c5'),
  fc.string(),
);
const line = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
const lines = fc.array(line, { maxLength: 8 }).map((l) => l.join('\n'));
const entry = fc.record({ asset: word, network: word, address: word, memo: fc.option(word) }, { requiredKeys: [] });
const exchange = fc.record({
  exchange: fc.oneof(fc.constantFrom(...exchangeIds), fc.string()),
  deposits: fc.oneof(lines, fc.array(entry, { maxLength: 4 })),
  whitelist: fc.oneof(lines, fc.array(entry, { maxLength: 4 })),
}, { requiredKeys: ['exchange'] });

describe('never throws', () => {
  it('any JSON value gives a report or an input error naming a path', () => {
    fc.assert(fc.property(fc.jsonValue(), (body) => {
      const result = run(body);
      if (typeof result === 'string') expect(result).toMatch(/^[^:]+: /);
      else consistent(result);
    }), { numRuns: 300 });
  });

  it('any loop-shaped input, with any strings in it, gives a consistent report or an input error', () => {
    fc.assert(fc.property(fc.array(exchange, { maxLength: 5 }), (list) => {
      const result = run({ exchanges: list });
      if (typeof result === 'string') expect(result).toMatch(/^(\(body\)|exchanges)[^:]*: /);
      else consistent(result);
    }), { numRuns: 300 });
  });

  it('valid exchanges with any pasted text always give a report', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...exchangeIds), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(ids, fc.array(fc.tuple(lines, lines), { minLength: 4, maxLength: 4 }), (picked, texts) => {
      const result = run({ exchanges: picked.map((id, i) => ({ exchange: id, deposits: texts[i]![0], whitelist: texts[i]![1] })) });
      expect(typeof result).toBe('object');
      consistent(result as LoopReport);
    }), { numRuns: 200 });
  });

  it('the line readers and the address check accept any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      for (const read of [readDepositLines, readWhitelistLines]) {
        const { entries, unreadable } = read(text, networks);
        expect(entries.length + unreadable.length).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
      }
      for (const format of ['evm', 'tron', 'solana', 'bitcoin', 'other'] as const) {
        expect(['valid', 'invalid', 'unchecked']).toContain(checkAddress(text.trim(), format).status);
      }
    }), { numRuns: 500 });
  });
});
