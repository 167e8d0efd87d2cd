/**
 * Properties particular to each parser and rule set, beyond the shared ones in test/helpers/fuzz-targets.ts
 * (FUZZ_RUNS cases each).
 */
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { parseEntry, parseList, splitEntries } from '../../../src/rules/ip-parse.ts';
import { checkIps } from '../../../src/rules/ip-check.ts';
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
