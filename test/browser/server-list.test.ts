/**
 * Specification of /setup/on-crypto-exchanges/server-ips/ as a user meets it in Chromium:
 * the page that publishes XAPY's server list, with copy buttons per exchange and the
 * IP-whitelist checker below it.
 *
 * Expected values come from /servers.json and the HTTP API (`formatted`), never from this file.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, useBrowser, type ServersJson } from '../helpers/chromium.ts';

const SERVER_IPS = '/setup/on-crypto-exchanges/server-ips/';


describe.skipIf(!chromiumPath)('XAPY’s server IPs page', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser(baseUrl);
  let page: Page;
  let servers: ServersJson;
  let addresses: string[];

  /** XAPY's servers as the API formats them for one exchange (asked with the exact list, which passes). */
  async function formattedFor(exchange: string): Promise<string> {
    const res = await fetch(`${baseUrl}/api/check/ips?${new URLSearchParams({ exchange, ips: addresses.join('\n') })}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { formatted: string }).formatted;
  }

  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const clearClipboard = () => page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));

  /** Presses a copy button and returns what it put on the clipboard, once its status says so. */
  async function copyWith(label: string): Promise<string> {
    const button = page.getByRole('button', { name: label, exact: true });
    expect(await button.count()).toBe(1);
    await clearClipboard();
    await button.click();
    const status = page.locator('copy-button', { has: button }).getByRole('status');
    await expect.poll(() => status.textContent()).toBe('Copied.');
    return readClipboard();
  }

  beforeEach(async () => {
    page = await browser.newPage();
    ({ servers, addresses } = browser);
    await page.goto(`${baseUrl}${SERVER_IPS}`, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('copy-button') !== undefined);
  });

  afterEach(async () => {
    await browser.closePage(page);
  });

  it('lists every address of /servers.json, with its label, and nothing else', async () => {
    const rows = await page.locator('table.xapy-servers tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())),
    );
    expect(rows).toEqual(servers.servers.map((s) => [s.address, s.label]));
    expect(await page.locator('table.xapy-servers caption').textContent()).toContain(servers.updated);
  });

  it('warns that the list is an example exactly while /servers.json says so', async () => {
    const notice = page.locator('main', { hasText: 'Example addresses, not XAPY’s servers' }).locator('.xapy-example-notice');
    if (servers.status === 'example') {
      expect(await notice.count(), 'once, although the list and the checker both show addresses').toBe(1);
      expect(await notice.isVisible()).toBe(true);
      expect(await page.locator('table.xapy-servers caption').textContent()).toContain('example list');
    } else {
      expect(await notice.count()).toBe(0);
    }
  });

  it('“Copy all (one per line)” copies one address per line', async () => {
    expect(await copyWith('Copy all (one per line)')).toBe(addresses.join('\n'));
  });

  it('“Copy for OKX” copies the comma-joined list', async () => {
    const copied = await copyWith('Copy for OKX');
    expect(copied).toBe(addresses.join(','));
    expect(copied).toBe(await formattedFor('okx'));
  });

  it('“Copy for CoinEx” copies the newline-joined list', async () => {
    const copied = await copyWith('Copy for CoinEx');
    expect(copied).toBe(addresses.join('\n'));
    expect(copied).toBe(await formattedFor('coinex'));
  });

  it('the copy buttons work from the keyboard', async () => {
    const button = page.getByRole('button', { name: 'Copy for OKX', exact: true });
    await clearClipboard();
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(readClipboard).toBe(addresses.join(','));
  });

  it('embeds the checker, which checks a pasted list in place', async () => {
    const checker = page.locator('ip-checker');
    expect(await checker.count()).toBe(1);
    expect(await checker.isVisible()).toBe(true);
    await page.getByLabel('IP addresses on your key').fill(addresses.join(', '));
    await expect.poll(() => checker.locator('[data-verdict]').getAttribute('data-verdict')).toBe('pass');
    expect(await checker.locator('[data-verdict]').textContent()).toContain('Pass');
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});
