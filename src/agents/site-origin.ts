/**
 * Authors write the production origin (https://docs.xapy.io) in MDX where a reader needs a full URL:
 * a curl command, the MCP server's address. A build for another SITE shows its own origin there, in
 * the HTML (a remark plugin in astro.config.mjs) and in the Markdown twin (pages.ts) alike.
 * Pure: works on the mdast tree only.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { DEFAULT_SITE, SITE } from '../nav.ts';

const TEXT_NODES = new Set(['text', 'inlineCode', 'code', 'html']);

/** Replaces the production origin with `site` in the tree's text, code, link URLs and JSX string attributes. */
export function rewriteOrigin(tree: Root, site: string = SITE): void {
  if (site === DEFAULT_SITE) return;
  const swap = (s: string) => s.replaceAll(DEFAULT_SITE, site);
  visit(tree, (node) => {
    const n = node as { type: string; value?: unknown; url?: unknown; attributes?: { type: string; value?: unknown }[] };
    if (TEXT_NODES.has(n.type) && typeof n.value === 'string') n.value = swap(n.value);
    if (typeof n.url === 'string') n.url = swap(n.url);
    for (const a of n.attributes ?? []) if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') a.value = swap(a.value);
  });
}

/** The same as a remark plugin, for Astro's Markdown pipeline. */
export const remarkSiteOrigin = () => (tree: Root) => rewriteOrigin(tree);
