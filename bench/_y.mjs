import { chromium } from 'playwright-core';
import { CHROME_FLAGS, chromiumPath } from './page-weight.mjs';
import { startBuiltServer } from './site-server.mjs';
const { base, stop } = await startBuiltServer();
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROME_FLAGS });
const t = async (label, f) => { const s = performance.now(); const r = await f(); console.log(label.padEnd(30), Math.round(performance.now() - s), 'ms'); return r; };
for (const path of ['/integration/exchanges/binance/', '/integration/exchanges/binance/', '/help/faq/']) {
  const ctx = await t('newContext', () => browser.newContext());
  const page = await t('newPage', () => ctx.newPage());
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable'); await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.setViewportSize({ width: 360, height: 800 });
  await t('goto cold ' + path, () => page.goto(base + path, { waitUntil: 'load' }));
  await t('goto cold again', () => page.goto(base + path, { waitUntil: 'load' }));
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await t('goto warm', () => page.goto(base + path, { waitUntil: 'load' }));
  await t('goto warm networkidle', () => page.goto(base + path, { waitUntil: 'networkidle' }));
  await t('scrollWidth', () => page.evaluate(() => document.documentElement.scrollWidth));
  await t('rIC', () => page.evaluate(() => new Promise((r) => requestIdleCallback(r))));
  await ctx.close();
}
await browser.close(); stop();
