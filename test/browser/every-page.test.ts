/**
 * Every docs page as a visitor uses it, in one load per page (a page load and axe are most of the
 * browser tests' time, so the two checks that need a page with its widgets used share it):
 *
 * Privacy: what a visitor types into a widget stays in the page. The page loads only from its own
 * origin, and once its own assets have loaded (a checker's code among them, loaded when the reader
 * reaches it), using every widget on it sends no request at all: no fetch, beacon, image,
 * prefetch or WebSocket.
 *
 * Accessibility: axe-core then finds no serious or critical violation, in the light and the dark
 * theme, with every widget used and filled in (a failing IP list in the checker, copy buttons
 * pressed), since that is when most of a widget's markup exists, and with every folded section of
 * the content open. The light theme gets every axe rule. The dark theme changes colours only, so
 * it gets the rules whose outcome depends on colour; the test first proves that the theme change
 * left exactly the same elements on screen, so the structural rules' light-theme results hold for
 * it too.
 *
 * The Markdown twin: on the same load, before anything is typed, the twin holds at least 85 % of
 * the distinct words of the page's main content.
 *
 * Every docs page is checked (the list comes from src/content/docs), so a new page is covered
 * without editing this file; a new widget needs a driver in test/helpers/widgets.ts.
 */
import axe from 'axe-core';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, pageIdle, useConcurrentPages } from '../helpers/chromium.ts';
import { docIds, htmlPathOf, mdPathOf } from '../helpers/site.ts';
import { definedWidgetTags, drivers, lazyWidgets, pagesWithWidgets, reachWidget, useWidgets, widgetsIn } from '../helpers/widgets.ts';
import { CHECKER_PATH } from '../../src/rules/ip-check.ts';

/** The axe rules that read colours: the ones to run again after switching to the dark theme. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

describe('widget drivers', () => {
  it('every custom element under src/components has a driver, so the browser checks use it', () => {
    const tags = definedWidgetTags();
    expect(tags).toContain('ip-checker');
    expect(tags.filter((t) => !(t in drivers))).toEqual([]);
  });
});

/** Serious and critical violations, one line per element: "rule-id (impact): selector — summary". */
async function violations(page: Page, rules?: string[]): Promise<string[]> {
  // axe-core runs in the page itself (the site has no frames). Its 500 kB script is put into the
  // page once per load and then run for each theme: injecting it again for the second run, as
  // @axe-core/playwright does for every run, cost about 0.7 s per page.
  // Only violations are collected node by node: axe still runs every rule on every element, but
  // it no longer builds a selector and an HTML snippet for each element that passed, which took
  // more than half of each run.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate((only) => (window as unknown as { axe: typeof axe }).axe.run(document, {
    resultTypes: ['violations'],
    ...(only ? { runOnly: { type: 'rule' as const, values: only } } : {}),
  }), rules ?? null);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

