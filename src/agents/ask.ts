/**
 * `<page>.md?ask=<question>[&goal=<goal>]`: an extractive answer. The answer is made only of
 * sentences from the docs; excerpts are verbatim blocks, each linked to `page.md#heading-id`.
 * Pure: the route hands in the index and the query string, and sends what comes back.
 */
import type { RootContent } from 'mdast';
import type { Chunk, DocsIndex } from './search-index.ts';
import { analyze, bestBlocks, composeAnswer, MIN_COVERAGE, offTopic, rank, scattered } from './retrieve.ts';
import { askUrl, EXAMPLE_GOAL, EXAMPLE_QUESTION, markdownPath } from './pages.ts';
import { stringifyMarkdown } from './markdown.ts';
import { code, fence, heading, link, list, p, strong } from './mdast.ts';
import { squash, terms } from './text.ts';
import type { CompiledEntry } from './thesaurus.ts';
import { SITE } from '../nav.ts';

export const MAX_QUESTION = 500;
const MAX_EXCERPTS = 4;
const MAX_FOLLOW_UPS = 3;
/** How many of the best sections an answer may quote from. */
const MAX_ANSWER_SECTIONS = 10;
/** Below this confidence an answer is marked partial. */
export const PARTIAL_BELOW = 0.75;

export interface Excerpt { text: string; url: string; score: number }
export interface Source { title: string; url: string }
export interface FollowUp { question: string; url: string }

export type AskResult =
  | { kind: 'howto'; page: string }
  | { kind: 'answer'; question: string; goal?: string; answer: string; confidence: number; missing: string[]; answerSources: Source[]; excerpts: (Excerpt & { title: string; quoted: string[]; sourceLine: string })[]; sources: Source[]; followUps: FollowUp[] }
  | { kind: 'none'; question: string; goal?: string; closest: Source[] };

/** Thrown for a request that cannot be answered as sent (the route answers 400 with the message). */
export class AskInputError extends Error {}

const PLACEHOLDERS = new Set(['', 'question', '<question>', '{question}', '[question]', '<q>', '{q}', 'your question', '<your question>', '...', '…', '?']);

export function isPlaceholder(question: string): boolean {
  const q = squash(question).toLowerCase();
  return PLACEHOLDERS.has(q) || !/[\p{L}\p{N}]/u.test(q);
}

/** Reads and checks `ask` and `goal`; throws AskInputError for a question or goal that is too long. */
export function readAskParams(params: URLSearchParams): { question: string; goal?: string } {
  const question = squash(params.get('ask') ?? '');
  const goal = squash(params.get('goal') ?? '');
  if (question.length > MAX_QUESTION) throw new AskInputError(`The question is ${question.length} characters long; ask in at most ${MAX_QUESTION}. Split a long request into separate, self-contained questions.`);
  if (goal.length > MAX_QUESTION) throw new AskInputError(`The goal is ${goal.length} characters long; describe it in at most ${MAX_QUESTION}.`);
  return { question, ...(goal ? { goal } : {}) };
}

export const pageSource = (index: DocsIndex, page: string): Source => ({
  title: index.pages.find((p) => p.id === page)?.title ?? page,
  url: `${SITE}${markdownPath(page)}`,
});


const VERBS = new Set(['add', 'bind', 'call', 'check', 'choose', 'connect', 'contact', 'copy', 'create', 'decide', 'fetch', 'find', 'generate', 'get', 'make', 'paste', 'read', 'search', 'set', 'store', 'update', 'use', 'whitelist']);

/** A follow-up question made from a section's own heading (or its page's title for an introduction). */
export function followUpQuestion(c: Chunk): string {
  const name = c.path.at(-1) ?? c.pageTitle;
  const [first = '', ...rest] = name.split(' ');
  if (VERBS.has(first.toLowerCase())) return `How do I ${[first.toLowerCase(), ...rest].join(' ')}?`;
  const lower = first.length > 1 && first[1] === first[1]!.toLowerCase() ? first.toLowerCase() : first;
  const topic = [lower, ...rest].join(' ');
  return c.path.length ? `What do the docs say about ${topic} (${c.pageTitle})?` : `What does the ${c.pageTitle} page cover?`;
}

/** The pages nearest to some words, by any shared or similar word; empty when nothing is near. */
export function closestPages(index: DocsIndex, words: string, max = 3): Source[] {
  const pages = [...new Set(index.query(words).map((h) => h.chunk.page))];
  return pages.slice(0, max).map((id) => pageSource(index, id));
}

