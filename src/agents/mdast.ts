/** Tiny builders for mdast nodes, so component renderers can describe Markdown as a tree. */
import type { BlockContent, Code, Heading, Link, List, Paragraph, PhrasingContent, RootContent, Table, Text } from 'mdast';

type Inline = PhrasingContent | string;
const inline = (parts: Inline[]): PhrasingContent[] => parts.map((p) => (typeof p === 'string' ? text(p) : p));

export const text = (value: string): Text => ({ type: 'text', value });
export const strong = (...parts: Inline[]): PhrasingContent => ({ type: 'strong', children: inline(parts) });
export const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
export const link = (url: string, ...parts: Inline[]): Link => ({ type: 'link', url, children: inline(parts) });
export const p = (...parts: Inline[]): Paragraph => ({ type: 'paragraph', children: inline(parts) });
export const heading = (depth: 1 | 2 | 3 | 4 | 5 | 6, ...parts: Inline[]): Heading => ({ type: 'heading', depth, children: inline(parts) });
/** A heading whose HTML counterpart has a fixed id (not slugged from its text). */
export const headingWithId = (id: string, depth: 1 | 2 | 3 | 4 | 5 | 6, ...parts: Inline[]): Heading => ({ ...heading(depth, ...parts), data: { id } } as Heading);
export const fence = (lang: string, value: string): Code => ({ type: 'code', lang, value });
export const blockquote = (...children: BlockContent[]): RootContent => ({ type: 'blockquote', children });

export const list = (items: Inline[][], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map((parts) => ({ type: 'listItem', spread: false, children: [p(...parts)] })),
});

/** A table; a cell is one inline (text, link, code…) or a list of them. */
export const table = (header: (Inline | Inline[])[], rows: (Inline | Inline[])[][]): Table => ({
  type: 'table',
  align: header.map(() => null),
  children: [header, ...rows].map((cells) => ({
    type: 'tableRow',
    children: cells.map((c) => ({ type: 'tableCell', children: inline(Array.isArray(c) ? c : [c]) })),
  })),
});
