/**
 * The page actions as a reader meets them in Chromium. (Each Markdown twin is measured against
 * the page a reader sees in every-page.test.ts, on the load that page makes anyway.)
 */
import { describe, expect, inject, it } from 'vitest';
import { chromiumPath, useConcurrentPages } from '../helpers/chromium.ts';

describe.skipIf(!chromiumPath)('page actions', () => {
  const baseUrl = inject('baseUrl');
  const browser = useConcurrentPages(baseUrl);

  it('"Copy page" puts the page’s Markdown twin on the clipboard, by keyboard, asking only this site', async () => {
    const page = await browser.newPage();
    const hosts = new Set<string>();
    page.on('request', (r) => hosts.add(new URL(r.url()).host));
    await page.goto(`${baseUrl}/integration/generate-api-key/`);
    await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
    // The button is in place from the first paint; it works once the page's script has run.
    await page.waitForFunction(() => customElements.get('copy-page') !== undefined);
    const button = page.getByRole('button', { name: 'Copy page' });
    await button.focus();
    await page.keyboard.press('Enter');
    const status = page.locator('copy-page [role="status"]');
    // The copy fetches the twin first, which on a busy machine takes more than the default second.
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Page copied as Markdown.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await (await fetch(`${baseUrl}/integration/generate-api-key.md`)).text());
    expect([...hosts]).toEqual([new URL(baseUrl).host]);
    await browser.closePage(page);
  });

  it('every action is reachable with the Tab key, in order, and named for what it does', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/tools/ip-whitelist-checker/`);
    await page.getByRole('link', { name: 'View as Markdown' }).focus();
    const seen = [await page.evaluate(() => (document.activeElement as HTMLElement).innerText)];
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => (document.activeElement as HTMLElement).innerText));
    }
    expect(seen.map((s) => s.split('\n')[0]!.replace(' (opens in a new tab)', '').trim())).toEqual(['View as Markdown', 'Copy page', 'Open in ChatGPT', 'Open in Claude']);
    await browser.closePage(page);
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseUrl}/integration/generate-api-key/`);
    const box = await page.getByRole('navigation', { name: 'Page actions' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await browser.closePage(page);
  });
});
