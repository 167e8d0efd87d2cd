/**
 * A guide embeds two checkers but costs no more script than a plain page until the reader scrolls
 * to them (src/components/lazy-widget.ts): their code loads when they come near the screen or get
 * focus. Whatever the reader typed while it loaded is checked once it arrives, and a failed load
 * says so in the widget instead of leaving a form that silently does nothing.
 */
import { describe, expect, inject, it } from 'vitest';
import { chromiumPath, usePagePerTest } from '../helpers/chromium.ts';
import { reachWidget } from '../helpers/widgets.ts';

const baseUrl = inject('baseUrl');
const GUIDE = '/integration/exchanges/okx/';
const CHECKER_CODE = /\/_astro\/(ip-checker|key-checker|ip-check|report-view)\.[\w-]+\.js$/;

describe.skipIf(!chromiumPath)('checkers load their code when the reader reaches them', () => {
  const t = usePagePerTest(baseUrl);

  it('a guide opened at the top loads no checker code; scrolling to a checker loads it', async () => {
    const scripts: string[] = [];
    t.page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
    await t.page.goto(baseUrl + GUIDE, { waitUntil: 'networkidle' });
    expect(scripts.filter((s) => CHECKER_CODE.test(s))).toEqual([]);
    expect(await t.page.evaluate(() => [customElements.get('ip-checker'), customElements.get('key-checker')].map(Boolean))).toEqual([false, false]);

    await reachWidget(t.page, 'key-checker');
    await t.page.waitForLoadState('networkidle');
    expect(scripts.filter((s) => CHECKER_CODE.test(s)).length).toBeGreaterThan(0);
    // One load serves both checkers' shared code; nothing is fetched twice.
    expect(new Set(scripts).size).toBe(scripts.length);
  });

  it('checks boxes ticked and IPs typed while the code was still loading', async () => {
    await t.page.route(/\/_astro\/key-checker\.[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await t.page.goto(baseUrl + GUIDE, { waitUntil: 'networkidle' });
    const widget = t.page.locator('key-checker');
    for (const box of ['Read', 'Trade', 'Withdraw']) await widget.getByLabel(box, { exact: true }).check();
    await widget.locator('[data-ips]').fill('192.0.2.10');
    expect(await t.page.evaluate(() => customElements.get('key-checker') === undefined), 'the ticks came before the code').toBe(true);
    await expect.poll(() => widget.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('fail');
    await expect.poll(() => widget.locator('[data-findings] > li[data-id="withdraw-enabled"]').count()).toBe(1);
  });

  it('says so in the widget when its code cannot load', async () => {
    await t.page.route(/\/_astro\/ip-checker\.[\w-]+\.js$/, (route) => route.abort());
    await t.page.goto(baseUrl + GUIDE, { waitUntil: 'networkidle' });
    await t.page.locator('ip-checker [data-ips]').focus();
    const alert = t.page.locator('ip-checker [role="alert"]');
    await expect.poll(() => alert.textContent(), { timeout: 10_000 }).toContain('could not load');
  });
});