/** Pages whose title or URL shares the most words with `words` (for an unknown URL); else by content. */
export function closestByTitle(index: DocsIndex, words: string, max = 3): Source[] {
  const wanted = terms(words);
  const scored = index.pages
    .map((page) => {
      const own = terms(`${page.title} ${page.id.replaceAll(/[/_-]+/g, ' ')}`);
      return { page, n: wanted.filter((t) => own.some((o) => o === t || o.startsWith(t) || t.startsWith(o))).length };
    })
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.page.id.localeCompare(b.page.id));
  return scored.length ? scored.slice(0, max).map((x) => pageSource(index, x.page.id)) : closestPages(index, words, max);
}

export function ask(index: DocsIndex, input: { question: string; goal?: string; page: string }, thesaurus?: CompiledEntry[]): AskResult {
  const { question, goal, page } = input;
  if (isPlaceholder(question)) return { kind: 'howto', page };
  const q = analyze(index, question, thesaurus);
  const goalPart = goal ? { goal } : {};
  if (offTopic(index, q)) return { kind: 'none', question, ...goalPart, closest: closestPages(index, `${question} ${goal ?? ''}`) };
  // Asking on the home page is asking the whole docs: no page is preferred.
  const preferred = page === 'index' ? undefined : page;
  const ranked = rank(index, q, { headings: true, ...(preferred ? { page: preferred } : {}), ...(goal ? { goal } : {}) });
  // The question is on topic when any section holds half its weight, even one that full-text
  // relevance ranks below a section that holds less of it: that section answers.
  const top = ranked.find((r) => r.coverage >= MIN_COVERAGE);
  if (!top || scattered(q, ranked)) return { kind: 'none', question, ...goalPart, closest: closestPages(index, `${question} ${goal ?? ''}`) };

  const used = ranked.filter((r) => r.score >= top.score * 0.35 && r.coverage >= MIN_COVERAGE / 2).slice(0, MAX_EXCERPTS);
  const excerpts = used.map((r) => {
    const blocks = bestBlocks(q, r.chunk);
    return {
      title: r.chunk.title,
      text: blocks.map((b) => b.markdown).join('\n\n'),
      quoted: blocks.map((b) => b.quoted),
      sourceLine: r.chunk.sourceLine,
      url: r.chunk.url,
      score: Math.round((r.score / top.score) * 1000) / 1000,
    };
  });
  // Answer units come from the best few sections, and from the best sections of the page asked on.
  const onTopic = ranked.filter((r) => r.coverage >= MIN_COVERAGE / 2);
  // The page asked on competes with its own sections in their own order.
  const onPage = onTopic.filter((r) => r.chunk.page === preferred && r.coverage >= MIN_COVERAGE).slice(0, MAX_ANSWER_SECTIONS);
  // So does the page of the best section: its other sections may hold what its best one points to ("the servers below").
  const onBest = onTopic.filter((r) => r.chunk.page === top.chunk.page && r.coverage >= MIN_COVERAGE).slice(0, MAX_ANSWER_SECTIONS);
  const answerFrom = [onTopic.slice(0, MAX_ANSWER_SECTIONS), onPage, onBest].flatMap((list) => list.map((r, rankNo) => ({ chunk: r.chunk, rankNo })))
    .sort((a, b) => a.rankNo - b.rankNo)
    .filter((c, i, all) => all.findIndex((x) => x.chunk === c.chunk) === i);
  const factsBox = (id: string) => index.chunks.find((c) => c.page === id && c.path.length === 1 && c.path[0] === 'Facts');
  const composed = composeAnswer(q, answerFrom, (text, bold) => stringifyMarkdown([bold ? p(strong(text)) : p(text)]).trim(), preferred, factsBox);
  const answer = composed?.markdown ?? excerpts[0]!.text;
  const answerChunks = composed?.chunks ?? [top.chunk];
  const answerSources = answerChunks.map((c) => ({ title: c.title, url: c.url }));
  // The page the answer quotes first leads the sources.
  const sources = [...new Set([...answerChunks, ...used.map((r) => r.chunk)].map((c) => c.page))].map((id) => pageSource(index, id));
  const confidence = composed?.confidence ?? Math.round(top.coverage * 100) / 100;
  const missing = composed?.missing ?? [];

  const usedKeys = new Set(used.map((r) => r.chunk.key));
  const topPage = index.chunks.filter((c) => c.page === top.chunk.page && c.path.length > 0);
  const candidates = [...ranked.map((r) => r.chunk), ...topPage].filter((c) => !usedKeys.has(c.key));
  const followUps: FollowUp[] = [];
  for (const c of candidates) {
    const q = followUpQuestion(c);
    if (followUps.some((f) => f.question === q)) continue;
    followUps.push({ question: q, url: askUrl(c.page, q, goal) });
    if (followUps.length === MAX_FOLLOW_UPS) break;
  }
  return { kind: 'answer', question, ...goalPart, answer, confidence, missing, answerSources, excerpts, sources, followUps };
}

