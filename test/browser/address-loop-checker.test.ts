/**
 * Specification of the withdrawal-loop checker widget as a user meets it on
 * /tools/address-loop-checker/, in Chromium against the built site.
 *
 * Issue 6: "a browser test that fills the form by keyboard, sees the diagram and its text
 * equivalent, and confirms no network request is made." Expected findings and edges are not
 * written here: they come from the HTTP API, which runs the same rules on the server.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, useBrowser } from '../helpers/chromium.ts';
import { reachWidget } from '../helpers/widgets.ts';

const CHECKER = '/tools/address-loop-checker/';
const TRON = { bybit: 'TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', okx: 'TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW', kucoin: 'TJ9fvTAoHLBnLRPwGDF6GTF3n2onLUNuCz' };
const STRANGER = '0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66693';

interface ApiReport {
  verdict: 'pass' | 'warn' | 'fail';
  findings: { id: string }[];
  loop: { nodes: { id: string; name: string }[]; edges: { from: string; to: string; state: string; text: string }[] };
}

/** What the user types: for each exchange, the two lists as lines. */
type Lists = Record<string, { deposits: string; whitelist: string }>;

const threeWithALeak = (): Lists => ({
  bybit: { deposits: `USDT TRC20 ${TRON.bybit}`, whitelist: `TRC20 ${TRON.okx}\nTRC20 ${TRON.kucoin}` },
  kucoin: { deposits: `USDT TRC20 ${TRON.kucoin}`, whitelist: `TRC20 ${TRON.bybit}` },
  okx: { deposits: `USDT TRC20 ${TRON.okx}`, whitelist: `TRC20 ${TRON.bybit}\nTRC20 ${TRON.kucoin}\nERC20 ${STRANGER}` },
});

