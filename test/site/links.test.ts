/**
 * Every internal link on every HTML page leads somewhere: the target answers 200 and, when the
 * link has an anchor, the target page has an element with that id. This covers links written in
 * MDX and links that components generate (rule anchors, error-code anchors, guide links).
 */
import { describe, expect, it, inject } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { docIds, htmlPathOf } from '../helpers/site.ts';

const base = inject('baseUrl');
const pages = new Map<string, Promise<{ status: number; tree: Root | null }>>();

function load(path: string) {
  let page = pages.get(path);
  if (!page) {
    page = fetch(base + path).then(async (res) => {
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, tree: type.includes('text/html') ? fromHtml(await res.text()) : null };
    });
    pages.set(path, page);
  }
  return page;
}

function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (el: Element) => {
    if (typeof el.properties.id === 'string') ids.add(el.properties.id);
  });
  return ids;
}

function linksOf(tree: Root): string[] {
  const hrefs: string[] = [];
  visit(tree, 'element', (el: Element) => {
    if (el.tagName === 'a' && typeof el.properties.href === 'string') hrefs.push(el.properties.href);
  });
  return hrefs;
}

describe('internal links', () => {
  it.each(docIds())('every link on %s resolves, anchors included', async (id) => {
    const from = htmlPathOf(id);
    const { tree } = await load(from);
    expect(tree).not.toBeNull();
    const broken: string[] = [];
    for (const href of linksOf(tree!)) {
      const url = new URL(href, base + from);
      if (url.origin !== base) continue;
      const target = await load(url.pathname);
      if (target.status !== 200) {
        broken.push(`${href} → ${target.status}`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && target.tree && !idsOf(target.tree).has(anchor)) broken.push(`${href} → no element with id "${anchor}"`);
    }
    expect(broken).toEqual([]);
  });
});
