/**
 * Pages as agents read them: a page's Markdown twin, the llms.txt index and the 404 body.
 * Pure: the routes hand in the docs entries; nothing here imports astro:*.
 */
import { mdxToMarkdown } from './markdown.ts';
import { componentRenderers } from './components.ts';
import { navSections, sectionOf, SITE } from '../nav.ts';

export interface DocPage {
  /** Starlight entry id, e.g. "setup/on-crypto-exchanges/server-ips"; the home page is "index". */
  id: string;
  title: string;
  description?: string;
  body: string;
  order?: number;
}

export const htmlPath = (id: string) => (id === 'index' ? '/' : `/${id}/`);
export const markdownPath = (id: string) => `/${id}.md`;

const cache = new Map<string, string>();

/** The page's Markdown twin. Converted once per server process: pages do not change after a build. */
export function pageMarkdown(page: DocPage): string {
  let md = cache.get(page.id);
  if (md === undefined) {
    md = mdxToMarkdown(page.body, {
      title: page.title,
      ...(page.description ? { description: page.description } : {}),
      pagePath: htmlPath(page.id),
      components: componentRenderers,
    });
    cache.set(page.id, md);
  }
  return md;
}

/** Pages in sidebar order: by section, then `sidebar.order`, then id. */
export function sortPages(pages: DocPage[]): DocPage[] {
  const sectionIndex = (p: DocPage) => (p.id === 'index' ? -1 : navSections.findIndex((s) => s === sectionOf(p.id)));
  return [...pages].sort(
    (a, b) => sectionIndex(a) - sectionIndex(b) || (a.order ?? 1e9) - (b.order ?? 1e9) || a.id.localeCompare(b.id),
  );
}

const entryLine = (p: DocPage) => `- [${p.title}](${SITE}${markdownPath(p.id)})${p.description ? `: ${p.description}` : ''}`;

/** llms.txt per llmstxt.org: H1, summary, how to read the rest, then every page grouped by sidebar section. */
export function llmsTxt(pages: DocPage[]): string {
  const sorted = sortPages(pages);
  const home = sorted.find((p) => p.id === 'index');
  const out = [
    '# XAPY Docs',
    '',
    '> How to create exchange API keys for XAPY, a funding-rate-arbitrage tool, with exactly the permissions it needs (Read + Trade, or Read-Write after a cross-exchange withdrawal-address whitelist), bound to XAPY’s server IPs, and how to check them.',
    '',
    `Every page is available as Markdown at its URL with \`.md\` appended (the home page is ${SITE}/index.md). XAPY’s server list is machine-readable at ${SITE}/servers.json. The checkers answer over HTTP; each checker page describes its API.`,
  ];
  if (home) out.push('', '## Start', '', entryLine(home));
  for (const section of navSections) {
    const inSection = sorted.filter((p) => p.id !== 'index' && sectionOf(p.id) === section);
    if (inSection.length === 0) continue;
    out.push('', `## ${section.label}`, '', ...inSection.map(entryLine));
  }
  out.push(
    '',
    '## Machine-readable',
    '',
    `- [XAPY server list](${SITE}/servers.json): JSON with status (example or published), update date and addresses`,
    `- [IP whitelist check API](${SITE}/tools/ip-whitelist-checker.md#check-over-http): POST /api/check/ips with {"exchange", "ips"}, returns a verdict and findings`,
  );
  return `${out.join('\n')}\n`;
}

/** The Markdown body of a 404 for an unknown .md URL. */
export function notFoundMarkdown(path: string): string {
  return [
    '# Page not found',
    '',
    `There is no page at \`${path.slice(0, 200)}\`.`,
    '',
    `The list of every page, each with its Markdown URL, is at [/llms.txt](${SITE}/llms.txt). The home page is [/index.md](${SITE}/index.md).`,
    '',
  ].join('\n');
}
