/**
 * Content negotiation for agents. Which representation a request's Accept header prefers
 * (negotiator parses the q-values), and what a request for an HTML page should get: the Markdown
 * twin when Markdown is preferred, else the HTML with a `Link` to the twin.
 *
 * Kept free of other project imports and of TypeScript-only syntax, so that the production
 * server wrapper (scripts/serve.mjs) can import it directly as well as Astro's middleware.
 */
import Negotiator from 'negotiator';

export function preferredType(accept: string | null | undefined, offered: string[]): string {
  const negotiator = new Negotiator({ headers: { accept: accept || '*/*' } });
  return negotiator.mediaType(offered) ?? offered[0]!;
}

/** Agent endpoints answer Markdown unless JSON is preferred. */
export const wantsJson = (accept: string | null | undefined) => preferredType(accept, ['text/markdown', 'application/json']) === 'application/json';

/** Markdown wins only when the client ranks it above HTML; `*\/*` and browsers get HTML. */
export const prefersMarkdown = (accept: string | null | undefined) =>
  preferredType(accept, ['text/html', 'text/markdown', 'text/x-markdown']) !== 'text/html';

const NOT_PAGES = ['/api/', '/_astro/', '/_image', '/pagefind/', '/mcp', '/.well-known/'];

/** The twin of a docs page URL (`/a/b/` or `/a/b` → `/a/b.md`, `/` → `/index.md`); null for anything else. */
export function twinPathOf(pathname: string): string | null {
  if (NOT_PAGES.some((p) => pathname.startsWith(p))) return null;
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  if (last.includes('.')) return null;
  const page = pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  return `${page || '/index'}.md`;
}

export interface Negotiated {
  /** Serve this path (with the original query) instead. */
  rewrite?: string;
  /** Headers to add to the response. */
  headers: Record<string, string>;
}

/** What a GET or HEAD for `pathAndQuery` should get, given its Accept header. */
export function negotiatePage(method: string | undefined, pathAndQuery: string, accept: string | null | undefined): Negotiated {
  if (method !== 'GET' && method !== 'HEAD') return { headers: {} };
  const q = pathAndQuery.indexOf('?');
  const pathname = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const twin = twinPathOf(pathname);
  if (!twin) return { headers: {} };
  if (prefersMarkdown(accept)) return { rewrite: twin + (q < 0 ? '' : pathAndQuery.slice(q)), headers: { Vary: 'Accept' } };
  return { headers: { Vary: 'Accept', Link: `<${twin}>; rel="alternate"; type="text/markdown", </llms.txt>; rel="llms-txt"` } };
}
