/**
 * Accessibility: axe-core finds no serious or critical violation on any page of the site, in the
 * light and the dark theme, with every widget on the page used and filled in (a failing IP list in
 * the checker, copy buttons pressed), since that is when most of a widget's markup exists.
 *
 * Every docs page is checked (the list comes from src/content/docs), so a new page is covered
 * without editing this file; a new widget needs a driver in test/helpers/widgets.ts.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { describe, expect, inject, it } from 'vitest';
import { chromiumPath, usePagePerTest } from '../helpers/chromium.ts';
import { docIds, htmlPathOf } from '../helpers/site.ts';
import { definedWidgetTags, drivers, useWidgets, widgetsIn } from '../helpers/widgets.ts';

const THEMES = ['light', 'dark'] as const;

describe('widget drivers', () => {
  it('every custom element under src/components has a driver, so the browser checks use it', () => {
    const tags = definedWidgetTags();
    expect(tags).toContain('ip-checker');
    expect(tags.filter((t) => !(t in drivers))).toEqual([]);
  });
});

// Each test checks two themes, so it gets the time of two.
describe.skipIf(!chromiumPath)('axe-core: no serious or critical violation', { timeout: 60_000 }, () => {
  const baseUrl = inject('baseUrl');
  const t = usePagePerTest(baseUrl);

  /** Serious and critical violations, one line per element: "rule-id (impact): selector — summary". */
  async function violations(): Promise<string[]> {
    const results = await new AxeBuilder({ page: t.page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
  }

  // One load per page: the widgets are filled in once, then axe runs in each theme in turn.
  for (const id of docIds()) {
    it(`${htmlPathOf(id)} in the light and the dark theme, widgets filled in`, async () => {
      await t.page.emulateMedia({ colorScheme: THEMES[0] });
      // After networkidle and an idle callback, the page's own scripts have finished setting up
      // (Expressive Code, for one, makes scrolling code blocks focusable when the page is idle).
      await t.page.goto(baseUrl + htmlPathOf(id), { waitUntil: 'networkidle' });
      await t.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
      await useWidgets(t.page, widgetsIn(await t.page.content()), { addresses: t.browser.addresses });
      const found: Record<string, string[]> = {};
      for (const theme of THEMES) {
        // Starlight follows the system preference; set it as its theme menu would, and check it took.
        await t.page.emulateMedia({ colorScheme: theme });
        await t.page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
        expect(await t.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        found[theme] = await violations();
      }
      expect(found).toEqual({ light: [], dark: [] });
    });
  }
});
