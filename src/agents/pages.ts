/**
 * Pages as agents read them: a page's Markdown twin, the llms.txt index and the 404 body.
 * Pure: the routes hand in the docs entries; nothing here imports astro:*.
 */
import type { Root } from 'mdast';
import { mdxToTree, stringifyMarkdown } from './markdown.ts';
import { rewriteOrigin } from './site-origin.ts';
import { componentRenderers } from './components.ts';
import { INTRO_ID, sectionBlocks, sectionsOf, type Section } from './sections.ts';
import { blockquote, code, fence, heading, link, list, p } from './mdast.ts';
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
/** The twin of the page Starlight is rendering (its home page entry id is ""); none for the 404 page. */
export const twinOfEntry = (entryId: string): { id: string; path: string } | undefined =>
  entryId === '404' ? undefined : { id: entryId || 'index', path: markdownPath(entryId || 'index') };

/** A page's converted body: its tree (with heading ids) and its sections. */
export interface PageTwin {
  tree: Root;
  sections: Section[];
  /** The page alone, as in llms-full.txt. */
  body: string;
  /** The twin: the page between the llms.txt pointer and the agent instructions. */
  markdown: string;
}

const cache = new Map<string, PageTwin>();

/** The page converted once per server process: pages do not change after a build. */
export function pageTwin(page: DocPage): PageTwin {
  let twin = cache.get(page.id);
  if (twin === undefined) {
    const tree = mdxToTree(page.body, {
      title: page.title,
      ...(page.description ? { description: page.description } : {}),
      pagePath: htmlPath(page.id),
      components: componentRenderers(),
      site: SITE,
    });
    rewriteOrigin(tree);
    const sections = sectionsOf(tree);
    const body = stringifyMarkdown(tree);
    twin = { tree, sections, body, markdown: decorate(page, body, sections) };
    cache.set(page.id, twin);
  }
  return twin;
}

/** The page's Markdown twin: the llms.txt pointer, the page, the agent instructions. */
export const pageMarkdown = (page: DocPage): string => pageTwin(page).markdown;

export const EXAMPLE_QUESTION = 'Which permissions should the API key for XAPY have?';
export const EXAMPLE_GOAL = 'connect my Binance account to XAPY safely';

/** `<page>.md?ask=…[&goal=…]`, absolute. */
export function askUrl(id: string, question: string, goal?: string): string {
  const q = new URLSearchParams({ ask: question, ...(goal ? { goal } : {}) });
  return `${SITE}${markdownPath(id)}?${q.toString().replaceAll('+', '%20')}`;
}

export const searchUrl = (terms: string) => `${SITE}/search.md?q=${encodeURIComponent(terms)}`;

/** The one line every twin opens with. */
export const llmsPointer = () =>
  stringifyMarkdown([blockquote(p('Index of every page of these docs, as Markdown: ', link(`${SITE}/llms.txt`, `${SITE}/llms.txt`), '.'))]);

/** The closing "Agent instructions" section: how to ask, fetch a section, search and run the checkers. */
export function agentInstructions(page: DocPage, sections: Section[]): string {
  const md = `${SITE}${markdownPath(page.id)}`;
  const example = sections.find((s) => s.depth === 2) ?? sections[0]!;
  const sectionUrl = example.depth === 1 ? md : `${md}?section=${example.id}`;
  return stringifyMarkdown([
    heading(2, 'Agent instructions'),
    p('This page is one of the XAPY Docs. If it does not answer your question, ask the docs: send a GET request to this page’s Markdown URL with ', code('ask=<question>'), ' and, optionally, ', code('goal=<what the user wants to achieve>'), '. The question must stand on its own. The answer quotes the docs verbatim, links every excerpt to its section, and suggests follow-up questions as ready-to-GET links. Send ', code('Accept: application/json'), ' for JSON.'),
    fence('text', `GET ${askUrl(page.id, EXAMPLE_QUESTION, EXAMPLE_GOAL)}`),
    list([
      ['One section of a page: add ', code('?section=<heading id>'), ', for example ', link(sectionUrl, sectionUrl), '.'],
      ['Search every page: ', link(searchUrl('ip whitelist'), searchUrl('ip whitelist')), '.'],
      ['Run the checkers over HTTP: ', link(`${SITE}/tools/ip-whitelist-checker.md#check-over-http`, 'POST /api/check/ips'), ' checks an IP whitelist; every endpoint is described in ', link(`${SITE}/openapi.json`, `${SITE}/openapi.json`), ' (OpenAPI 3.1).'],
      ['Connect over MCP (Streamable HTTP) at ', code(`${SITE}/mcp`), ': tools search_docs, get_page, ask and check_ip_whitelist; see ', link(`${SITE}/integration/for-agents.md`, 'Connect an AI agent'), '.'],
    ]),
  ]);
}