const words = (text: string) =>
  [...new Intl.Segmenter('en', { granularity: 'word' }).segment(text.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment);

/** Which elements are rendered (have a box and are not hidden), by document order, as one string. */
function renderedElements(): string {
  const all = document.body.querySelectorAll('*');
  const shown: number[] = [];
  all.forEach((e, i) => {
    if (e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden') shown.push(i);
  });
  return `${all.length}:${shown.join(',')}`;
}

describe.skipIf(!chromiumPath)('every page, its widgets used: nothing leaves it, and axe finds no serious or critical violation', () => {
  const baseUrl = inject('baseUrl');
  const browser = useConcurrentPages(baseUrl);

  it('the pages with widgets are found in the built HTML, the IP checker’s page among them', async () => {
    expect((await pagesWithWidgets(baseUrl)).map((p) => p.path)).toContain(CHECKER_PATH);
  });

  it('axe reports a violation when there is one, in each theme (the check below can fail)', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/help/faq/`, { waitUntil: 'load' });
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      main.insertAdjacentHTML('afterbegin', '<p id="faint" style="color:#777;background:#888">Faint text</p><img id="unnamed" src="/favicon.svg">');
    });
    const light = await violations(page);
    expect(light.some((v) => v.startsWith('color-contrast (serious): #faint'))).toBe(true);
    expect(light.some((v) => v.startsWith('image-alt (critical): #unnamed'))).toBe(true);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    expect((await violations(page, COLOUR_RULES)).some((v) => v.startsWith('color-contrast (serious): #faint'))).toBe(true);
    await browser.closePage(page);
  });

  // A few pages at a time, each in a window of its own (the browser project's maxConcurrency).
  it.concurrent.for(docIds())('%s: loads from its own origin only, its Markdown twin holds at least 85 percent of its words, it sends nothing while its widgets are used, and passes axe in the light and the dark theme', { timeout: 120_000 }, async (id, { expect }) => {
    const page = await browser.newPage();
    // Every request of the load is seen, as on a first visit: none is answered from the cache.
    await browser.coldCache(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    page.on('websocket', (ws) => requests.push(`WebSocket ${ws.url()}`));
    // What the browser reports as an error or a warning in its console (a header it cannot parse,
    // a blocked script, a deprecated feature).
    const consoleErrors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`); });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(baseUrl + htmlPathOf(id), { waitUntil: 'networkidle' });
    const widgets = widgetsIn(await page.content());

    // The twin must say what the page says. Measured as the share of the distinct words of the HTML
    // page's main content that also appear in its twin, as the page first shows it (nothing typed
    // yet). Widgets differ on purpose (a form becomes a description and a curl example; buttons are
    // not text), so 100 % is not expected; 85 % still catches a dropped section or component, which
    // costs far more than that on these pages.
    const htmlWords = [...new Set(words(await page.locator('main .sl-markdown-content').first().innerText()))];
    const md = new Set(words(await (await fetch(`${baseUrl}${mdPathOf(id)}`)).text()));
    const shared = htmlWords.filter((w) => md.has(w)).length / htmlWords.length;
    expect(shared, `the twin holds the page's words; missing: ${htmlWords.filter((w) => !md.has(w)).slice(0, 20).join(', ')}`).toBeGreaterThanOrEqual(0.85);
    // The checkers load their code when the reader reaches them (src/components/lazy-widget.ts):
    // that code is one of the page's own assets, so it is loaded here, before anything is typed.
    for (const tag of widgets.filter((w) => lazyWidgets.includes(w))) await reachWidget(page, tag);
    // Starlight loads its search code, and the browser the favicon, once the page is idle: those
    // are the page's own assets too, so the recording starts after them. After an idle moment the
    // page's own scripts have also finished setting up (Expressive Code, for one, makes scrolling
    // code blocks focusable when the page is idle), which axe needs.
    await page.waitForLoadState('networkidle');
    await pageIdle(page);
    await page.waitForLoadState('networkidle');
    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter((r) => !r.split(' ')[1]!.startsWith(`${origin}/`) && !r.includes(' data:'));
    expect(foreign, 'requests to other origins while loading').toEqual([]);
    expect(requests.length, 'the page and its assets were recorded').toBeGreaterThan(0);

    const loaded = requests.length;
    // A resource entry is written when its response ends, so one still in flight here would be
    // counted later: count the ones that start from now on instead.
    const since = await page.evaluate(() => performance.now());
    await useWidgets(page, widgets, { addresses: browser.addresses, expect });
    // A request sent on a timer or when the page is idle would come a little later.
    await pageIdle(page);
    await page.waitForTimeout(500);
    expect(requests.slice(loaded), `requests after the page had loaded, while using ${widgets.join(', ') || 'no widget'}`).toEqual([]);
    const started = await page.evaluate((t) => performance.getEntriesByType('resource').filter((r) => r.startTime >= t).map((r) => r.name), since);
    expect(started, 'resources fetched after the page had loaded').toEqual([]);

    // Folded content (the API answers on the checker pages) is checked unfolded, as a reader sees it.
    await page.evaluate(() => document.querySelectorAll('.sl-markdown-content details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
    // Expressive Code makes a code block that now scrolls sideways focusable 250 ms after it
    // resized, in an idle callback: wait for that as a reader would.
    await page.waitForTimeout(300);
    await pageIdle(page);
    const found: Record<string, string[]> = {};
    const rendered: Record<string, string> = {};
    for (const theme of ['light', 'dark'] as const) {
      // Starlight follows the system preference; set it as its theme menu would, and check it took.
      await page.emulateMedia({ colorScheme: theme });
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      rendered[theme] = await page.evaluate(renderedElements);
      found[theme] = await violations(page, theme === 'light' ? undefined : COLOUR_RULES);
    }
    expect(rendered.dark, 'the dark theme shows the same elements as the light one').toBe(rendered.light);
    expect(found).toEqual({ light: [], dark: [] });
    expect(consoleErrors, 'errors and warnings in the browser console').toEqual([]);
    await browser.closePage(page);
  });
});
