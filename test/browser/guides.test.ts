/**
 * The per-exchange guides as a reader meets them in Chromium: the facts box shows exactly the
 * data file's facts, the embedded IP checker is preset to the guide's exchange, the Read + Trade /
 * Read-Write tabs work with the keyboard and follow the reader across guides, and search finds
 * each exchange by name and each numeric error code.
 */
import { afterAll, describe, expect, inject, it, type ExpectStatic } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chromiumPath, openSearch, useConcurrentPages } from '../helpers/chromium.ts';
import { exchanges } from '../../src/data/index.ts';
import { allFactRows, guidePath } from '../../src/data/describe.ts';

describe.skipIf(!chromiumPath)('exchange guides', () => {
  const baseUrl = inject('baseUrl');
  // A few pages at a time, each in a window of its own (the browser project's maxConcurrency);
  // a concurrent test uses its own `expect`.
  const browser = useConcurrentPages(baseUrl);

  it.concurrent.for(exchanges.map((e) => [e.name, e] as const))('%s: the facts box is the data file, fact by fact, and the embedded IP and key checkers are preset to this exchange', async ([, ex], { expect }) => {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}${guidePath(ex.id)}`);
    const shown = await page.locator(`table[data-facts="${ex.id}"][data-kind="facts"] tbody tr`).evaluateAll((rows) =>
      rows.map((tr) => ({
        key: (tr as HTMLElement).dataset.fact,
        label: tr.querySelector('th')!.textContent!.trim(),
        value: tr.querySelector('[data-value]')!.textContent!.trim(),
        note: tr.querySelector('[data-note]')?.textContent!.trim(),
        sources: [...tr.querySelectorAll('td:last-child a')].map((a) => (a as HTMLAnchorElement).href),
        checked: tr.querySelector('td:last-child')!.textContent!.match(/checked (\d{4}-\d{2}-\d{2})/)?.[1],
      })),
    );
    const expected = allFactRows(ex).map((r) => ({
      key: r.key,
      label: r.label,
      value: r.text,
      note: r.fact.note,
      sources: r.fact.sources.map((s) => new URL(s.url).href),
      checked: r.fact.verified,
    }));
    expect(shown).toEqual(expected);

    // The same load: the embedded checkers.
    const [name, id] = [ex.name, ex.id];
    const ipChecker = page.locator('ip-checker');
    const select = ipChecker.getByLabel('Exchange', { exact: true });
    expect(await select.inputValue()).toBe(id);
    await ipChecker.getByLabel('IP addresses on your key').fill(browser.addresses.join('\n'));
    // The key checker further down the guide is preset to the same exchange.
    expect(await page.locator('key-checker').getByLabel('Exchange', { exact: true }).inputValue()).toBe(id);
    await expect.poll(() => page.locator('ip-checker [data-verdict]').getAttribute('data-verdict')).toMatch(/^(pass|warn)$/);
    // The exchange's own name appears in the findings or the verdict only through its facts, never a wrong one.
    const others = exchanges.filter((e) => e.id !== id).map((e) => e.name);
    const text = (await page.locator('ip-checker [data-findings]').textContent()) ?? '';
    for (const other of others) expect(text).not.toContain(`${other} `);
    expect(await page.locator(`ip-checker option[value="${id}"]`).textContent()).toBe(name);
    await browser.closePage(page);
  });

  it('switches the level tabs with the keyboard, and the choice follows the reader to the next guide', async () => {
    const page = await browser.newPage();
    const [first, second] = exchanges;
    await page.goto(`${baseUrl}${guidePath(first!.id)}`);
    const tab = (name: string) => page.getByRole('tab', { name, exact: true }).first();
    expect(await tab('Read + Trade').getAttribute('aria-selected')).toBe('true');

    await tab('Read + Trade').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab('Read-Write').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).textContent?.trim())).toBe('Read-Write');
    const visible = page.locator('table.xapy-permissions:visible');
    expect(await visible.getAttribute('data-level')).toBe('readWrite');

    await page.goto(`${baseUrl}${guidePath(second!.id)}`);
    await expect.poll(() => tab('Read-Write').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('table.xapy-permissions:visible').getAttribute('data-level')).toBe('readWrite');

    await tab('Read-Write').focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => tab('Read + Trade').getAttribute('aria-selected')).toBe('true');
    await browser.closePage(page);
  });

  describe('search', () => {
    // One search page serves every query, one query at a time, as a reader searches again in the
    // same dialog: loading the home page and Pagefind's WebAssembly once instead of once per query
    // took about 8 s off this file.
    let searchPage: Promise<{ page: Page; box: Locator }> | undefined;
    let queue: Promise<unknown> = Promise.resolve();
    afterAll(async () => {
      if (searchPage) await browser.closePage((await searchPage).page);
    });

    /** Searches in the shared dialog and waits until a result leads to a page that `wanted` accepts. */
    function search(term: string, wanted: (path: string) => boolean, expect: ExpectStatic): Promise<string[]> {
      searchPage ??= (async () => {
        const page = await browser.newPage();
        await page.goto(`${baseUrl}/`);
        return { page, box: await openSearch(page) };
      })();
      const run = async () => {
        const { page, box } = await searchPage!;
        await box.fill(term);
        // The results shown are this query's once Pagefind's message names it ("3 results for Gate").
        await expect.poll(() => page.locator('dialog[open] .pagefind-ui__message').textContent(), { timeout: 10_000 }).toContain(term);
        const hits = () => page.locator('dialog a[href]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
        // Pagefind shows results as they load, so wait for the one we expect rather than the first batch.
        await expect.poll(async () => (await hits()).some(wanted), { timeout: 10_000 }).toBe(true);
        return hits();
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    }

    it.concurrent.for(exchanges.map((e) => [e.name, e.id] as const))('finds %s by name', async ([name, id], { expect }) => {
      const hits = await search(name, (h) => h.startsWith(guidePath(id)), expect);
      expect(hits.length).toBeGreaterThan(0);
    });

    const numeric = exchanges.flatMap((e) => e.errors.filter((x) => /^-?\d+$/.test(x.code)).slice(0, 1).map((x) => [e.name, x.code.replace(/^-/, '')] as const));
    it.concurrent.for(numeric)('finds a %s error code (%s) by number', async ([, code], { expect }) => {
      const hits = await search(code, (h) => h.startsWith('/help/troubleshooting/') || h.startsWith('/integration/exchanges/'), expect);
      expect(hits.length).toBeGreaterThan(0);
    });
  });
});
