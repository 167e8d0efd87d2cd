/**
 * Ranking shared by `?ask=`, `/search.md` and MCP: which sections answer a query, and which of
 * their blocks and sentences to quote. Everything returned is verbatim text from the docs.
 */
import type { Block, Chunk, DocsIndex, Hit } from './search-index.ts';
import { terms } from './text.ts';

export interface RankOptions {
  /** The page the agent asked on: its relevant sections are preferred. */
  page?: string;
  /** The user's end goal: sections that also serve it rank higher. */
  goal?: string;
}

export interface Ranked extends Hit {
  /** Share of the question's weight (rare words weigh more) this section matches, 0–1. */
  coverage: number;
}

/** A section must match at least this share of the question's weight to count as an answer. */
export const MIN_COVERAGE = 0.5;
const PAGE_BOOST = 1.5;
const GOAL_BOOST = 1;

/** Does a text's term list contain the query term (exactly, or as a prefix for longer terms)? */
const has = (textTerms: Set<string>, t: string) => textTerms.has(t) || (t.length >= 4 && [...textTerms].some((x) => x.startsWith(t)));

export function coverageOf(index: DocsIndex, queryTerms: string[], matched: Iterable<string>): number {
  const total = queryTerms.reduce((sum, t) => sum + index.weight(t), 0);
  if (total === 0) return 0;
  const m = new Set(matched);
  return queryTerms.filter((t) => m.has(t)).reduce((sum, t) => sum + index.weight(t), 0) / total;
}

export function rank(index: DocsIndex, query: string, options: RankOptions = {}): Ranked[] {
  const queryTerms = terms(query);
  if (queryTerms.length === 0) return [];
  const goalScores = new Map<string, number>();
  if (options.goal) {
    const goalHits = index.query(options.goal);
    const max = goalHits[0]?.score ?? 1;
    for (const h of goalHits) goalScores.set(h.chunk.key, h.score / max);
  }
  return index
    .query(query)
    .map((hit) => {
      const coverage = coverageOf(index, queryTerms, hit.matched);
      let score = hit.score * (0.5 + coverage);
      score *= 1 + GOAL_BOOST * (goalScores.get(hit.chunk.key) ?? 0);
      if (options.page && hit.chunk.page === options.page && coverage >= MIN_COVERAGE) score *= PAGE_BOOST;
      return { ...hit, coverage, score };
    })
    .sort((a, b) => b.score - a.score || a.chunk.key.localeCompare(b.chunk.key));
}

/** How much of the query's weight a piece of text (given by its terms) matches, 0–1. */
export function textCoverage(index: DocsIndex, queryTerms: string[], own: Set<string>): number {
  return coverageOf(index, queryTerms, queryTerms.filter((t) => has(own, t)));
}

/** The one or two blocks of a section that best match the query, in page order. */
export function bestBlocks(index: DocsIndex, chunk: Chunk, query: string): Block[] {
  const queryTerms = terms(query);
  const scored = chunk.blocks.map((b, i) => ({ b, i, s: textCoverage(index, queryTerms, b.terms) }));
  const best = Math.max(...scored.map((x) => x.s));
  if (best === 0) return chunk.blocks.slice(0, 1);
  return scored
    .filter((x) => x.s >= best * 0.75)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, 2)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.b);
}

export interface Sentence {
  text: string;
  chunk: Chunk;
}

/** Up to `max` sentences from the given sections' prose that best answer the query, in reading order. */
export function answerSentences(index: DocsIndex, chunks: Chunk[], query: string, goal: string | undefined, max = 3): Sentence[] {
  const queryTerms = terms(query);
  const goalTerms = goal ? terms(goal) : [];
  const candidates = chunks.flatMap((chunk, rankNo) =>
    chunk.blocks.filter((b) => b.prose).flatMap((b, blockNo) =>
      b.sentences.map(({ text, terms: own }, k) => {
        let s = textCoverage(index, queryTerms, own);
        if (goalTerms.length) s += 0.2 * textCoverage(index, goalTerms, own);
        return { text, chunk, s: s * (rankNo === 0 ? 1 : 0.8), order: [rankNo, blockNo, k] as const };
      }),
    ),
  );
  const best = Math.max(0, ...candidates.map((c) => c.s));
  if (best === 0) return [];
  const seen = new Set<string>();
  return candidates
    .filter((c) => c.s >= best * 0.6)
    .sort((a, b) => b.s - a.s)
    .filter((c) => !seen.has(c.text) && seen.add(c.text))
    .slice(0, max)
    .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2])
    .map(({ text, chunk }) => ({ text, chunk }));
}
