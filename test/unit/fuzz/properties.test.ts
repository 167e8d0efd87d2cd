/**
 * Properties particular to each parser and rule set, beyond the shared ones in test/helpers/fuzz-targets.ts
 * (FUZZ_RUNS cases each).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { parseEntry, parseList, splitEntries } from '../../../src/rules/ip-parse.ts';
import { checkIps } from '../../../src/rules/ip-check.ts';
import { fitsMasked } from '../../../src/rules/key-check.ts';
import { mdxToMarkdown } from '../../../src/agents/markdown.ts';
import { ipContext, runTarget, servers, targets, exchangeIdsOnDisk } from '../../helpers/targets.ts';
import { inputsFor, ipListText } from '../../helpers/fuzz-inputs.ts';
import { property } from '../../helpers/fuzz.ts';

describe('ip-parse', () => {
  property('every entry is either valid with a normal form or invalid with a reason', ipListText, (text) => {
    const entries = parseList(text);
    expect(entries.length).toBe(splitEntries(text).length);
    for (const e of entries) {
      if (e.kind === 'invalid') expect([e.normalized, typeof e.reason]).toEqual([undefined, 'string']);
      else expect([typeof e.normalized, e.reason]).toEqual(['string', undefined]);
    }
  });

  property('a normal form reads back as itself, of the same kind', ipListText, (text) => {
    for (const e of parseList(text)) {
      if (e.kind === 'invalid') continue;
      const again = parseEntry(e.normalized!);
      expect([again.kind, again.normalized]).toEqual([e.kind, e.normalized]);
    }
  });
});

describe('ip-check', () => {
  const exchange = fc.constantFrom(null, ...exchangeIdsOnDisk);
  const addresses = servers.servers.map((s) => s.address);

  property('XAPY’s own list, in any order and separators, has no error for “any exchange”',
    fc.tuple(fc.shuffledSubarray(addresses, { minLength: addresses.length }), fc.array(fc.constantFrom(',', ' ', '\n', '; ', '\t'), { minLength: addresses.length, maxLength: addresses.length })),
    ([list, seps]) => {
      const report = checkIps(list.map((a, i) => a + seps[i]).join(''), ipContext(null));
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });

  property('adding a public address that is not XAPY’s always fails, naming it',
    fc.tuple(ipListText, fc.ipV4().filter((ip) => /^(?:[1-9]|[1-9]\d|1[01]\d|12[0-6]|1[3-6]\d|17[0-1]|17[3-9]|18\d|19[0-1]|19[3-9]|2[0-1]\d|22[0-3])\./.test(ip) && !addresses.includes(ip)), exchange),
    ([text, stranger, ex]) => {
      const report = checkIps(`${stranger}\n${text}`, ipContext(ex));
      expect(report.verdict).toBe('fail');
      // Named as a stranger unless an earlier rule already explains it (a documentation or shared range).
      expect(report.findings.some((f) => f.message.includes(`“${stranger}”`) || f.message.includes('more entries'))).toBe(true);
    });

  property('the corrected list is XAPY’s servers whatever was pasted', fc.tuple(ipListText, exchange), ([text, ex]) => {
    const formatted = checkIps(text, ipContext(ex)).formatted;
    expect(formatted.split(/[,\n]/)).toEqual(addresses);
  });
});

describe('key-check: masked IP lists', () => {
  /** The regular expression fitsMasked used to build, "203.**.154" → /^203\..*\.154$/i: right, but exponential in the stars. */
  const byRegex = (shown: string[], pasted: string[]) => shown.length === pasted.length && shown
    .map((s) => new RegExp(`^${s.split(/\*+/).map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`, 'i'))
    .every((re) => pasted.some((p) => re.test(p)));
  const masked = fc.string({ unit: fc.constantFrom('1', '2', '0', '.', '*', '*', 'a', 'A', ':'), minLength: 1, maxLength: 10 });
  const entry = fc.string({ unit: fc.constantFrom('1', '2', '0', '.', 'a', 'A', ':'), maxLength: 10 });

  property('fitsMasked says what the regular expression said, without one', fc.tuple(fc.array(masked, { maxLength: 3 }), fc.array(entry, { maxLength: 3 })),
    ([shown, pasted]) => {
      expect(fitsMasked(shown, pasted)).toBe(byRegex(shown, pasted));
    });

  it('takes linear time on a mask of many stars', () => {
    const t0 = performance.now();
    expect(fitsMasked([`${'1*'.repeat(30)}x`], ['1'.repeat(50_000)])).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});

describe('agents: mdxToMarkdown', () => {
  const md = targets.find((t) => t.name === 'agents: mdxToMarkdown')!;
  property('the twin starts with the page title, its only H1', inputsFor(md.name), (text) => {
    const { result } = runTarget(md, text);
    if (result === undefined) return;
    expect(result as string).toMatch(/^# Fuzz\n/);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(result as string);
    let h1 = 0;
    visit(tree, 'heading', (h) => void (h.depth === 1 && h1++));
    expect(h1).toBe(1);
  });

  property('plain words survive the conversion', fc.array(fc.stringMatching(/^[A-Za-z]{1,12}$/), { minLength: 1, maxLength: 30 }), (words) => {
    const out = mdxToMarkdown(words.join(' '), { title: 'T', pagePath: '/p/' });
    expect(out).toBe(`# T\n\n${words.join(' ')}\n`);
  });
});
