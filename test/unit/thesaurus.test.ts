/**
 * The domain thesaurus is data, checked entry by entry: each entry names a question from the
 * benchmark set, and that question's answer is better with the entry than without it (the fact
 * appears, the right page comes first or higher, or the answer holds more of the question).
 */
import { describe, expect, it } from 'vitest';
import { docsIndex } from '../helpers/docs-pages';
import { ask } from '../../src/agents/ask';
import { compileThesaurus, parseThesaurus, thesaurusEntries } from '../../src/agents/thesaurus';
import { hasFact, questions } from '../../bench/questions.mjs';

interface BenchQuestion { q: string; page: string | string[]; fact: unknown; on?: string; heldOut: boolean }
const bench = questions as BenchQuestion[];
/** The questions issue 13 names as failing; they may serve as examples even where they are held out. */
const ISSUE_QUESTIONS = new Set(['What must I finish before giving my API key withdrawal permission?']);

const index = docsIndex();
const pageOf = (url: string) => new URL(url).pathname.replace(/^\//, '').replace(/\.md$/, '');

/** How good an answer is, compared in order: fact in the answer, right page first, right page's place, confidence. */
function quality(x: BenchQuestion, thesaurus: ReturnType<typeof compileThesaurus>): number[] {
  const r = ask(index, { question: x.q, page: x.on ?? 'index' }, thesaurus);
  if (r.kind !== 'answer') return [0, 0, -99, 0];
  const pages = [x.page].flat();
  const place = r.sources.findIndex((s) => pages.includes(pageOf(s.url)));
  return [hasFact(r.answer, x.fact) ? 1 : 0, place === 0 ? 1 : 0, place < 0 ? -99 : -place, r.confidence];
}
const better = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

describe('the thesaurus', () => {
  const all = compileThesaurus(thesaurusEntries);

  it.each(thesaurusEntries.map((e, i) => [e.asked.join(', '), i] as const))('entry "%s" improves the answer to its example question', (_, i) => {
    const entry = thesaurusEntries[i]!;
    const example = bench.find((x) => x.q === entry.example);
    expect(example, `"${entry.example}" is in bench/questions.mjs`).toBeDefined();
    expect(!example!.heldOut || ISSUE_QUESTIONS.has(example!.q), 'examples come from the tuned part of the set').toBe(true);
    const without = compileThesaurus(thesaurusEntries.filter((_, k) => k !== i));
    const withIt = quality(example!, all);
    const withoutIt = quality(example!, without);
    expect(better(withIt, withoutIt), `with ${JSON.stringify(withIt)}, without ${JSON.stringify(withoutIt)}`).toBe(true);
  });

  it('rejects an entry without a docs word, or with a missing field, naming the file', () => {
    expect(() => parseThesaurus('t.yaml', '- asked: [x]\n  docs: [up to]\n  example: q')).toThrow(/t\.yaml: .*no content word/);
    expect(() => parseThesaurus('t.yaml', '- asked: [x]\n  example: q')).toThrow(/t\.yaml: 0\.docs/);
  });
});
