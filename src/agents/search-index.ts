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
  /** Index terms of the text, computed once. */
  terms: Set<string>;
  /** For prose: its sentences of four words or more, each with its terms. */
  sentences: { text: string; terms: Set<string> }[];
}

function block(node: RootContent, text: string, prose: boolean): Block {
  return {
    node,
    markdown: stringifyMarkdown([node]).trim(),
    quoted: stringifyMarkdown([{ type: 'blockquote', children: [structuredClone(node)] } as RootContent]).trim(),
    text,
    prose,
    terms: new Set(terms(text)),
    sentences: prose ? sentences(text).filter((t) => t.split(' ').length >= 4).map((t) => ({ text: t, terms: new Set(terms(t)) })) : [],
  };
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
}

export interface Hit {
  chunk: Chunk;
  score: number;
  /** Query terms this section matched (processed terms). */
  matched: string[];
}

const FLOW = new Set(['blockquote', 'list', 'listItem']);

/** The words a reader sees in a block: paragraphs and list items on their own lines, table cells apart. */
function textOf(n: RootContent): string {
  if (n.type === 'code') return n.value;
  if (n.type === 'table') return n.children.map((row) => row.children.map((c) => plainText(c.children)).join(' | ')).join('\n');
  if (FLOW.has(n.type) && 'children' in n) return (n.children as RootContent[]).map(textOf).join('\n');
  return 'children' in n ? plainText(n.children as RootContent[]) : '';
}

function blocksOf(nodes: RootContent[]): Block[] {
  return nodes.flatMap((n): Block[] => {
    if (n.type === 'blockquote') return blocksOf(n.children);
    if (n.type === 'list') {
      return n.children.map((item, i) => {
        const single: List = { ...n, start: n.ordered ? (n.start ?? 1) + i : null, children: [item] };
        return block(single, textOf(item), true);
      });
    }
    if (n.type === 'table' && n.children.length > 2) {
      // One block per row, under the header row, so an excerpt quotes the rows that match.
      const [header, ...rows] = n.children;
      return blocksOf(rows.map((row) => ({ ...n, children: [header!, row] })));
    }
    const text = textOf(n);
    if (!text.trim()) return [];
    return [block(n, text, n.type === 'paragraph')];
  });
}

export function chunksOf(pages: DocPage[]): Chunk[] {
  return pages.flatMap((page) => {
    const { tree, sections } = pageTwin(page);
    return sections
      .map((s): Chunk => {
        const url = `${SITE}${markdownPath(page.id)}${s.id === INTRO_ID ? '' : `#${s.id}`}`;
        const title = [page.title, ...s.path].join(' › ');
        return {
          key: `${page.id}#${s.id}`,
          page: page.id,
          pageTitle: page.title,
          section: s.id,
          path: s.path,
          blocks: blocksOf(ownBlocks(tree, s)),
          url,
          title,
          sourceLine: stringifyMarkdown([p('Source: ', link(url, title))]).trim(),
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
      // A page's introduction (no heading of its own) is about the page's title, so it carries it as its heading.
      this.chunks.map((c) => ({ key: c.key, title: c.pageTitle, heading: c.path.length ? c.path.join(' ') : c.pageTitle, text: c.blocks.map((b) => b.text).join('\n') })),
    );
    for (const c of this.chunks) {
      for (const t of terms(`${c.pageTitle} ${c.path.join(' ')} ${c.blocks.map((b) => b.text).join(' ')}`)) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
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
    const n = this.chunks.length;
    let df = this.df.get(term) ?? 0;
    if (df === 0 && term.length >= 4) {
      for (const [t, d] of this.df) if (t.startsWith(term)) df = Math.max(df, d);
    }
    return Math.log(1 + n / (1 + df));
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
