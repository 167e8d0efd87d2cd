/**
 * The Content-Security-Policy allows only this site, and the site still works under it: no page
 * reports a single violation while it loads, and search (Pagefind's WebAssembly) still finds pages.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, openSearch, useConcurrentPages } from '../helpers/chromium.ts';
import { docIds, htmlPathOf } from '../helpers/site.ts';

declare global {
  interface Window { __violations: string[] }
}

describe.skipIf(!chromiumPath)('Content-Security-Policy in the browser', () => {
  const baseUrl = inject('baseUrl');
  const browser = useConcurrentPages(baseUrl);
  /** A page that records every CSP violation in window.__violations. */
  async function watchedPage(): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    return page;
  }

  // A few pages at a time, each in a window of its own (the browser project's maxConcurrency).
  it.concurrent.for(docIds())('%s loads without a single violation', { timeout: 90_000 }, async (id, { expect }) => {
    const page = await watchedPage();
    const res = await page.goto(`${baseUrl}${htmlPathOf(id)}`, { waitUntil: 'networkidle' });
    expect(res?.headers()['content-security-policy']).toContain("default-src 'self'");
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    await browser.closePage(page);
  });

  it('search still works under the policy, without a violation', async () => {
    const page = await watchedPage();
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await (await openSearch(page)).pressSequentially('withdrawal');
    await expect.poll(() => page.locator('dialog a[href]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    await browser.closePage(page);
  });
});
