/**
 * Privacy: what a visitor types into a widget stays in the t.page. On every page that has one of the
 * project's widgets (found in the built HTML, so a new page or widget is covered by itself), the
 * page loads only from its own origin, and once its own assets have loaded (a checker's code among
 * them, loaded when the reader reaches it), using every widget sends no request at all: no fetch,
 * beacon, image, prefetch or WebSocket.
 */
import { describe, expect, inject, it } from 'vitest';
import { chromiumPath, usePagePerTest } from '../helpers/chromium.ts';
import { lazyWidgets, pagesWithWidgets, reachWidget, useWidgets } from '../helpers/widgets.ts';
import { CHECKER_PATH } from '../../src/rules/ip-check.ts';

const baseUrl = inject('baseUrl');
const widgetPages = chromiumPath ? await pagesWithWidgets(baseUrl) : [];

describe.skipIf(!chromiumPath)('privacy: nothing leaves a page with a widget', () => {
  const t = usePagePerTest(baseUrl);

  it('finds the widget pages, the checker among them', () => {
    expect(widgetPages.map((p) => p.path)).toContain(CHECKER_PATH);
  });

  for (const { path, widgets } of widgetPages) {
    it(`${path}: loads from its own origin only, then sends nothing while using ${widgets.join(' and ')}`, async () => {
      const requests: string[] = [];
      t.page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
      t.page.on('websocket', (ws) => requests.push(`WebSocket ${ws.url()}`));

      await t.page.goto(baseUrl + path, { waitUntil: 'networkidle' });
      // The checkers load their code when the reader reaches them (src/components/lazy-widget.ts):
      // that code is one of the page's own assets, so it is loaded here, before anything is typed.
      for (const tag of widgets.filter((w) => lazyWidgets.includes(w))) await reachWidget(t.page, tag);
      await t.page.waitForLoadState('networkidle');
      const origin = new URL(baseUrl).origin;
      const foreign = requests.filter((r) => !r.split(' ')[1]!.startsWith(`${origin}/`) && !r.includes(' data:'));
      expect(foreign, 'requests to other origins while loading').toEqual([]);
      expect(requests.length, 'the page and its assets were recorded').toBeGreaterThan(0);

      const loaded = requests.length;
      const resourcesBefore = await t.page.evaluate(() => performance.getEntriesByType('resource').length);
      await useWidgets(t.page, widgets, { addresses: t.browser.addresses });
      // A request sent on a timer or when the page is idle would come a little later.
      await t.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      await t.page.waitForTimeout(500);

      expect(requests.slice(loaded), 'requests after the page had loaded').toEqual([]);
      expect(await t.page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(resourcesBefore);
    });
  }
});
