/**
 * No page promises more about where a Read-Write key can send funds than the exchanges' data
 * says (`withdrawal.apiLimitedToWhitelist`), neither in its HTML nor in its Markdown twin.
 * The rule is in test/helpers/withdrawal-claims.ts; its own cases are in test/unit/withdrawal-safety.test.ts.
 */
import { describe, expect, inject, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { exchanges } from '../../src/data/index.ts';
import { docIds, htmlPathOf, local, mdPathOf } from '../helpers/site.ts';
import { overclaims } from '../helpers/withdrawal-claims.ts';

const base = inject('baseUrl');
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'caption', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary', 'figcaption']);

/** The text of each block of an HTML page, one block per line, plus its meta description. */
function htmlText(html: string): string {
  const lines: string[] = [];
  visit(fromHtml(html), 'element', (el: Element) => {
    if (el.tagName === 'meta' && el.properties.name === 'description') lines.push(String(el.properties.content));
    if (!BLOCKS.has(el.tagName)) return;
    let text = '';
    visit(el, 'text', (t: { value: string }) => { text += t.value; });
    lines.push(text.replace(/\s+/g, ' ').trim());
  });
  return lines.join('\n');
}

/** The exchange a guide is about, for sentences in it that name no exchange. */
const aboutOf = (id: string) => exchanges.find((ex) => id === `integration/exchanges/${ex.id}`);
const report = (id: string, page: string, text: string) =>
  overclaims(text, exchanges, aboutOf(id)).map((o) => `${page}: ${o.reason}: “${o.sentence}”`);

describe('withdrawal promises match the data', { timeout: 30_000 }, () => {
  it.each(docIds())('%s, HTML and Markdown twin', async (id) => {
    const [html, md] = await Promise.all([htmlPathOf(id), mdPathOf(id)].map(async (p) => (await fetch(local(base, p))).text()));
    expect([...report(id, htmlPathOf(id), htmlText(html)), ...report(id, mdPathOf(id), md)]).toEqual([]);
  });
});
