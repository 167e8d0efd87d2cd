/**
 * Privacy: what a visitor types into a widget stays in the page. On every page that has one of the
 * project's widgets (found in the built HTML, so a new page or widget is covered by itself), the
 * page loads only from its own origin, and once its own assets have loaded (a checker's code among
 * them, loaded when the reader reaches it), using every widget sends no request at all: no fetch,
 * beacon, image, prefetch or WebSocket.
 */
import { describe, expect, inject, it } from 'vitest';
import { chromiumPath, useConcurrentPages } from '../helpers/chromium.ts';
import { lazyWidgets, pagesWithWidgets, reachWidget, useWidgets } from '../helpers/widgets.ts';
import { CHECKER_PATH } from '../../src/rules/ip-check.ts';

const baseUrl = inject('baseUrl');
const widgetPages = chromiumPath ? await pagesWithWidgets(baseUrl) : [];

describe.skipIf(!chromiumPath)('privacy: nothing leaves a page with a widget', () => {
  // A few pages at a time, each the visible page of a window of its own, as in the accessibility
  // test, which presses the same copy buttons (the browser project's maxConcurrency).
  const browser = useConcurrentPages(baseUrl);

  it('finds the widget pages, the checker among them', () => {
    expect(widgetPages.map((p) => p.path)).toContain(CHECKER_PATH);
  });

  it.concurrent.for(widgetPages.map((p) => [p.path, p.widgets.join(' and '), p.widgets] as const))(
    '%s: loads from its own origin only, then sends nothing while using %s',
    { timeout: 90_000 },
    async ([path, , widgets], { expect }) => {
      const page = await browser.newPage();
      // Every request of the load is seen, as on a first visit: none is answered from the cache.
      await browser.coldCache(page);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
      page.on('websocket', (ws) => requests.push(`WebSocket ${ws.url()}`));

      await page.goto(baseUrl + path, { waitUntil: 'networkidle' });
      // The checkers load their code when the reader reaches them (src/components/lazy-widget.ts):
      // that code is one of the page's own assets, so it is loaded here, before anything is typed.
      for (const tag of widgets.filter((w) => lazyWidgets.includes(w))) await reachWidget(page, tag);
      // Starlight loads its search code, and the browser the favicon, once the page is idle: those
      // are the page's own assets too, so the recording starts after them.
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      await page.waitForLoadState('networkidle');
      const origin = new URL(baseUrl).origin;
      const foreign = requests.filter((r) => !r.split(' ')[1]!.startsWith(`${origin}/`) && !r.includes(' data:'));
      expect(foreign, 'requests to other origins while loading').toEqual([]);
      expect(requests.length, 'the page and its assets were recorded').toBeGreaterThan(0);

      const loaded = requests.length;
      // A resource entry is written when its response ends, so one still in flight here would be
      // counted later: count the ones that start from now on instead.
      const since = await page.evaluate(() => performance.now());
      await useWidgets(page, [...widgets], { addresses: browser.addresses, expect });
      // A request sent on a timer or when the page is idle would come a little later.
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      await page.waitForTimeout(500);

      expect(requests.slice(loaded), 'requests after the page had loaded').toEqual([]);
      const started = await page.evaluate((t) => performance.getEntriesByType('resource').filter((r) => r.startTime >= t).map((r) => r.name), since);
      expect(started, 'resources fetched after the page had loaded').toEqual([]);
      await browser.closePage(page);
    },
  );
});
