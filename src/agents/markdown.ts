/**
 * MDX page body -> clean Markdown for AI agents (the `/<path>.md` twin of each docs page).
 *
 * Pure: works on syntax trees only (remark/mdast), no fs, no network, no `astro:*`.
 * Three passes over the tree:
 *   1. convert   – drop ESM/expressions/comments, render JSX elements, demote H1s;
 *   2. normalize – repair the content model (renderers may return blocks inside a
 *                  paragraph or inline nodes at block level), trim paragraph edges;
 *   3. links     – point internal page links at their `.md` twins.
 */
import type { Heading, List, Paragraph, Root, RootContent, Text } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { visit } from 'unist-util-visit';
import GithubSlugger from 'github-slugger';
import YAML from 'yaml';

export type AttributeValue = string | number | boolean | null;
export interface JsxElementInfo {
  name: string;
  /** `<X flag />` -> true; literal expressions (`{3}`, `{false}`, `{`str`}`) -> their value; any other expression -> null. */
  attributes: Record<string, AttributeValue>;
  children: RootContent[];
}
/** Turns one JSX element into Markdown nodes. `convert` converts nested children with the same options. */
export type ComponentRenderer = (el: JsxElementInfo, convert: (children: RootContent[]) => RootContent[]) => RootContent[];
export interface MarkdownOptions {
  /** Page title -> the single H1. */
  title: string;
  /** -> a paragraph right after the H1. */
  description?: string;
  /** HTML URL of this page, e.g. '/setup/on-crypto-exchanges/server-ips/'; relative links resolve against it. */
  pagePath: string;
  /** Project widgets supplied by the caller; they override built-ins (and HTML tags) of the same name. */
  components?: Record<string, ComponentRenderer>;
  /**
   * The site's origin, e.g. 'https://docs.xapy.io': links to the site's own pages and files become
   * absolute on it, so a saved or forwarded twin keeps every target. Without it they stay root-relative.
   */
  site?: string;
}
/** Thrown for a capitalised JSX element that has no renderer, so the build notices. */
export class UnknownComponentError extends Error {
  readonly component: string;
  constructor(component: string, line?: number) {
    super(`Unknown MDX component <${component}>${line ? ` (line ${line})` : ''}: supply a renderer in options.components`);
    this.name = 'UnknownComponentError';
    this.component = component;
  }
}

type JsxElement = Extract<RootContent, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;
type Loose = RootContent & { children: RootContent[] };

// ---------------------------------------------------------------- small node helpers
const text = (value: string): Text => ({ type: 'text', value });
const strong = (children: RootContent[]) => ({ type: 'strong', children }) as RootContent;
const paragraph = (children: RootContent[]) => ({ type: 'paragraph', children }) as Paragraph;
const label = (value: string) => paragraph([strong([text(value)])]);
const str = (v: AttributeValue | undefined) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const hasChildren = (n: RootContent): n is Loose => 'children' in n && Array.isArray(n.children);
export function plainText(nodes: RootContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : hasChildren(n) ? plainText(n.children) : '')).join('');
}

// ---------------------------------------------------------------- built-in renderers
const ASIDE_LABELS: Record<string, string> = { note: 'Note', tip: 'Tip', caution: 'Caution', danger: 'Danger' };
/** LinkCard lists: adjacent ones are merged into a single list by `normalize`. */
const linkCardLists = new WeakSet<RootContent>();
const children: ComponentRenderer = (el, convert) => convert(el.children);

