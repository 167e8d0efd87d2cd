/**
 * "On this page" as a reader uses it: the section being read is the one marked in the table of
 * contents (and named in the bar under the header on a phone), whichever way the reader scrolls or
 * jumps, and the phone's list closes when a link in it is chosen, on Escape or on a click outside.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, useBrowser } from '../helpers/chromium.ts';

const GUIDE = '/integration/exchanges/okx/';
/** A poll's limit: the browser tests load several pages at once, and a busy machine is slow to scroll. */
const POLL = { timeout: 10_000 };

/** Scrolls so that the heading with this text sits `offset` px below the top of the window. */
async function scrollHeadingTo(page: Page, text: string, offset: number) {
  await page.evaluate(([t, o]) => {
    const h = [...document.querySelectorAll<HTMLElement>('.sl-markdown-content h2')].find((el) => el.textContent?.trim() === t);
    if (!h) throw new Error(`no heading ${t}`);
    window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - o);
  }, [text, offset] as const);
}

/** The text of the links marked current, per table of contents (wide, narrow). */
const marked = (page: Page) => page.evaluate(() =>
  ['xapy-toc', 'xapy-mobile-toc'].map((tag) =>
    [...document.querySelectorAll(`${tag} a[aria-current="true"]`)].map((a) => a.textContent?.trim())));

describe.skipIf(!chromiumPath)('table of contents', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser(baseUrl);

  it('on a phone, the bar names the section being read as the reader scrolls down and back up', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}${GUIDE}`);
    const bar = page.locator('xapy-mobile-toc .display-current');
    await expect.poll(() => bar.textContent(), POLL).toBe('Overview');

    // Just below the header and the bar: that heading's section is the one being read.
    await scrollHeadingTo(page, 'Pitfalls on OKX', 150);
    await expect.poll(() => bar.textContent(), POLL).toBe('Pitfalls on OKX');
    expect(await marked(page)).toEqual([['Pitfalls on OKX'], ['Pitfalls on OKX']]);

    // Still low in the window: the section above it is the one being read.
    await scrollHeadingTo(page, 'Pitfalls on OKX', 600);
    await expect.poll(() => bar.textContent(), POLL).not.toBe('Pitfalls on OKX');
    const [[wide], [narrow]] = await marked(page);
    expect(narrow).toBe(wide);
    expect(await bar.textContent()).toBe(narrow);

    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => bar.textContent(), POLL).toBe('Overview');
    await browser.closePage(page);
  });

  it('on a wide screen, the list beside the content marks one link, the section jumped to', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}${GUIDE}`);
    const aside = page.locator('xapy-toc');
    await expect.poll(() => aside.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), POLL).toBe('true');
    await aside.getByRole('link', { name: 'Errors you may see' }).click();
    await expect.poll(() => marked(page), POLL).toEqual([['Errors you may see'], ['Errors you may see']]);
    await browser.closePage(page);
  });

  it('the phone’s list closes on Escape (focus back on its toggle), on a click outside, and when a link is chosen', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}${GUIDE}`);
    await page.waitForFunction(() => customElements.get('xapy-mobile-toc') !== undefined);
    const details = page.locator('#starlight__mobile-toc');
    const toggle = page.locator('#starlight__on-this-page--mobile');
    const isOpen = () => details.evaluate((d) => (d as HTMLDetailsElement).open);

    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(isOpen, POLL).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await expect.poll(isOpen, POLL).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('starlight__on-this-page--mobile');

    await toggle.click();
    await expect.poll(isOpen, POLL).toBe(true);
    // The open list covers most of the window; the strip below it is the page.
    await page.mouse.click(4, 840);
    await expect.poll(isOpen, POLL).toBe(false);

    await toggle.click();
    await details.getByRole('link', { name: 'Permissions' }).click();
    await expect.poll(isOpen, POLL).toBe(false);
    expect(new URL(page.url()).hash).toBe('#permissions');
    await expect.poll(() => page.locator('xapy-mobile-toc .display-current').textContent(), POLL).toBe('Permissions');
    await browser.closePage(page);
  });
});
