/**
 * The retrieval index behind `?ask=`, `/search.md` and the MCP tools. It is built from the same
 * Markdown twins agents read, one entry per section (its own blocks, without sub-sections), so an
 * excerpt can always link to `page.md#heading-id`.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { List, RootContent } from 'mdast';
import { plainText, stringifyMarkdown } from './markdown.ts';
import { link, p } from './mdast.ts';
import { INTRO_ID, ownBlocks } from './sections.ts';
import { markdownPath, pageTwin, type DocPage } from './pages.ts';
import { processTerm, sentences, terms, words } from './text.ts';
import { traitsOf, type Traits } from './query.ts';
import { SITE } from '../nav.ts';

/** The smallest quotable piece of a section: a paragraph, a list item, a table, a code block. */
export interface Block {
  /** The block as a node (a list item comes wrapped in its own one-item list). */
  node: RootContent;
  /** Verbatim Markdown, as in the twin. */
  markdown: string;
  /** The same as a Markdown blockquote, stringified once for excerpts. */
  quoted: string;
  /** The words a reader sees (no Markdown syntax). */
  text: string;
  /** Prose blocks give sentences for answers; tables and code are quoted but not split. */
  prose: boolean;
  /** What kind of answer unit it is: a paragraph, one list item, one table row (under its header), or other (code, a whole table). */
  kind: 'paragraph' | 'item' | 'row' | 'code' | 'other';
  /** Blocks from the same list or table share a group number within their section. */
  group: number;
  /** For a row: the header and delimiter lines, and the row's own line, of its Markdown table. */
  rowLines?: { head: string; row: string };
  /** For a row: the index terms of its table's first header cell (what each row is: "Exchange"). */
  rowOf?: Set<string>;
  /** For an item or a row: the short paragraph just before its list or table that names it ("**Read-Write:** the boxes on …"). */
  caption?: Block;
  /** For a paragraph ending with a colon, or a caption: the code block, list or table it introduces. */
  introduces?: Block[];
  /** Index terms of the text, computed once. */
  terms: Set<string>;
  /** What the text can answer (a count, a reason…), computed once. */
  traits: Traits;
  /** For prose: its sentences of four words or more, each with its terms and traits, and whether three or more pages say it word for word. */
  sentences: { text: string; terms: Set<string>; traits: Traits; shared?: boolean }[];
  /** Whether three or more pages hold this block word for word (boilerplate such as a checker's description). */
  shared?: boolean;
}

function block(node: RootContent, text: string, prose: boolean, kind: Block['kind'], group: number): Block {
  const markdown = stringifyMarkdown([node]).trim();
  const lines = markdown.split('\n');
  return {
    node,
    kind,
    group,
    ...(kind === 'row' ? { rowLines: { head: lines.slice(0, 2).join('\n'), row: lines.slice(2).join(' ') }, rowOf: new Set(terms(firstHeaderCell(node))) } : {}),
    markdown,
    quoted: stringifyMarkdown([{ type: 'blockquote', children: [structuredClone(node)] } as RootContent]).trim(),
    text,
    prose,
    terms: new Set(terms(text)),
    traits: traitsOf(text),
    sentences: prose ? answerSentences(text).map((t) => ({ text: t, terms: new Set(terms(t)), traits: traitsOf(t) })) : [],
  };
}

/** A paragraph's sentences; one of fewer than four words ("No.") stays with the sentence after it. */
function answerSentences(text: string): string[] {
  const out: string[] = [];
  let carry = '';
  for (const t of sentences(text)) {
    const joined = carry ? `${carry} ${t}` : t;
    if (joined.split(' ').length < 4) carry = joined;
    else { out.push(joined); carry = ''; }
  }
  return out;
}