const STARLIGHT: Record<string, ComponentRenderer> = {
  Aside: ({ attributes: a, children: c }, convert) => {
    const name = str(a.title) || (ASIDE_LABELS[str(a.type) ?? 'note'] ?? 'Note');
    const body = toFlow(convert(c));
    const lead = strong([text(`${name}:`)]);
    const first = body[0];
    if (first?.type === 'paragraph') first.children.unshift(lead as Paragraph['children'][number], text(' '));
    else body.unshift(paragraph([lead]));
    return [{ type: 'blockquote', children: body } as RootContent];
  },
  Steps: children,
  Tabs: children,
  TabItem: (el, convert) => {
    const tab = str(el.attributes.label);
    if (!tab) throw new Error('<TabItem> needs a label attribute');
    return [label(tab), ...convert(el.children)];
  },
  CardGrid: children,
  Card: (el, convert) => {
    const title = str(el.attributes.title);
    return [...(title ? [label(title)] : []), ...convert(el.children)];
  },
  LinkCard: ({ attributes: a }) => {
    const description = str(a.description);
    const link = { type: 'link', url: str(a.href) ?? '', children: [text(str(a.title) ?? str(a.href) ?? '')] } as RootContent;
    const item = paragraph(description ? [link, text(`: ${description}`)] : [link]);
    const list = { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [item] }] } as List;
    linkCardLists.add(list);
    return [list];
  },
  LinkButton: (el, convert) => [{ type: 'link', url: str(el.attributes.href) ?? '', children: convert(el.children) } as RootContent],
  Badge: (el) => [text(str(el.attributes.text) ?? '')],
  Icon: () => [],
  FileTree: children,
  Code: ({ attributes: a }) => {
    if (typeof a.code !== 'string') throw new Error('<Code> needs a string literal `code` attribute');
    const title = str(a.title);
    return [{ type: 'code', lang: str(a.lang) ?? 'text', meta: title ? `title="${title}"` : str(a.meta) ?? null, value: a.code }];
  },
};

/** Native HTML written in MDX; lower-case tags not listed here render as their children. */
const HTML: Record<string, ComponentRenderer> = {
  br: () => [{ type: 'break' }],
  hr: () => [{ type: 'thematicBreak' }],
  p: (el, convert) => [paragraph(convert(el.children))],
  strong: (el, convert) => [strong(convert(el.children))],
  em: (el, convert) => [{ type: 'emphasis', children: convert(el.children) } as RootContent],
  del: (el, convert) => [{ type: 'delete', children: convert(el.children) } as RootContent],
  code: (el) => [{ type: 'inlineCode', value: plainText(el.children) }],
  a: (el, convert) => {
    const href = str(el.attributes.href);
    return href ? [{ type: 'link', url: href, children: convert(el.children) } as RootContent] : convert(el.children);
  },
  img: ({ attributes: a }) => [{ type: 'image', url: str(a.src) ?? '', alt: str(a.alt) ?? null }],
  abbr: (el, convert) => {
    const title = str(el.attributes.title);
    return [...convert(el.children), ...(title ? [text(` (${title})`)] : [])];
  },
  summary: (el, convert) => [paragraph([strong(convert(el.children))])], // <details> itself: its children
};
HTML.b = HTML.strong!;
HTML.i = HTML.em!;
HTML.s = HTML.del!;
HTML.kbd = HTML.samp = HTML.code!;
for (const depth of [1, 2, 3, 4, 5, 6] as const) {
  // h1 -> depth 2: the page title is the only H1.
  HTML[`h${depth}`] = (el, convert) => [{ type: 'heading', depth: Math.max(depth, 2), children: convert(el.children) } as Heading];
}

// ---------------------------------------------------------------- pass 1: convert
function attributes(el: JsxElement): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const attr of el.attributes) {
    if (attr.type !== 'mdxJsxAttribute') continue; // `{...spread}`
    const v = attr.value;
    if (v === null || v === undefined) out[attr.name] = true;
    else if (typeof v === 'string') out[attr.name] = v;
    else {
      const stmt = v.data?.estree?.body[0];
      const e = stmt?.type === 'ExpressionStatement' ? stmt.expression : undefined;
      if (e?.type === 'Literal' && (e.value === null || ['string', 'number', 'boolean'].includes(typeof e.value))) {
        out[attr.name] = e.value as AttributeValue;
      } else if (e?.type === 'TemplateLiteral' && e.expressions.length === 0) out[attr.name] = e.quasis[0]?.value.cooked ?? null;
      else out[attr.name] = null;
    }
  }
  return out;
}

