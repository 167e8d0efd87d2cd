/**
 * The project's widgets (custom elements defined under src/components) and, for each, how a
 * browser test uses it the way a visitor would: the every-page test (privacy and axe) puts every
 * widget on every page into its used, filled-in state through these drivers.
 *
 * Adding a widget: give its tag a driver in `drivers` below. A test checks that every
 * `customElements.define('…')` under src/components has one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect as globalExpect, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { docIds, htmlPathOf } from './site.ts';

/**
 * How long a driver waits for a widget to answer: a widget checks after a short pause in typing,
 * and on a busy machine (the browser tests load several pages at once) that can take seconds. A
 * poll returns as soon as the widget has answered, so a generous limit costs nothing when it is quick.
 */
const POLL = { timeout: 10_000 };

/** What a driver may know: XAPY's server addresses, from /servers.json. */
export interface WidgetContext {
  addresses: string[];
  /** The test's own `expect`: required in a concurrent test, whose `expect.poll` must know its test. */
  expect?: ExpectStatic;
}

/**
 * Uses every instance of one widget on the page and leaves it in its filled-in state. A driver
 * waits until the widget has answered, so a caller can inspect the page right after it returns.
 */
export type WidgetDriver = (page: Page, ctx: WidgetContext) => Promise<void>;

/** The widgets whose code loads only when the reader reaches them (src/components/lazy-widget.ts). */
export const lazyWidgets = ['ip-checker', 'key-checker', 'address-loop-checker'];

/**
 * Scrolls to the first `tag` widget, as a reader would, and waits until its code has loaded: the
 * checkers load their code only when they come near the screen (src/components/lazy-widget.ts).
 */
export async function reachWidget(page: Page, tag: string): Promise<void> {
  await page.locator(tag).first().scrollIntoViewIfNeeded();
  await page.waitForFunction((t) => customElements.get(t) !== undefined, tag);
}

