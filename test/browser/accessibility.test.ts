/**
 * Accessibility: axe-core finds no serious or critical violation on any page of the site, in the
 * light and the dark theme, with every widget on the page used and filled in (a failing IP list in
 * the checker, copy buttons pressed), since that is when most of a widget's markup exists, and with
 * every folded section of the content open.
 *
 * Every docs page is checked (the list comes from src/content/docs), so a new page is covered
 * without editing this file; a new widget needs a driver in test/helpers/widgets.ts.
 *
 * The light theme gets every axe rule. The dark theme changes colours only, so it gets the rules
 * whose outcome depends on colour; the test first proves that the theme change left exactly the
 * same elements on screen, so the structural rules' light-theme results hold for it too.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, useConcurrentPages } from '../helpers/chromium.ts';
import { docIds, htmlPathOf } from '../helpers/site.ts';
import { definedWidgetTags, drivers, useWidgets, widgetsIn } from '../helpers/widgets.ts';

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
  // Legacy mode runs axe in the page itself instead of collecting its results in a new blank tab
  // for every run (the site has no frames, the case that tab is for), which made each run seconds slower.
  // Only violations are collected node by node: axe still runs every rule on every element, but
  // it no longer builds a selector and an HTML snippet for each element that passed, which took
  // more than half of each run.
  const axe = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  const results = await (rules ? axe.withRules(rules) : axe).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

/** Which elements are rendered (have a box and are not hidden), by document order, as one string. */
function renderedElements(): string {
  const all = document.body.querySelectorAll('*');
  const shown: number[] = [];
  all.forEach((e, i) => {
    if (e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden') shown.push(i);
  });
  return `${all.length}:${shown.join(',')}`;
}

describe.skipIf(!chromiumPath)('axe-core: no serious or critical violation', () => {
  const baseUrl = inject('baseUrl');
  const browser = useConcurrentPages(baseUrl);

  it('reports a violation when there is one, in each theme (the check below can fail)', async () => {
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

  // One load per page: the widgets are filled in once, then axe runs in each theme in turn.
  // A few pages at a time, each in a window of its own (the browser project's maxConcurrency).
  it.concurrent.for(docIds())('%s in the light and the dark theme, widgets filled in', { timeout: 120_000 }, async (id, { expect }) => {
    const page = await browser.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    // After networkidle and an idle callback, the page's own scripts have finished setting up
    // (Expressive Code, for one, makes scrolling code blocks focusable when the page is idle).
    await page.goto(baseUrl + htmlPathOf(id), { waitUntil: 'networkidle' });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    await useWidgets(page, widgetsIn(await page.content()), { addresses: browser.addresses, expect });
    // Folded content (the API answers on the checker pages) is checked unfolded, as a reader sees it.
    await page.evaluate(() => document.querySelectorAll('.sl-markdown-content details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
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
    await browser.closePage(page);
  });
});