function converter(renderers: Record<string, ComponentRenderer>) {
  const convertAll = (nodes: RootContent[]): RootContent[] => nodes.flatMap(convert);
  function convert(node: RootContent): RootContent[] {
    switch (node.type) {
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'yaml':
        return [];
      case 'code':
        return [{ ...node, lang: node.lang || 'text' }]; // content stays verbatim
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const { name } = node;
        if (!name) return convertAll(node.children); // <>fragment</>
        const render = Object.hasOwn(renderers, name) ? renderers[name] : undefined;
        if (render) return render({ name, attributes: attributes(node), children: node.children }, convertAll);
        if (name[0] === name[0]?.toLowerCase() && !name.includes('.')) return convertAll(node.children);
        throw new UnknownComponentError(name, node.position?.start.line);
      }
    }
    if (node.type === 'heading' && node.depth === 1) node.depth = 2;
    if (hasChildren(node)) node.children = convertAll(node.children);
    return [node];
  }
  return convertAll;
}

// ---------------------------------------------------------------- pass 2: normalize
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference', 'footnoteReference', 'html']);
const PHRASING_PARENTS = new Set(['heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference']);
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);
const isBlank = (n: RootContent) => n.type === 'break' || (n.type === 'text' && n.value.trim() === '');

/** Merge adjacent text nodes, drop empty ones and whitespace/breaks at both edges. */
function tidy(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const n of nodes) {
    const prev = out.at(-1);
    if (n.type === 'text' && prev?.type === 'text') {
      // texts are only adjacent where something was removed: do not leave a double space
      const gap = prev.value.trimEnd() !== prev.value;
      out[out.length - 1] = text(prev.value + (gap ? n.value.trimStart() : n.value));
    }
    else if (n.type !== 'text' || n.value) out.push(n);
  }
  while (out[0] && isBlank(out[0])) out.shift();
  while (out.at(-1) && isBlank(out.at(-1)!)) out.pop();
  const first = out[0], last = out.at(-1);
  if (first?.type === 'text') out[0] = text(first.value.trimStart());
  if (last?.type === 'text') out[out.length - 1] = text((out.at(-1) as Text).value.trimEnd());
  return out;
}

/** Block context: wrap runs of inline nodes in paragraphs, merge adjacent LinkCard lists. */
function toFlow(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let run: RootContent[] = [];
  const flush = () => {
    const inline = tidy(run);
    if (inline.length) out.push(paragraph(inline));
    run = [];
  };
  for (const n of nodes) {
    if (PHRASING.has(n.type)) { run.push(n); continue; }
    flush();
    const prev = out.at(-1);
    if (prev?.type === 'list' && n.type === 'list' && linkCardLists.has(prev) && linkCardLists.has(n)) prev.children.push(...n.children);
    else out.push(n);
  }
  flush();
  return out;
}

/** Inline context: unwrap blocks (code -> inline code; anything else -> its inline content). */
function toPhrasing(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((n, i): RootContent[] => {
    if (PHRASING.has(n.type)) return [n];
    const sep = i > 0 ? [text(' ')] : [];
    if (n.type === 'code') return [...sep, { type: 'inlineCode', value: n.value }];
    if (n.type === 'paragraph' || n.type === 'heading') return [...sep, ...n.children];
    return hasChildren(n) ? [...sep, ...toPhrasing(n.children)] : [];
  });
}

function normalize(node: RootContent): RootContent[] {
  if (node.type === 'html' && node.value.trim().startsWith('<!--')) return []; // e.g. from a renderer
  if (!hasChildren(node)) return [node];
  const kids = node.children.flatMap(normalize);
  const type: string = node.type;
  if (type === 'paragraph') return toFlow(kids); // may split around hoisted blocks
  if (FLOW_PARENTS.has(type)) node.children = toFlow(kids);
  else if (type === 'heading' || type === 'tableCell' || type === 'link') node.children = tidy(toPhrasing(kids));
  else node.children = PHRASING_PARENTS.has(type) ? toPhrasing(kids) : kids;
  return [node];
}

