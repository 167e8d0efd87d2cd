/**
 * /setup/on-crypto-exchanges/whitelist-address/ as a reader sees it without JavaScript: the loop
 * drawn as an SVG with the same paths in words, every exchange's withdrawal whitelist summed up from the
 * data (the full facts with sources and dates sit in each exchange's guide), the networks view, and the checker.
 */
import { describe, expect, inject, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import { exchanges, networks } from '../../src/data/index.ts';
import { NOT_DOCUMENTED, guidePath, networkSupportView, withdrawalFactRows, withdrawalOverview } from '../../src/data/describe.ts';
import { loopAssets } from '../../src/data/assets.ts';

const base = inject('baseUrl');
const PATH = '/setup/on-crypto-exchanges/whitelist-address/';
const html = await (await fetch(`${base}${PATH}`)).text();
const tree = fromHtml(html);

/** Elements under `root` that match `test`, in document order (a tiny stand-in for querySelectorAll). */
function all(root: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(root, 'element', (el: Element) => {
    if (el !== root && test(el)) found.push(el);
  });
  return found;
}
const one = (root: Root | Element, test: (el: Element) => boolean) => all(root, test)[0];
const toString = (node: Root | Element): string => {
  let out = '';
  visit(node, 'text', (t: { value: string }) => {
    out += t.value;
  });
  return out;
};
const has = (el: Element, name: string, value?: string) =>
  value === undefined ? el.properties[name] !== undefined : String(el.properties[name]) === value;
const classed = (name: string) => (el: Element) => Array.isArray(el.properties.className) && el.properties.className.includes(name);
const tag = (name: string) => (el: Element) => el.tagName === name;

describe('the whitelist-address guide', () => {
  it('draws the loop on the server as a labelled SVG, with a list of the same paths in words', () => {
    const svg = one(tree, (el) => el.tagName === 'svg' && classed('xapy-loop-diagram')(el))!;
    expect(svg).toBeTruthy();
    expect(svg.properties.role).toBe('img');
    const words = one(tree, (el) => has(el, 'id', String(svg.properties.ariaDescribedBy)))!;
    const arrows = all(svg, classed('xapy-edge'));
    expect(arrows.length).toBeGreaterThan(0);
    expect(all(words, tag('li'))).toHaveLength(arrows.length);
    for (const arrow of arrows) expect(toString(words)).toContain(toString(one(arrow, tag('title'))!));
  });

  it.each(exchanges.map((e) => [e.name, e] as const))('sums up %s’s withdrawal whitelist in one row, each value linked to its source, the name to the guide', (_name, ex) => {
    const { rows } = withdrawalOverview(exchanges, networks);
    const expected = rows.find((r) => r.id === ex.id)!;
    const row = one(tree, (el) => el.tagName === 'tr' && has(el, 'id', `${ex.id}-withdrawals`))!;
    expect(row).toBeTruthy();
    expect(one(row, tag('a'))!.properties.href).toBe(`${guidePath(ex.id)}#withdrawal-whitelist`);
    const cells = all(row, tag('td'));
    expect(cells.map((c) => toString(c))).toEqual(expected.cells.map((c) => c.text));
    cells.forEach((c, i) => {
      const source = expected.cells[i]!.source;
      if (source) expect(one(c, tag('a'))!.properties.href).toBe(source);
    });
  });

  it.each(exchanges.map((e) => [e.name, e] as const))('gives %s’s full withdrawal facts in its guide, each with its source and date', async (_name, ex) => {
    const guide = fromHtml(await (await fetch(`${base}${guidePath(ex.id)}`)).text());
    expect(one(guide, (el) => has(el, 'id', 'withdrawal-whitelist'))).toBeTruthy();
    const rows = withdrawalFactRows(ex, networks);
    expect(rows.length).toBeGreaterThan(0);
    const table = one(guide, (el) => el.tagName === 'table' && has(el, 'dataFacts', ex.id) && has(el, 'dataKind', 'withdrawal'))!;
    for (const r of rows) {
      const row = one(table, (el) => el.tagName === 'tr' && has(el, 'dataFact', r.key))!;
      expect(row, r.key).toBeTruthy();
      expect(toString(one(row, (el) => has(el, 'dataValue'))!)).toBe(r.text);
      if (r.fact.value === 'unknown') expect(r.text).toBe(NOT_DOCUMENTED);
      const links = all(row, tag('a')).map((a) => a.properties.href);
      for (const s of r.fact.sources) expect(links).toContain(s.url);
      expect(toString(row)).toContain(`checked ${r.fact.verified}`);
    }
  });

  it('lets the reader pick a network both ends support, or says whose list is not documented', () => {
    for (const asset of loopAssets) {
      const view = networkSupportView(exchanges, networks, asset);
      const section = one(tree, (el) => classed('xapy-network-support')(el) && has(el, 'dataAsset', asset))!;
      const head = one(section, tag('thead'));
      const names = head ? all(head, tag('th')).slice(1).map((th) => toString(th).replace(/\s+/g, ' ').trim().split(' (checked')[0]) : [];
      expect(names).toEqual(view.columns.map((e) => e.name));
      const body = one(section, tag('tbody'));
      expect(body ? all(body, tag('tr')).length : 0).toBe(view.rows.length);
      const undocumented = one(section, (el) => has(el, 'dataUndocumented'));
      if (view.undocumented.length) for (const ex of view.undocumented) expect(toString(undocumented!)).toContain(ex.name);
      else expect(undocumented).toBeUndefined();
    }
  });

  it('embeds the loop checker and links to its page', () => {
    expect(one(tree, tag('address-loop-checker'))).toBeTruthy();
    expect(all(tree, tag('a')).some((a) => a.properties.href === '/tools/address-loop-checker/')).toBe(true);
    expect(toString(one(tree, (el) => el.tagName === 'h2' && has(el, 'id', 'check-your-loop'))!)).toBe('Check your loop');
  });
});
