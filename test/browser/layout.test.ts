/**
 * Every page on a phone: nothing moves after it appears (cumulative layout shift), no table cell
 * splits a word, an address or a path, tables that do not fit can be scrolled with the keyboard,
 * controls are large enough to hit with a finger, the example-server notice appears once, and the
 * text uses two font families at two weights.
 * Measured in Chromium with the fonts the machine has (CI installs fonts-noto-core, the fonts
 * many Android phones use), because text metrics decide where lines wrap and what shifts.
 *
 * The same loads, first visits with nothing from the cache, also check the Content-Security-Policy
 * in the browser: the page comes with the policy, which allows only this site, and the page raises
 * not a single violation of it while it loads; and they check that the first paint waits until the
 * whole page is parsed (scripts/head-stylesheets.mjs), so the page is not restyled after it.
 */
import { describe, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, pageIdle, useConcurrentPages } from '../helpers/chromium.ts';
import { docIds, htmlPathOf } from '../helpers/site.ts';

const widths = [360, 430];
const pages = docIds();

interface Load { total: number; sources: string[]; violations: string[]; policy?: string; parsedAt?: number; paint?: number }

/**
 * Loads the page and adds up the layout shifts of the load and a short settle after it, as Chrome
 * reports them; records the response's Content-Security-Policy and every violation of it until
 * the page is idle and its network quiet.
 */
