/**
 * A page's sections, as `?section=` serves them and the search index reads them. A section is a
 * top-level heading with everything up to the next heading of the same or a higher level (so it
 * carries its sub-sections); the text before the first heading is the page's introduction.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { headingId, plainText } from './markdown.ts';

/** The id of the introduction; Starlight gives the page title the same id. */
export const INTRO_ID = '_top';

export interface Section {
  /** The heading's id on the HTML page (`_top` for the introduction). */
  id: string;
  /** 1 for the introduction, else the heading's depth. */
  depth: number;
  title: string;
  /** Titles of the enclosing sections and this one, e.g. ["Choose a permission level", "Read-Write"]. */
  path: string[];
  /** Index into the tree's top-level children: the heading (the H1 for the introduction). */
  start: number;
  /** End of the section's own blocks: the next heading of any level. */
  ownEnd: number;
  /** End of the section with its sub-sections. */
  end: number;
}

export function sectionsOf(root: Root): Section[] {
  const nodes = root.children;
  const headings = nodes.flatMap((n, i) => (n.type === 'heading' && n.depth > 1 ? [i] : []));
  const firstH1 = nodes.findIndex((n) => n.type === 'heading' && n.depth === 1);
  const title = firstH1 >= 0 ? plainText((nodes[firstH1] as Heading).children) : '';
  const out: Section[] = [{ id: INTRO_ID, depth: 1, title, path: [], start: Math.max(firstH1, 0), ownEnd: headings[0] ?? nodes.length, end: nodes.length }];
  const stack: Section[] = [];
  headings.forEach((start, k) => {
    const h = nodes[start] as Heading;
    while (stack.length && stack.at(-1)!.depth >= h.depth) stack.pop();
    const name = plainText(h.children);
    let end = nodes.length;
    for (const j of headings.slice(k + 1)) {
      if ((nodes[j] as Heading).depth <= h.depth) { end = j; break; }
    }
    const section: Section = {
      id: headingId(h) ?? '',
      depth: h.depth,
      title: name,
      path: [...stack.map((s) => s.title), name],
      start,
      ownEnd: headings[k + 1] ?? nodes.length,
      end,
    };
    stack.push(section);
    out.push(section);
  });
  return out;
}

/** The section's own blocks, without its heading and without its sub-sections. */
export const ownBlocks = (root: Root, s: Section): RootContent[] => root.children.slice(s.start + 1, s.ownEnd);
/** The section with its heading and sub-sections. */
export const sectionBlocks = (root: Root, s: Section): RootContent[] => root.children.slice(s.start, s.end);
