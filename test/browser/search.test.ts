/**
 * Site search (Starlight's Pagefind dialog) as a reader uses it: typed queries find the page they
 * are about, search works under the site's Content-Security-Policy (Pagefind runs WebAssembly),
 * its interface is downloaded only when a reader goes to search (and the dialog says so if it cannot be),
 * and the text written for agents never shows up as a result or a snippet.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, openSearch, pageIdle, usePagePerTest } from '../helpers/chromium.ts';

/** Opens the search dialog from the header, types the query, and returns the results' links and text. */
async function search(page: Page, query: string) {
  await (await openSearch(page)).fill(query);
  const results = page.locator('dialog[open] .pagefind-ui__result');
  // Pagefind adds a result first and fills in its link and excerpt when that page's data arrives:
  // read the results once every one shown has its link.
  const read = () => results.evaluateAll((els) =>
    els.map((el) => ({
      href: el.querySelector<HTMLAnchorElement>('.pagefind-ui__result-link')?.href,
      text: (el as HTMLElement).innerText,
    })),
  );
  await expect.poll(async () => { const r = await read(); return r.length > 0 && r.every((x) => x.href); }, { timeout: 10_000 }).toBe(true);
  return (await read()).map((r) => ({ href: new URL(r.href!).pathname, text: r.text }));
}

describe.skipIf(!chromiumPath)('search', () => {
  const baseUrl = inject('baseUrl');
  const t = usePagePerTest(baseUrl);

  it('“ip whitelist” finds XAPY’s server IPs among the first three results, without a Content-Security-Policy violation', async () => {
    await t.page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await t.page.goto(`${baseUrl}/`);
    const results = await search(t.page, 'ip whitelist');
    expect(results.slice(0, 3).map((r) => r.href)).toContain('/setup/on-crypto-exchanges/server-ips/');
    expect(await t.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  });

  it('downloads Pagefind’s interface only once a reader goes to search: pointer over the button, then Ctrl+K opens it with the box focused', async () => {
    const scripts: string[] = [];
    t.page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname); });
    await t.page.setViewportSize({ width: 1280, height: 800 });
    await t.page.goto(`${baseUrl}/`);
    await pageIdle(t.page);
    await t.page.waitForTimeout(300);
    const atLoad = [...scripts];
    expect(await t.page.locator('#starlight__search').evaluate((el) => el.childElementCount)).toBe(0);

    await t.page.getByRole('button', { name: 'Search' }).first().hover();
    await expect.poll(() => scripts.length, { timeout: 10_000 }).toBeGreaterThan(atLoad.length);
    await expect.poll(() => t.page.locator('#starlight__search .pagefind-ui__search-input').count(), { timeout: 10_000 }).toBe(1);
    // The loading message was a status; the interface, once drawn, is not one live region.
    expect(await t.page.locator('#starlight__search').getAttribute('role')).toBeNull();

    await t.page.locator('main').click();
    await t.page.keyboard.press('Control+k');
    await expect.poll(() => t.page.locator('dialog[open]').count()).toBe(1);
    expect(await t.page.evaluate(() => document.activeElement?.classList.contains('pagefind-ui__search-input'))).toBe(true);
    await t.page.keyboard.press('Escape');
    await expect.poll(() => t.page.locator('dialog[open]').count()).toBe(0);
  });

  it('says so when the search interface cannot load, and searches again once the page is reloaded', async () => {
    await t.page.goto(`${baseUrl}/`);
    await pageIdle(t.page);
    // Everything the page needed has loaded; from here the network refuses the page's scripts.
    await t.page.route('**/_astro/*.js', (route) => route.abort());
    await t.page.getByRole('button', { name: 'Search' }).first().click();
    await expect.poll(() => t.page.locator('dialog[open] #starlight__search').textContent(), { timeout: 10_000 })
      .toBe('Search could not load. Check your connection, then reload the page.');
    expect(await t.page.locator('#starlight__search').getAttribute('aria-busy')).toBeNull();
    expect(await t.page.locator('#starlight__search').getAttribute('role')).toBe('status');

    await t.page.unroute('**/_astro/*.js');
    await t.page.reload();
    const box = await openSearch(t.page);
    await box.fill('okx');
    await expect.poll(() => t.page.locator('dialog[open] .pagefind-ui__result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('no result or snippet quotes the line written for AI agents', async () => {
    await t.page.goto(`${baseUrl}/`);
    for (const query of ['ai agents markdown', 'llms.txt']) {
      const results = await search(t.page, query);
      for (const r of results) expect(r.text).not.toMatch(/For AI agents: this page is also available/);
      await t.page.keyboard.press('Escape');
    }
  });
});

describe.skipIf(!chromiumPath)('the line for AI agents', () => {
  const baseUrl = inject('baseUrl');
  const t = usePagePerTest(baseUrl);

  it('is never a Tab stop: every element the Tab key reaches is visible', async () => {
    await t.page.setViewportSize({ width: 1280, height: 800 });
    await t.page.goto(`${baseUrl}/integration/generate-api-key/`);
    const stops: { text: string; visible: boolean }[] = [];
    // Through the header and sidebar into the page content, past the title and the page actions.
    while (stops.length < 60 && !stops.some((s) => s.text === 'Open in Claude')) {
      await t.page.keyboard.press('Tab');
      stops.push(
        await t.page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const box = el.getBoundingClientRect();
          const hidden = el.closest('.sr-only') !== null || box.width < 2 || box.height < 2;
          return { text: el.innerText.split('\n')[0]!.replace(' (opens in a new tab)', '').trim(), visible: !hidden };
        }),
      );
    }
    expect(stops.map((s) => s.text)).toContain('Open in Claude');
    expect(stops.filter((s) => !s.visible)).toEqual([]);
  });
});