export interface Chunk {
  /** `<page id>#<section id>` */
  key: string;
  page: string;
  pageTitle: string;
  section: string;
  /** Section titles from the top, e.g. ["Choose a permission level", "Read-Write"]; empty for the introduction. */
  path: string[];
  blocks: Block[];
  /** `https://docs.xapy.io/<page>.md#<section>` (no fragment for the introduction). */
  url: string;
  /** "Page › Section". */
  title: string;
  /** `Source: [Page › Section](url)`, stringified once for excerpts. */
  sourceLine: string;
  /** Index terms of the page title and the section path: the context every block of the section is read in. */
  context: Set<string>;
  /** Index terms of the whole section: context and blocks. */
  terms: Set<string>;
  /** Index terms of the section without the page's description (which sums up the whole page): what its sentences can answer. */
  answers: Set<string>;
  /** Index terms of the section's own headings (empty for an introduction). */
  heading: Set<string>;
}

export interface Hit {
  chunk: Chunk;
  score: number;
  /** Query terms this section matched (processed terms). */
  matched: string[];
}

const firstHeaderCell = (n: RootContent): string => (n.type === 'table' && n.children[0]?.children[0] ? plainText(n.children[0].children[0].children) : '');

const FLOW = new Set(['blockquote', 'list', 'listItem']);

/** The words a reader sees in a block: paragraphs and list items on their own lines, table cells apart. */
function textOf(n: RootContent): string {
  if (n.type === 'code') return n.value;
  if (n.type === 'table') return n.children.map((row) => row.children.map((c) => plainText(c.children)).join(' | ')).join('\n');
  if (FLOW.has(n.type) && 'children' in n) return (n.children as RootContent[]).map(textOf).join('\n');
  return 'children' in n ? plainText(n.children as RootContent[]) : '';
}

function blocksOf(nodes: RootContent[], counter = { group: 0 }): Block[] {
  return nodes.flatMap((n): Block[] => {
    if (n.type === 'blockquote') return blocksOf(n.children, counter);
    const group = counter.group++;
    if (n.type === 'list') {
      return n.children.map((item, i) => {
        const single: List = { ...n, start: n.ordered ? (n.start ?? 1) + i : null, children: [item] };
        return block(single, textOf(item), true, 'item', group);
      });
    }
    if (n.type === 'table' && n.children.length > 2) {
      // One block per row, under the header row, so an excerpt quotes the rows that match.
      const [header, ...rows] = n.children;
      return rows.map((row) => {
        const single = { ...n, children: [header!, row] };
        return block(single, textOf(single), false, 'row', group);
      });
    }
    const text = textOf(n);
    if (!text.trim()) return [];
    // A paragraph that only cites its sources ("Source: …") is quoted in excerpts but never answers.
    // So is a label of a few words that is not a sentence ("Error · rule id not-xapy-server").
    const label = text.trim().split(/\s+/).length < 6 && !/[.?!:]$/.test(text.trim());
    const kind = n.type === 'paragraph' ? (/^Sources?:/.test(text) || label ? 'other' : 'paragraph') : n.type === 'table' ? 'row' : n.type === 'code' ? 'code' : 'other';
    return [block(n, text, n.type === 'paragraph', kind, group)];
  });
}

const CAPTION_WORDS = 15;

/** Links captions to the lists and tables they name, and colon-ended paragraphs to what they introduce. */
function linkBlocks(blocks: Block[]): Block[] {
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    if (!prev || prev.group === b.group || prev.kind !== 'paragraph') return;
    if (b.kind === 'item' || b.kind === 'row' || b.kind === 'code') {
      const short = prev.text.split(/\s+/).length <= CAPTION_WORDS;
      if (b.kind !== 'code' && (short || prev.text.trim().endsWith(':'))) {
        for (const x of blocks.slice(i)) { if (x.group !== b.group) break; x.caption = prev; }
      }
      // A colon-ended paragraph introduces what follows; a caption introduces its list or table.
      if (prev.text.trim().endsWith(':') || (b.kind !== 'code' && short)) prev.introduces = blocks.slice(i).filter((x, k, all) => x.group === b.group && all.slice(0, k).every((y) => y.group === b.group));
    }
  });
  // A caption without a full stop ("Read-Write: the boxes on KuCoin’s key form") followed by a
  // paragraph that introduces a list ("At a glance…:") introduces that list too.
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    const t = b.text.trim();
    if (b.kind === 'paragraph' && !b.introduces && next?.kind === 'paragraph' && next.introduces && next.introduces[0]!.kind !== 'code' && t.split(/\s+/).length <= CAPTION_WORDS && !/[.?!:]$/.test(t)) b.introduces = next.introduces;
  });
  return blocks;
}