async function load(page: Page, url: string): Promise<Load> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: { total: number; sources: string[] }; __violations: string[]; __parsedAt?: number };
    w.__cls = { total: 0, sources: [] };
    w.__violations = [];
    // When the parser reached the element that ends the page (scripts/head-stylesheets.mjs).
    new MutationObserver((_, observer) => {
      if (document.getElementById('xapy-page-end')) {
        w.__parsedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (e.hadRecentInput) continue;
        w.__cls.total += e.value;
        for (const s of e.sources ?? []) {
          const n = s.node as Element | undefined;
          w.__cls.sources.push(`${e.value.toFixed(4)} ${n?.nodeName ?? '?'}${n instanceof Element && n.className ? `.${String(n.className).split(' ')[0]}` : ''}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const res = await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(600);
  // What the page loads once it is idle (the table of contents, a checker's code) must keep to the policy too.
  await pageIdle(page);
  await page.waitForLoadState('networkidle');
  const seen = await page.evaluate(() => {
    const w = window as unknown as { __cls: { total: number; sources: string[] }; __violations: string[]; __parsedAt?: number };
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return { ...w.__cls, violations: w.__violations, parsedAt: w.__parsedAt, paint };
  });
  return { ...seen, policy: res?.headers()['content-security-policy'] };
}

/**
 * Words in table cells that the browser split over two lines. A word is a run of non-space
 * characters; a break right after a hyphen or a dash is where a word may wrap, any other break
 * (inside a word, an IP address, a path or a date) is reported with the cell's text.
 */
function splitWords(): string[] {
  const found: string[] = [];
  const lineOf = (node: Text, start: number, end: number) => {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    return [...r.getClientRects()].filter((x) => x.width > 0);
  };
  for (const cell of document.querySelectorAll('main table :is(th, td)')) {
    if (!(cell as HTMLElement).offsetParent) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const m of node.data.matchAll(/\S{2,}/g)) {
        const rects = lineOf(node, m.index, m.index + m[0].length);
        const tops = new Set(rects.map((r) => Math.round(r.top / 4)));
        if (tops.size < 2) continue;
        // Find the character that starts the second line, and allow the break only after a dash.
        const firstTop = lineOf(node, m.index, m.index + 1)[0]?.top ?? 0;
        for (let i = 1; i < m[0].length; i++) {
          const top = lineOf(node, m.index + i, m.index + i + 1)[0]?.top ?? firstTop;
          if (Math.abs(top - firstTop) > 4) {
            // Chinese text may wrap between any two characters.
            if (!/[-–—\p{Script=Han}]/u.test(m[0][i - 1]!) && !/\p{Script=Han}/u.test(m[0][i]!)) found.push(`“${m[0].slice(0, i)} | ${m[0].slice(i)}” in “${cell.textContent!.trim().slice(0, 80)}”`);
            break;
          }
        }
      }
    }
  }
  return found;
}

/** The visible content tables that scroll sideways: are they Tab stops, and do they have a name? */
function wideTables(): { table: string; tabindex: string | null; named: boolean }[] {
  return [...document.querySelectorAll<HTMLTableElement>('main table')]
    .filter((t) => t.offsetParent && t.scrollWidth > t.clientWidth + 1)
    .map((t) => ({
      table: (t.querySelector('th')?.textContent ?? '').trim().slice(0, 40),
      tabindex: t.getAttribute('tabindex'),
      named: Boolean(t.caption?.textContent?.trim() || t.getAttribute('aria-label') || document.getElementById(t.getAttribute('aria-labelledby') ?? '')?.textContent?.trim()),
    }));
}

describe.skipIf(!chromiumPath)('layout on phones', () => {
  const baseUrl = inject('baseUrl');
  const browser = useConcurrentPages(baseUrl);

  // One load per page and width: the shift is measured on the fresh load, the rest on the same page.
  // A few pages at a time, each in a window of its own (the browser project's maxConcurrency).
  describe.each(widths)('at %i px', (width) => {
    it.concurrent.for(pages)('%s paints first once wholly parsed, stays still, splits no word in a table, scrolls wide tables by keyboard, raises no CSP violation; at 360 px its controls are at least 24 px, the example notice appears at most once and its text uses two fonts at two weights', async (id, { expect }) => {
      const page = await browser.newPage();
      // A first visit: nothing comes from the HTTP cache, so late stylesheets or scripts would show.
      await browser.coldCache(page);
      await page.setViewportSize({ width, height: 800 });
      const { total, sources, violations, policy, parsedAt, paint } = await load(page, `${baseUrl}${htmlPathOf(id)}`);
      expect(total, `cumulative layout shift below 0.01 (shifts: ${sources.join(', ')})`).toBeLessThan(0.01);
      // The first paint shows the whole page: it waits until the parser has reached the page's end.
      expect(parsedAt, 'the element that ends the page was parsed').toBeTypeOf('number');
      expect(paint, 'the first contentful paint').toBeTypeOf('number');
      expect(paint!, 'the first contentful paint comes after the whole page was parsed').toBeGreaterThanOrEqual(parsedAt!);
      expect(policy, 'the Content-Security-Policy allows this site only').toContain("default-src 'self'");
      expect(violations, 'Content-Security-Policy violations while loading').toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page itself does not scroll sideways').toBeLessThanOrEqual(width);

      if (width === 360) {
        // Finger-sized controls, and the example notice at most once (measured once, at the narrower width).
        const small = await page.locator('main :is(input[type="checkbox"], input[type="radio"], button, [role="tab"], select)').evaluateAll((els) =>
          els
            .filter((e) => (e as HTMLElement).offsetParent)
            .map((e) => ({ what: `${e.tagName} ${e.getAttribute('type') ?? ''} ${(e.textContent ?? '').trim().slice(0, 30)} ${e.id}`, box: e.getBoundingClientRect() }))
            .filter(({ box }) => box.width < 24 || box.height < 24)
            .map(({ what, box }) => `${what} ${Math.round(box.width)}×${Math.round(box.height)}`),
        );
        expect(small).toEqual([]);
        const notices = await page.locator('main :is(.xapy-example-notice, .starlight-aside)', { hasText: 'Example addresses' }).count();
        expect(notices).toBeLessThanOrEqual(browser.servers.status === 'example' ? 1 : 0);
        // Text in two font families (sans-serif, monospace) at two weights (400, 600): each further
        // family or weight is one more font to find and load before the first paint (custom.css).
        const fonts = await page.evaluate(() => {
          const seen = new Set<string>();
          for (const el of document.querySelectorAll('body *')) {
            if (!el.getClientRects().length) continue;
            const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
            if (!text && !el.matches('button, input, select, textarea')) continue;
            const style = getComputedStyle(el);
            seen.add(`${style.fontFamily} @ ${style.fontWeight}`);
          }
          return [...seen];
        });
        const families = new Set(fonts.map((f) => f.split(' @ ')[0]));
        expect(fonts.filter((f) => !/ @ (400|600)$/.test(f)), 'text in a weight other than 400 or 600').toEqual([]);
        expect(families.size, `font families in use: ${[...families].join(' | ')}`).toBeLessThanOrEqual(2);
      }
      // Every tab panel's table counts, not only the one shown first.
      const words = await page.evaluate(splitWords);
      const scrollers = await page.evaluate(wideTables);
      const tabs = page.locator('main [role="tab"]');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        words.push(...(await page.evaluate(splitWords)));
        scrollers.push(...(await page.evaluate(wideTables)));
      }
      expect([...new Set(words)], 'words split over two lines in table cells').toEqual([]);
      for (const t of scrollers) expect(t, 'a table that scrolls sideways is a named Tab stop').toMatchObject({ tabindex: '0', named: true });
      await browser.closePage(page);
    });
  });
});
