/** `/search.md?q=<terms>`: ranked sections with a verbatim excerpt each, from the `?ask=` index. */
import type { DocsIndex } from './search-index.ts';
import { analyze, bestBlocks, rank } from './retrieve.ts';
import { stringifyMarkdown } from './markdown.ts';
import { blockquote, code, heading, link, p } from './mdast.ts';
import { squash } from './text.ts';
import { SITE } from '../nav.ts';

export const MAX_TERMS = 500;
const MAX_RESULTS = 10;

import type { RootContent } from 'mdast';

export interface SearchHit { title: string; url: string; score: number; excerpt: string; nodes: RootContent[] }
export interface SearchResults { query: string; results: SearchHit[] }

export function searchDocs(index: DocsIndex, query: string, limit = MAX_RESULTS): SearchResults {
  const q = squash(query);
  const question = analyze(index, q);
  const ranked = rank(index, question).slice(0, limit);
  const top = ranked[0]?.score ?? 1;
  return {
    query: q,
    results: ranked.map((r) => {
      const blocks = bestBlocks(question, r.chunk);
      return {
        title: r.chunk.title,
        url: r.chunk.url,
        score: Math.round((r.score / top) * 1000) / 1000,
        excerpt: blocks.map((b) => b.markdown).join('\n\n'),
        nodes: blocks.map((b) => structuredClone(b.node)),
      };
    }),
  };
}

export function searchHowTo(): string {
  return stringifyMarkdown([
    heading(1, 'Search these docs'),
    p('Add ', code('q=<terms>'), ' to this URL, for example ', link(`${SITE}/search.md?q=withdrawal%20whitelist`, `${SITE}/search.md?q=withdrawal whitelist`), '. Results are sections of pages, best first, each with a verbatim excerpt and its Markdown URL. Send ', code('Accept: application/json'), ' for JSON. For an answer to a question, use ', code('?ask='), ' on any page’s Markdown URL instead.'),
  ]);
}

export const searchJson = (r: SearchResults) => ({ query: r.query, results: r.results.map(({ nodes: _, ...hit }) => hit) });

export function searchMarkdown(r: SearchResults, index: DocsIndex): string {
  if (r.results.length === 0) {
    return stringifyMarkdown([
      heading(1, `Search: ${r.query}`),
      p('No section of these docs matches these terms. Every page is listed in ', link(`${SITE}/llms.txt`, `${SITE}/llms.txt`), '.'),
    ]);
  }
  return stringifyMarkdown([
    heading(1, `Search: ${r.query}`),
    p(`${r.results.length} of ${index.chunks.length} sections match, best first.`),
    ...r.results.flatMap((hit, i) => [heading(2, `${i + 1}. `, link(hit.url, hit.title)), blockquote(...(hit.nodes as Parameters<typeof blockquote>))]),
  ]);
}