/** A passage this many pages repeat word for word is boilerplate: the page it belongs to says it better. */
const SHARED_PAGES = 3;

/** Marks the sentences and blocks that several pages repeat word for word. */
function markShared(chunks: Chunk[]): Chunk[] {
  const pagesOf = new Map<string, Set<string>>();
  const note = (text: string, page: string) => pagesOf.set(text, (pagesOf.get(text) ?? new Set()).add(page));
  for (const c of chunks) for (const b of c.blocks) { note(b.text, c.page); for (const s of b.sentences) note(s.text, c.page); }
  const shared = (text: string) => (pagesOf.get(text)?.size ?? 0) >= SHARED_PAGES;
  // In place: captions and introductions refer to these very blocks.
  for (const c of chunks) {
    for (const b of c.blocks) {
      b.shared = shared(b.text);
      for (const s of b.sentences) s.shared = shared(s.text);
    }
  }
  return chunks;
}

export function chunksOf(pages: DocPage[]): Chunk[] {
  return markShared(chunksOfPages(pages));
}

function chunksOfPages(pages: DocPage[]): Chunk[] {
  return pages.flatMap((page) => {
    const { tree, sections } = pageTwin(page);
    return sections
      .map((s): Chunk => {
        const url = `${SITE}${markdownPath(page.id)}${s.id === INTRO_ID ? '' : `#${s.id}`}`;
        const title = [page.title, ...s.path].join(' › ');
        // The page's description opens its introduction: a summary of the page, quoted in excerpts but never an answer.
        const blocks = linkBlocks(blocksOf(ownBlocks(tree, s))).map((b) => (s.id === INTRO_ID && b.kind === 'paragraph' && b.text === page.description ? { ...b, kind: 'other' as const } : b));
        const context = new Set(terms(`${page.title} ${s.path.join(' ')}`));
        return {
          key: `${page.id}#${s.id}`,
          page: page.id,
          pageTitle: page.title,
          section: s.id,
          path: s.path,
          blocks,
          url,
          title,
          sourceLine: stringifyMarkdown([p('Source: ', link(url, title))]).trim(),
          context,
          heading: new Set(terms(s.path.join(' '))),
          terms: new Set([...context, ...blocks.flatMap((b) => [...b.terms])]),
          // The description sums up the whole page: it says nothing about what the introduction answers.
          answers: new Set([...context, ...blocks.flatMap((b) => (s.id === INTRO_ID && b.text === page.description ? [] : [...b.terms]))]),
        };
      })
      .filter((c) => c.blocks.length > 0);
  });
}

export interface QueryOptions {
  /** Prefix and fuzzy matching: on for ranking, off for deciding whether a term is known at all. */
  loose?: boolean;
}

export class DocsIndex {
  readonly chunks: Chunk[];
  readonly pages: DocPage[];
  private readonly byKey: Map<string, Chunk>;
  private readonly search: MiniSearch<{ key: string; title: string; heading: string; text: string }>;
  /** term → number of sections containing it, for weighting query terms by rarity. */
  private readonly df = new Map<string, number>();