// ---------------------------------------------------------------- pass 3: links
const ORIGIN = 'https://page.invalid';
/** Where a link written on the page at `pagePath` points from its Markdown twin. */
export function markdownUrl(url: string, pagePath: string): string {
  if (!url) return url;
  let u: URL;
  try { u = new URL(url, ORIGIN + pagePath); } catch { return url; }
  if (u.origin !== ORIGIN) return url; // external, mailto:, protocol-relative
  const file = u.pathname.slice(u.pathname.lastIndexOf('/') + 1);
  if (file.includes('.')) return u.pathname + u.search + u.hash; // a file, not a page
  const page = u.pathname.endsWith('/') ? u.pathname.slice(0, -1) : u.pathname;
  return `${page || '/index'}.md${u.search}${u.hash}`;
}

/** A root-relative URL made absolute on `site`; any other URL unchanged. */
export const absoluteOn = (url: string, site: string | undefined): string => (site && url.startsWith('/') && !url.startsWith('//') ? `${site}${url}` : url);

// ---------------------------------------------------------------- entry point
const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze();
const STRINGIFY: StringifyOptions = {
  bullet: '-', bulletOrdered: '.', emphasis: '*', strong: '*', fence: '`', fences: true,
  rule: '-', listItemIndent: 'one', incrementListMarker: true,
};
const stringifier = unified().use(remarkStringify, STRINGIFY).use(remarkGfm).freeze();

/** A leading `---` YAML block is blanked line-for-line, so parse errors keep their line numbers. */
function blankFrontmatter(source: string): string {
  const lines = (source.startsWith('\uFEFF') ? source.slice(1) : source).split('\n');
  if (lines[0]?.trimEnd() !== '---') return source;
  const end = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (end < 0) return source;
  try {
    const data: unknown = YAML.parse(lines.slice(1, end).join('\n'));
    if (data !== null && typeof data !== 'object') return source; // `---` was a thematic break
  } catch { return source; }
  return [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
}

/** A heading's id on the HTML page; `mdxToTree` sets it on every heading below the title. */
export const headingId = (h: Heading): string | undefined => (h.data as { id?: string } | undefined)?.id;

/**
 * Heading ids as the HTML page has them: Astro slugs each heading's text with github-slugger, in
 * order, unless the heading already has an id (a component's `<h3 id=…>`); renderers mark those
 * with `data.id`, and they do not count towards the slugger's repeats, as in Astro.
 */
function assignHeadingIds(root: Root): void {
  const slugger = new GithubSlugger();
  visit(root, 'heading', (h: Heading) => {
    if (h.depth === 1) return;
    const id = headingId(h) ?? slugger.slug(plainText(h.children));
    h.data = { ...h.data, id } as Heading['data'];
  });
}

/** The page as a Markdown syntax tree: the H1 title, the description, the converted body. */
export function mdxToTree(mdxBody: string, options: MarkdownOptions): Root {
  const tree = parser.parse(blankFrontmatter(mdxBody));
  const convert = converter({ ...HTML, ...STARLIGHT, ...options.components });
  const body = convert(tree.children).flatMap(normalize);
  const head: RootContent[] = [{ type: 'heading', depth: 1, children: [text(options.title)] } as Heading];
  if (options.description) head.push(paragraph([text(options.description)]));
  const root = { type: 'root', children: toFlow([...head, ...body]) } as Root;
  // Images keep their src (Astro resolves relative image paths against the source file, not the
  // URL); a root-relative one is made absolute like a link.
  visit(root, (n) => {
    if (n.type === 'link' || n.type === 'definition') n.url = absoluteOn(markdownUrl(n.url, options.pagePath), options.site);
    else if (n.type === 'image') n.url = absoluteOn(n.url, options.site);
  });
  assignHeadingIds(root);
  return root;
}

/** Markdown text of a tree (or of some of its blocks), in the twins' one house style. */
export function stringifyMarkdown(nodes: Root | RootContent[]): string {
  const root = Array.isArray(nodes) ? ({ type: 'root', children: nodes } as Root) : nodes;
  return stringifier.stringify(root);
}

export function mdxToMarkdown(mdxBody: string, options: MarkdownOptions): string {
  return stringifyMarkdown(mdxToTree(mdxBody, options));
}