// ---------------------------------------------------------------- Markdown and JSON

function howTo(page: string): string {
  const example = askUrl(page, EXAMPLE_QUESTION, EXAMPLE_GOAL);
  return stringifyMarkdown([
    heading(1, 'Ask these docs'),
    p('Add ', code('ask=<question>'), ' to any page’s Markdown URL to get an answer quoted from the docs, with excerpts, sources and follow-up questions. The question must be specific and stand on its own. Add ', code('goal=<what the user wants to achieve>'), ' to rank what serves that goal first. Questions may be up to 500 characters long. Send ', code('Accept: application/json'), ' for JSON.'),
    fence('text', `GET ${example}`),
    p('Sections of the page you ask on come first when they answer the question. To search instead, use ', code(`${SITE}/search.md?q=<terms>`), '; every page is listed in ', link(`${SITE}/llms.txt`, `${SITE}/llms.txt`), '.'),
  ]);
}

const sourceList = (sources: Source[]) => list(sources.map((s) => [link(s.url, s.title)]));

export function askMarkdown(result: AskResult): string {
  if (result.kind === 'howto') return howTo(result.page);
  const head: RootContent[] = [heading(1, result.question)];
  if (result.goal) head.push(p('Goal: ', result.goal));
  if (result.kind === 'none') {
    return stringifyMarkdown([
      ...head,
      p('No answer found in these docs. Nothing in them matches enough of this question to quote.'),
      ...(result.closest.length ? [heading(2, 'Closest pages'), sourceList(result.closest)] : []),
      p('Every page is listed in ', link(`${SITE}/llms.txt`, `${SITE}/llms.txt`), '. Rephrase the question with words the docs use, or search with ', code(`${SITE}/search.md?q=<terms>`), '.'),
    ]);
  }
  // Excerpts were stringified once when the index was built; only the small parts are stringified here.
  const excerpts = result.excerpts.map((e) => `${e.quoted.join('\n>\n')}\n\n${e.sourceLine}\n`);
  const partial = result.confidence < PARTIAL_BELOW
    ? [p(`This answer is partial: the docs match only part of the question${result.missing.length ? ` (nothing quoted here covers: ${result.missing.join(', ')})` : ''}. Check the excerpts below, or ask again in other words.`)]
    : [];
  return [
    stringifyMarkdown(head),
    `${result.answer}\n`,
    stringifyMarkdown([
      p('Quoted from ', ...result.answerSources.flatMap((s, i) => [i ? '; ' : '', link(s.url, s.title)]), '.'),
      ...partial,
      heading(2, 'Excerpts'),
    ]),
    ...excerpts,
    stringifyMarkdown([
      heading(2, 'Sources'),
      sourceList(result.sources),
      ...(result.followUps.length
        ? [heading(2, 'Follow-up questions'), p('GET any of these URLs for more:'), list(result.followUps.map((f) => [link(f.url, f.question)]))]
        : []),
    ]),
  ].join('\n');
}

export function askJson(result: AskResult): object {
  if (result.kind === 'howto') return { question: '', answer: null, message: 'Send a question in the ask parameter, e.g. ' + askUrl(result.page, EXAMPLE_QUESTION, EXAMPLE_GOAL), excerpts: [], sources: [], followUps: [] };
  const goal = result.goal ? { goal: result.goal } : {};
  if (result.kind === 'none') return { question: result.question, ...goal, answer: null, message: 'No answer found in these docs.', excerpts: [], sources: result.closest, followUps: [] };
  return {
    question: result.question,
    ...goal,
    answer: result.answer,
    confidence: result.confidence,
    ...(result.confidence < PARTIAL_BELOW ? { partial: true, unmatched: result.missing } : {}),
    excerpts: result.excerpts.map(({ text, url, score }) => ({ text, url, score })),
    sources: result.sources,
    followUps: result.followUps,
  };
}