export const drivers: Record<string, WidgetDriver> = {
  'ip-checker': async (page, { addresses, expect = globalExpect }) => {
    await page.bringToFront(); // copying needs the focused window (tests may run pages side by side)
    await reachWidget(page, 'ip-checker');
    const widgets = page.locator('ip-checker');
    for (let i = 0; i < (await widgets.count()); i++) {
      const widget = widgets.nth(i);
      // A failing list: every kind of finding the widget can show (error, warning, note) and the entries table.
      const failing = [addresses[0], addresses[0], '1.2.3.4', '10.0.0.1', '203.0.113.0/24', 'x.example', '2001:db8::1'].join('\n');
      await widget.locator('[data-ips]').fill(failing);
      await expect.poll(() => widget.locator('[data-verdict]').getAttribute('data-verdict'), POLL).toBe('fail');
      const exchange = widget.locator('[data-exchange]');
      const options = await exchange.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      await exchange.selectOption(options[options.length - 1]!);
      await widget.locator('[data-entries-box] summary').click();
      await widget.locator('[data-copy-report]').click();
      await expect.poll(() => widget.locator('[data-copy-status]').textContent(), POLL).not.toBe('');
      await widget.locator('[data-copy-formatted]').click();
    }
  },
  'key-checker': async (page, { expect = globalExpect }) => {
    await page.bringToFront(); // copying needs the focused window (tests may run pages side by side)
    await reachWidget(page, 'key-checker');
    const widgets = page.locator('key-checker');
    for (let i = 0; i < (await widgets.count()); i++) {
      const widget = widgets.nth(i);
      // An OKX-shaped answer for a key that can withdraw and has no IP binding: errors, warnings and notes.
      await widget.locator('[data-exchange]').selectOption('okx');
      await widget.locator('[data-source][value="metadata"]').check();
      await widget.locator('[data-metadata]').fill(JSON.stringify({ code: '0', msg: '', data: [{ uid: '1', label: 'xapy', perm: 'read_only,trade,withdraw', ip: '' }] }));
      await expect.poll(() => widget.locator('[data-verdict]').getAttribute('data-verdict'), POLL).toBe('fail');
      await widget.locator('[data-mode][value="read-write"]').check();
      await expect.poll(() => widget.locator('[data-whitelist-box]').isVisible(), POLL).toBe(true);
      await widget.locator('[data-source][value="form"]').check();
      await widget.locator('[data-source][value="metadata"]').check();
      await widget.locator('[data-copy-report]').click();
      await expect.poll(() => widget.locator('[data-copy-status]').textContent(), POLL).not.toBe('');
    }
  },
  'address-loop-checker': async (page, { expect = globalExpect }) => {
    await page.bringToFront(); // copying needs the focused window (tests may run pages side by side)
    await reachWidget(page, 'address-loop-checker');
    const widgets = page.locator('address-loop-checker');
    for (let i = 0; i < (await widgets.count()); i++) {
      const widget = widgets.nth(i);
      const [a, b] = await widget.locator('[data-pick]').evaluateAll((boxes) => boxes.slice(0, 2).map((x) => (x as HTMLInputElement).value));
      await widget.locator(`[data-pick][value="${a}"]`).check();
      await widget.locator(`[data-pick][value="${b}"]`).check();
      // A loop with one whitelist entry missing and one outside address: the diagram shows both states.
      await widget.locator(`[data-deposits="${a}"]`).fill('USDT TRC20 TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo');
      await widget.locator(`[data-deposits="${b}"]`).fill('USDT TRC20 TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW');
      await widget.locator(`[data-whitelist="${a}"]`).fill('TRC20 TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW\nTRC20 TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf');
      await expect.poll(() => widget.locator('[data-verdict]').getAttribute('data-verdict'), POLL).toBe('fail');
      await widget.locator('[data-copy-report]').click();
      await expect.poll(() => widget.locator('[data-copy-status]').textContent(), POLL).not.toBe('');
    }
  },
  'copy-page': async (page, { expect = globalExpect }) => {
    // "Copy page" fetches the page's own Markdown twin from this site when pressed: a same-origin GET
    // that carries nothing the visitor typed (test/browser/page-actions.test.ts covers the copying).
    // Here it only has to be shown and usable, so the privacy check's "no request after load" holds.
    await page.waitForFunction(() => customElements.get('copy-page') !== undefined);
    const widgets = page.locator('copy-page');
    for (let i = 0; i < (await widgets.count()); i++) {
      await expect.poll(() => widgets.nth(i).isVisible(), POLL).toBe(true);
      expect(await widgets.nth(i).getByRole('button', { name: 'Copy page' }).isEnabled()).toBe(true);
    }
  },
  'xapy-search': async (page, { expect = globalExpect }) => {
    // The header's search. Searching downloads Pagefind's interface and parts of the index from
    // this site (the query's words decide which parts), so the privacy check's "no request after
    // load" cannot hold while it searches: test/browser/search.test.ts covers searching. Here the
    // search button only has to be there and usable.
    await page.waitForFunction(() => customElements.get('xapy-search') !== undefined);
    const button = page.locator('xapy-search button[data-open-modal]').first();
    await expect.poll(() => button.isEnabled(), POLL).toBe(true);
  },
  'xapy-toc': async (page, { expect = globalExpect }) => {
    // "On this page" beside the content (shown on wide screens): one link marks the section read.
    // test/browser/toc.test.ts follows it through scrolling and jumps.
    await page.waitForFunction(() => customElements.get('xapy-toc') !== undefined);
    await expect.poll(() => page.locator('xapy-toc a[aria-current="true"]').count(), POLL).toBe(1);
  },
  'xapy-mobile-toc': async (page, { expect = globalExpect }) => {
    // "On this page" in the bar under the header (shown on narrow screens): its list opens from
    // the toggle and closes on Escape; the bar names the section being read.
    await page.waitForFunction(() => customElements.get('xapy-mobile-toc') !== undefined);
    const widget = page.locator('xapy-mobile-toc');
    await expect.poll(() => widget.locator('.display-current').textContent(), POLL).not.toBe('');
    const toggle = widget.locator('summary');
    if (!(await toggle.isVisible())) return;
    const open = () => widget.locator('details').evaluate((d) => (d as HTMLDetailsElement).open);
    await toggle.click();
    await expect.poll(open, POLL).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(open, POLL).toBe(false);
  },
  'copy-button': async (page, { expect = globalExpect }) => {
    await page.bringToFront(); // copying needs the focused window (tests may run pages side by side)
    await page.waitForFunction(() => customElements.get('copy-button') !== undefined);
    const widgets = page.locator('copy-button');
    for (let i = 0; i < (await widgets.count()); i++) {
      const widget = widgets.nth(i);
      if (!(await widget.isVisible())) continue; // e.g. in a tab that is not shown
      await widget.locator('button').click();
      await expect.poll(() => widget.getByRole('status').textContent(), POLL).not.toBe('');
    }
  },
};

/** Tags of the custom elements the project defines, read from src/components. */
export function definedWidgetTags(dir = 'src/components'): string[] {
  const tags = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|astro|js)$/.test(e.name)) {
        for (const m of readFileSync(p, 'utf8').matchAll(/customElements\.define\(\s*['"`]([a-z][a-z0-9]*-[a-z0-9-]*)['"`]/g)) tags.add(m[1]!);
      }
    }
  };
  walk(dir);
  return [...tags].sort();
}

/** The project's widgets in a page's HTML, by tag. */
export function widgetsIn(html: string, tags = Object.keys(drivers)): string[] {
  return tags.filter((tag) => new RegExp(`<${tag}[\\s>]`).test(html));
}

/** Every docs page (by HTML path) with the widgets it contains; pages without widgets are left out. */
export async function pagesWithWidgets(baseUrl: string): Promise<{ path: string; widgets: string[] }[]> {
  const out: { path: string; widgets: string[] }[] = [];
  for (const id of docIds()) {
    const path = htmlPathOf(id);
    const res = await fetch(baseUrl + path);
    globalExpect(res.status, path).toBe(200);
    const widgets = widgetsIn(await res.text());
    if (widgets.length) out.push({ path, widgets });
  }
  return out;
}

/** Uses every project widget on the page (see `drivers`). */
export async function useWidgets(page: Page, widgets: string[], ctx: WidgetContext): Promise<void> {
  for (const tag of widgets) await drivers[tag]!(page, ctx);
}
