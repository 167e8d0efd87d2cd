/**
 * Authors write the production origin (https://docs.xapy.io) in MDX where a reader needs a full URL:
 * a curl command, the MCP server's address. A build for another SITE shows its own origin there, in
 * the HTML (a Sätteri plugin in astro.config.mjs) and in the Markdown twin (pages.ts) alike.
 * Pure: works on mdast trees only.
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

/** What the Sätteri plugin below needs of a visitor's context: a property setter. */
interface SetProperty {
  setProperty(node: object, key: string, value: unknown): void;
}
type Valued = { value: string };
type Linked = { url: string };
type Attributed = { attributes: { type: string; value?: unknown }[] };

const swapValue = (node: Valued, ctx: SetProperty) => {
  if (SITE !== DEFAULT_SITE && node.value.includes(DEFAULT_SITE)) ctx.setProperty(node, 'value', node.value.replaceAll(DEFAULT_SITE, SITE));
};
const swapUrl = (node: Linked, ctx: SetProperty) => {
  if (SITE !== DEFAULT_SITE && node.url.includes(DEFAULT_SITE)) ctx.setProperty(node, 'url', node.url.replaceAll(DEFAULT_SITE, SITE));
};
const swapAttributes = (node: Attributed, ctx: SetProperty) => {
  if (SITE === DEFAULT_SITE || !node.attributes.some((a) => typeof a.value === 'string' && a.value.includes(DEFAULT_SITE))) return;
  ctx.setProperty(node, 'attributes', node.attributes.map((a) =>
    a.type === 'mdxJsxAttribute' && typeof a.value === 'string' ? { ...a, value: a.value.replaceAll(DEFAULT_SITE, SITE) } : a));
};

/**
 * The same for the HTML pages, as a plugin of Sätteri, Astro's Markdown processor
 * (`markdown.processor` in astro.config.mjs).
 */
export const satteriSiteOrigin = {
  name: 'xapy-site-origin',
  text: swapValue,
  inlineCode: swapValue,
  code: swapValue,
  html: swapValue,
  link: swapUrl,
  definition: swapUrl,
  mdxJsxFlowElement: swapAttributes,
  mdxJsxTextElement: swapAttributes,
};