function decorate(page: DocPage, body: string, sections: Section[]): string {
  return `${llmsPointer()}
${body}
${agentInstructions(page, sections)}`;
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
    `- [Every page in one file](${SITE}/llms-full.txt): the Markdown of all pages above, in this order`,
    `- [Ask the docs](${askUrl('index', EXAMPLE_QUESTION)}): GET any page's .md URL with ?ask=<question> (and optionally &goal=<end goal>) for an answer quoted from these docs, with excerpts, sources and follow-up questions; JSON with Accept: application/json`,
    `- [Search](${SITE}/search.md?q=api%20key): GET /search.md?q=<terms> for ranked sections with excerpts`,
    `- [OpenAPI description](${SITE}/openapi.json): OpenAPI 3.1 for the checkers, ask and search`,
    `- [MCP server](${SITE}/integration/for-agents.md#connect-over-mcp): \`${SITE}/mcp\` over Streamable HTTP, stateless, with the tools search_docs, get_page, ask, check_ip_whitelist, check_api_key and check_address_loop`,
    `- [XAPY server list](${SITE}/servers.json): JSON with status (example or published), the date and version of the last change, the addresses and their history`,
    `- [XAPY server list changes](${SITE}/servers.atom): Atom feed, one entry per change of the list with the addresses added and removed; watch it to keep your keys' IP restrictions up to date`,
    `- [IP whitelist check API](${SITE}/tools/ip-whitelist-checker.md#check-over-http): POST /api/check/ips with {"exchange", "ips"}, returns a verdict and findings`,
    `- [API key check API](${SITE}/tools/api-key-checker.md#check-over-http): POST /api/check/key with {"exchange", "mode", "metadata"}, returns a verdict, findings and the key's profile`,
    `- [Withdrawal loop check API](${SITE}/tools/address-loop-checker.md#check-over-http): POST /api/check/addresses with {"exchanges": [...]}, returns a verdict, findings and the loop`,
  );
  return `${out.join('\n')}\n`;
}

/** llms-full.txt: every page's Markdown, in sidebar order, each followed by its URL. */
export function llmsFullTxt(pages: DocPage[]): string {
  const parts = sortPages(pages).map((page) => `${pageTwin(page).body}\nSource: ${SITE}${markdownPath(page.id)}\n`);
  return `${llmsPointer()}\n${parts.join('\n---\n\n')}`;
}

/** The Markdown body of a 404 for an unknown .md URL, with the pages nearest to what was asked for. */
export function notFoundMarkdown(path: string, closest: { title: string; url: string }[] = []): string {
  return stringifyMarkdown([
    heading(1, 'Page not found'),
    p('There is no page at ', code(path.slice(0, 200)), '.'),
    ...(closest.length ? [p('The closest pages:'), list(closest.map((c) => [link(c.url, c.title)]))] : []),
    p('The list of every page, each with its Markdown URL, is at ', link(`${SITE}/llms.txt`, '/llms.txt'), '. The home page is ', link(`${SITE}/index.md`, '/index.md'), '.'),
  ]);
}

/** `?section=<id>`: the section with its sub-sections, under a line naming its page; undefined for an unknown id. */
export function sectionMarkdown(page: DocPage, id: string): string | undefined {
  const { tree, sections } = pageTwin(page);
  const section = sections.find((s) => s.id === id && s.id !== INTRO_ID);
  if (!section) return undefined;
  const whole = `${SITE}${markdownPath(page.id)}`;
  return stringifyMarkdown([
    blockquote(p('A section of ', link(whole, page.title), '. Index of every page: ', link(`${SITE}/llms.txt`, `${SITE}/llms.txt`), '.')),
    ...structuredClone(sectionBlocks(tree, section)),
  ]);
}

/** The 404 body for an unknown section id: the page's section ids, each as a ready-to-GET URL. */
export function unknownSectionMarkdown(page: DocPage, id: string): string {
  const whole = `${SITE}${markdownPath(page.id)}`;
  const ids = pageTwin(page).sections.filter((s) => s.id !== INTRO_ID);
  return stringifyMarkdown([
    heading(1, 'Section not found'),
    p(link(whole, page.title), ' has no section ', code(id.slice(0, 200) || '(empty)'), '. ', ids.length ? 'Its sections:' : 'It has no sections; fetch the whole page.'),
    ...(ids.length ? [list(ids.map((s) => [link(`${whole}?section=${s.id}`, code(s.id)), `: ${s.path.join(' › ')}`]))] : []),
  ]);
}
