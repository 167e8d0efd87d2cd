/**
 * The project's widgets (custom elements defined under src/components) and, for each, how a
 * browser test uses it the way a visitor would: the accessibility and privacy tests put every
 * widget on every page into its used, filled-in state through these drivers.
 *
 * Adding a widget: give its tag a driver in `drivers` below. A test checks that every
 * `customElements.define('…')` under src/components has one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { docIds, htmlPathOf } from './site.ts';

/** What a driver may know: XAPY's server addresses, from /servers.json. */
export interface WidgetContext {
  addresses: string[];
}

/**
 * Uses every instance of one widget on the page and leaves it in its filled-in state. A driver
 * waits until the widget has answered, so a caller can inspect the page right after it returns.
 */
export type WidgetDriver = (page: Page, ctx: WidgetContext) => Promise<void>;

export const drivers: Record<string, WidgetDriver> = {
  'ip-checker': async (page, { addresses }) => {
    await page.waitForFunction(() => customElements.get('ip-checker') !== undefined);
    const widgets = page.locator('ip-checker');
    for (let i = 0; i < (await widgets.count()); i++) {
      const widget = widgets.nth(i);
      // A failing list: every kind of finding the widget can show (error, warning, note) and the entries table.
      const failing = [addresses[0], addresses[0], '1.2.3.4', '10.0.0.1', '203.0.113.0/24', 'x.example', '2001:db8::1'].join('\n');
      await widget.locator('[data-ips]').fill(failing);
      await expect.poll(() => widget.locator('[data-verdict]').getAttribute('data-verdict')).toBe('fail');
      const exchange = widget.locator('[data-exchange]');
      const options = await exchange.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      await exchange.selectOption(options[options.length - 1]!);
      await widget.locator('[data-entries-box] summary').click();
      await widget.locator('[data-copy-report]').click();
      await expect.poll(() => widget.locator('[data-copy-status]').textContent()).not.toBe('');
      await widget.locator('[data-copy-formatted]').click();
    }
  },
  'copy-button': async (page) => {
    await page.waitForFunction(() => customElements.get('copy-button') !== undefined);
    const widgets = page.locator('copy-button');
    for (let i = 0; i < (await widgets.count()); i++) {
      const widget = widgets.nth(i);
      if (!(await widget.isVisible())) continue; // e.g. in a tab that is not shown
      await widget.locator('button').click();
      await expect.poll(() => widget.getByRole('status').textContent()).not.toBe('');
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
    expect(res.status, path).toBe(200);
    const widgets = widgetsIn(await res.text());
    if (widgets.length) out.push({ path, widgets });
  }
  return out;
}

/** Uses every project widget on the page (see `drivers`). */
export async function useWidgets(page: Page, widgets: string[], ctx: WidgetContext): Promise<void> {
  for (const tag of widgets) await drivers[tag]!(page, ctx);
}