  constructor(pages: DocPage[]) {
    this.pages = pages;
    this.chunks = chunksOf(pages);
    this.byKey = new Map(this.chunks.map((c) => [c.key, c]));
    this.search = new MiniSearch({
      idField: 'key',
      fields: ['title', 'heading', 'text'],
      tokenize: words,
      processTerm,
    });
    this.search.addAll(
      // Every section carries its page's title; a section's own headings say most about it, and a
      // page's introduction (no heading of its own) is about the page's title.
      this.chunks.map((c) => ({ key: c.key, title: c.pageTitle, heading: c.path.length ? c.path.join(' ') : c.pageTitle, text: c.blocks.map((b) => b.text).join('\n') })),
    );
    for (const c of this.chunks) for (const t of c.terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
  }

  chunk(key: string): Chunk | undefined {
    return this.byKey.get(key);
  }

  private readonly weights = new Map<string, number>();

  /** How informative a query term is: rare terms weigh more; a term no page uses weighs most. */
  weight(term: string): number {
    let w = this.weights.get(term);
    if (w === undefined) {
      w = this.computeWeight(term);
      if (this.weights.size < 50_000) this.weights.set(term, w);
    }
    return w;
  }

  private computeWeight(term: string): number {
    return Math.log(1 + this.chunks.length / (1 + (this.df.get(term) ?? 0)));
  }

  /** Does any section use this term? */
  knows(term: string): boolean {
    return this.df.has(term);
  }

  private readonly corrections = new Map<string, string | null>();

  /**
   * A term the docs use that is one edit away from an unknown term of five letters or more
   * ("permis" → "permiss", "adress" → "address"): the likely intended word of a typo. The most
   * widely used such term wins; none for numbers or when nothing is that close.
   */
  correction(term: string): string | undefined {
    if (term.length < 5 || /\d/.test(term) || this.df.has(term)) return undefined;
    let hit = this.corrections.get(term);
    if (hit === undefined) {
      hit = null;
      let best = 0;
      for (const [t, d] of this.df) {
        if (d > best && Math.abs(t.length - term.length) <= 1 && oneEdit(term, t)) { hit = t; best = d; }
      }
      if (this.corrections.size < 50_000) this.corrections.set(term, hit);
    }
    return hit ?? undefined;
  }

  /** Each term's sections with their BM25 scores: a term's scores never change, so each is searched once. */
  private readonly termHits = new Map<string, SearchResult[]>();

  private hitsOf(term: string): SearchResult[] {
    let hits = this.termHits.get(term);
    if (!hits) {
      hits = this.search.search(term, { boost: { title: 1.5, heading: 3, text: 1 }, tokenize: (s) => [s], processTerm: (t) => t });
      if (this.termHits.size < 50_000) this.termHits.set(term, hits);
    }
    return hits;
  }

  /**
   * Sections matching any of the given index terms, scored by BM25 (title and heading matches
   * count more), as MiniSearch scores an OR query: the sum of the terms' scores times the number of
   * terms matched.
   */
  queryTerms(list: string[]): Hit[] {
    const found = new Map<string, { sum: number; matched: string[] }>();
    for (const term of new Set(list)) {
      for (const r of this.hitsOf(term)) {
        const f = found.get(r.id as string);
        if (f) { f.sum += r.score; f.matched.push(term); } else found.set(r.id as string, { sum: r.score, matched: [term] });
      }
    }
    const hits: Hit[] = [];
    for (const [key, { sum, matched }] of found) hits.push({ chunk: this.byKey.get(key)!, score: sum * matched.length, matched });
    return hits.sort((a, b) => b.score - a.score);
  }

  query(text: string, options: QueryOptions = {}): Hit[] {
    const loose = options.loose ?? true;
    const results: SearchResult[] = this.search.search(text, {
      boost: { title: 3, heading: 3, text: 1 },
      prefix: (t) => loose && t.length >= 4,
      combineWith: 'OR',
    });
    return results.map((r) => ({ chunk: this.byKey.get(r.id as string)!, score: r.score, matched: [...new Set(r.queryTerms)] }));
  }
}

/** Are two words one insertion, deletion, substitution or swap of neighbours apart? */
function oneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length < 3; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (l.length - s.length !== 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1);
}