describe.skipIf(!chromiumPath)('withdrawal loop checker widget', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser(baseUrl);
  let page: Page;

  async function api(lists: Lists): Promise<ApiReport> {
    const exchanges = Object.entries(lists).map(([exchange, l]) => ({ exchange, deposits: l.deposits, whitelist: l.whitelist }));
    const res = await fetch(`${baseUrl}/api/check/addresses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ exchanges }) });
    expect(res.status).toBe(200);
    return (await res.json()) as ApiReport;
  }

  async function open(waitUntil: 'load' | 'networkidle' = 'load') {
    await page.goto(`${baseUrl}${CHECKER}`, { waitUntil });
    await reachWidget(page, 'address-loop-checker');
  }

  const widget = () => page.locator('address-loop-checker').first();
  const findingIds = () => widget().locator('[data-findings] > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id));
  const edgeLines = () => widget().locator('[data-edges] > li').allTextContents();
  const focused = () => page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return 'body';
    if (a.matches('[data-pick]')) return `pick ${(a as HTMLInputElement).value}`;
    if (a.matches('[data-deposits]')) return `deposits ${a.dataset.deposits}`;
    if (a.matches('[data-whitelist]')) return `whitelist ${a.dataset.whitelist}`;
    if (a.matches('[data-copy-report]')) return 'copy report';
    return `${a.tagName.toLowerCase()}: ${a.textContent?.trim().slice(0, 30)}`;
  });

  /** Presses Tab until the named control has focus, as a keyboard user would. */
  async function tabTo(name: string, max = 120) {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()) === name) return;
    }
    throw new Error(`Tab never reached ${name}; focus is on ${await focused()}`);
  }

  /** Ticks the exchanges and types every list, with the keyboard only. */
  async function typeByKeyboard(lists: Lists) {
    for (const id of Object.keys(lists)) {
      await tabTo(`pick ${id}`);
      await page.keyboard.press('Space');
    }
    for (const [id, l] of Object.entries(lists)) {
      await tabTo(`deposits ${id}`);
      await page.keyboard.type(l.deposits);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe(`whitelist ${id}`);
      await page.keyboard.type(l.whitelist);
    }
  }

  /** Ticks the exchanges and fills the lists directly (for tests about something other than typing). */
  async function fill(lists: Lists) {
    for (const id of Object.keys(lists)) await widget().locator(`[data-pick][value="${id}"]`).check();
    for (const [id, l] of Object.entries(lists)) {
      await widget().locator(`[data-deposits="${id}"]`).fill(l.deposits);
      await widget().locator(`[data-whitelist="${id}"]`).fill(l.whitelist);
    }
  }

  /** Waits until the widget shows what the API says for the same lists. */
  async function settledOn(lists: Lists): Promise<ApiReport> {
    const expected = await api(lists);
    await expect.poll(findingIds).toEqual(expected.findings.map((f) => f.id));
    await expect.poll(() => widget().locator('[data-verdict]').getAttribute('data-verdict')).toBe(expected.verdict);
    return expected;
  }

  beforeEach(async () => {
    page = await browser.newPage();
  });
  afterEach(async () => {
    await browser.closePage(page);
  });

  it('is filled by keyboard alone, and shows the API’s verdict, the diagram and the loop in words, without any request', async () => {
    await open('networkidle');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    expect(await focused()).toBe('body');

    const lists = threeWithALeak();
    await typeByKeyboard(lists);
    const expected = await settledOn(lists);
    expect(expected.verdict).toBe('fail');
    expect(expected.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['outside-loop', 'missing-edge']));

    // The diagram: one box per exchange plus the outside box, one arrow per edge, in the API's states.
    const svg = widget().locator('[data-diagrams] svg');
    expect(await svg.count()).toBe(1);
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('title').first().textContent()).toMatch(/^The loop for USDT: /);
    const nodes = await svg.locator('[data-node]').evaluateAll((n) => n.map((g) => g.getAttribute('data-node')));
    expect(nodes).toEqual(expected.loop.nodes.map((n) => n.id));
    const drawn = await svg.locator('.xapy-edge').evaluateAll((g) => g.map((e) => `${e.getAttribute('data-from')}→${e.getAttribute('data-to')}:${e.getAttribute('data-state')}`));
    expect(drawn.sort()).toEqual(expected.loop.edges.map((e) => `${e.from}→${e.to}:${e.state}`).sort());
    expect(drawn).toContain('kucoin→okx:missing');
    expect(drawn).toContain('okx→outside:outside');
    // Not colour alone: a missing arrow is dashed and marked with a drawn cross, a whitelisted one
    // with a drawn tick, a wrong or leaking one with !.
    const missing = svg.locator('.xapy-edge[data-state="missing"]').first();
    expect(await missing.locator('path').getAttribute('stroke-dasharray')).toBeTruthy();
    expect(await missing.locator('[data-mark]').getAttribute('data-mark')).toBe('cross');
    expect(await missing.locator('[data-mark] line').count()).toBe(2);
    expect(await svg.locator('.xapy-edge[data-state="outside"] text').first().textContent()).toBe('!');
    const okEdges = expected.loop.edges.filter((e) => e.state === 'ok').length;
    expect(okEdges).toBeGreaterThan(0);
    expect(await svg.locator('.xapy-edge[data-state="ok"] polyline[data-mark="tick"]').count()).toBe(okEdges);
    // Each arrow is labelled with its asset and network, at 12 px or more on screen.
    expect(await missing.locator('text.xapy-edge-label').textContent()).toBe('USDT');
    const labels = await svg.locator('.xapy-edge:not([data-state="missing"]) text.xapy-edge-label').allTextContents();
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).toMatch(/^(USDT|USDC)? ?(· )?[A-Z0-9]+/);
    const sizes = await svg.locator('text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().height));
    expect(Math.min(...sizes.filter((h) => h > 0))).toBeGreaterThanOrEqual(11); // glyph box of a 12 px label

    // The text equivalent: every edge as a sentence, and the diagram points at it.
    expect(await edgeLines()).toEqual(expected.loop.edges.map((e) => e.text));
    expect(await edgeLines()).toContain('KuCoin → OKX, USDT: missing (no whitelisted deposit address)');
    const describedBy = await svg.getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).evaluate((e) => e.matches('[data-edges]'))).toBe(true);

    // Copy the report with the keyboard too.
    await tabTo('copy report');
    await page.keyboard.press('Enter');
    await expect.poll(() => widget().locator('[data-copy-status]').textContent()).toBe('Report copied.');
    const report = await page.evaluate(() => navigator.clipboard.readText());
    expect(report).toMatch(/^## Withdrawal loop check\n/);
    expect(report).toContain('**Verdict:** Fail (`fail`)');
    expect(report).toContain('- KuCoin → OKX, USDT: missing (no whitelisted deposit address)');
    for (const f of expected.findings) expect(report).toContain(`(\`${f.id}\`)`);

    await page.waitForTimeout(300);
    expect(requests).toEqual([]);
  }, 60_000); // typing every address key by key is slow when the machine is busy

  it('redraws as the user fixes the loop: the missing arrow and the leak disappear', async () => {
    await open();
    const lists = threeWithALeak();
    await fill(lists);
    await settledOn(lists);
    const fixed = { ...lists, kucoin: { ...lists.kucoin, whitelist: `TRC20 ${TRON.bybit}\nTRC20 ${TRON.okx}` }, okx: { ...lists.okx, whitelist: `TRC20 ${TRON.bybit}\nTRC20 ${TRON.kucoin}` } };
    await widget().locator('[data-whitelist="kucoin"]').fill(fixed.kucoin.whitelist);
    await widget().locator('[data-whitelist="okx"]').fill(fixed.okx.whitelist);
    const expected = await settledOn(fixed);
    expect(expected.findings.map((f) => f.id)).not.toContain('missing-edge');
    expect(await widget().locator('[data-diagrams] .xapy-edge[data-state="missing"], [data-diagrams] [data-node="outside"]').count()).toBe(0);
    expect(await edgeLines()).toHaveLength(6);
  });

  it('shows pasted markup as text and runs none of it', async () => {
    await open();
    await widget().locator('[data-pick][value="okx"]').check();
    const payload = '<img src=x onerror="window.__pwned=1"> <svg onload="window.__pwned=2">';
    await widget().locator('[data-whitelist="okx"]').fill(`TRC20 ${payload}`);
    await expect.poll(findingIds).toContain('outside-loop');
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await widget().locator('[data-result] img').count()).toBe(0);
    expect(await widget().locator('[data-findings]').textContent()).toContain('“<img”');
  });

  it('every control has a label, and the widget fits a 360 px screen in the dark theme', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await open();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const unlabelled = await widget().locator('input, textarea, button').evaluateAll((els) =>
      els.filter((e) => !(e as HTMLInputElement).labels?.length && !e.textContent?.trim()).length);
    expect(unlabelled).toBe(0);
    const lists = threeWithALeak();
    await fill(lists);
    await settledOn(lists);
    const widths = await page.evaluate(() => {
      const w = document.querySelector('address-loop-checker')!;
      return { page: document.documentElement.scrollWidth, right: Math.ceil(w.getBoundingClientRect().right), overflow: w.scrollWidth - w.clientWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(360);
    expect(widths.right).toBeLessThanOrEqual(360);
    expect(widths.overflow).toBeLessThanOrEqual(0);
    // On a phone the diagram is stacked and drawn at its own size: every label keeps its 12 px or more.
    const svg = widget().locator('[data-diagrams] svg');
    expect(await svg.getAttribute('class')).toContain('xapy-loop-stack');
    const scale = await svg.evaluate((e) => e.getBoundingClientRect().width / (e as SVGSVGElement).viewBox.baseVal.width);
    expect(scale).toBeGreaterThanOrEqual(1);
    const fonts = await svg.locator('text').evaluateAll((ts) => ts.map((t) => Number(t.getAttribute('font-size'))));
    expect(Math.min(...fonts.filter((f) => f !== 11))).toBeGreaterThanOrEqual(12); // 11: the ! mark inside its circle
  });
});
