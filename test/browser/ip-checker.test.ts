/**
 * Specification of the IP-whitelist checker widget as a user meets it on
 * /tools/ip-whitelist-checker/, in Chromium against the built site.
 *
 * Issue: "paste into the widget → the verdict and findings appear; the copy buttons copy;
 * a `<img src=x onerror=...>` payload stays text and runs nothing; no network request is
 * made while typing; the whole flow works with the keyboard alone." The widget must also
 * be readable in light and dark themes and on a 360 px wide screen.
 *
 * Nothing about XAPY's servers or the exchanges is hard-coded: the expected values come
 * from /servers.json and from the HTTP API, which runs the same rules on the server.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath, useBrowser, type ServersJson } from '../helpers/chromium.ts';
import { reachWidget } from '../helpers/widgets.ts';

const CHECKER = '/tools/ip-whitelist-checker/';

interface ApiReport {
  verdict: 'pass' | 'warn' | 'fail';
  findings: { id: string; severity: string; message: string }[];
  formatted: string;
}

describe.skipIf(!chromiumPath)('IP whitelist checker widget', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser(baseUrl);
  let page: Page;
  let servers: ServersJson;
  let addresses: string[];

  /** What the site's own API says about a list: the widget must agree with it. */
  async function api(exchange: string, ips: string): Promise<ApiReport> {
    const res = await fetch(`${baseUrl}/api/check/ips?${new URLSearchParams({ exchange, ips })}`);
    expect(res.status).toBe(200);
    return (await res.json()) as ApiReport;
  }

  /** Opens the checker page; `networkidle` also waits until the page has stopped loading anything. */
  async function openChecker(waitUntil: 'load' | 'networkidle' = 'load'): Promise<void> {
    await page.goto(`${baseUrl}${CHECKER}`, { waitUntil });
    await reachWidget(page, 'ip-checker');
  }

  const verdict = () => page.locator('ip-checker [data-verdict]');
  const verdictState = () => verdict().getAttribute('data-verdict');
  const findingIds = () =>
    page.locator('ip-checker [data-findings] > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id));
  const copyStatus = () => page.locator('ip-checker [data-copy-status]');
  const activeElement = () =>
    page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || a === document.body) return 'body';
      if (a.hasAttribute('data-exchange')) return 'exchange select';
      if (a.hasAttribute('data-ips')) return 'IP textarea';
      if (a.hasAttribute('data-copy-formatted')) return 'copy corrected list';
      if (a.hasAttribute('data-copy-report')) return 'copy report';
      return `${a.tagName.toLowerCase()}: ${a.textContent?.trim().slice(0, 40)}`;
    });
  const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
  /** Puts a sentinel on the clipboard, so that a later read proves the widget copied. */
  const clearClipboard = () => page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));

  /** Waits until the widget shows a verdict, and returns it. */
  async function settledVerdict(expected: ApiReport['verdict']): Promise<string> {
    await expect.poll(verdictState).toBe(expected);
    return (await verdict().textContent()) ?? '';
  }

  /**
   * Waits until the widget shows the same findings as the API for this input, and returns
   * the verdict text. Needed after typing: every keystroke on the way may also say "fail".
   */
  async function settledOn(exchange: string, ips: string): Promise<string> {
    const expected = await api(exchange, ips);
    await expect.poll(findingIds).toEqual(expected.findings.map((f) => f.id));
    return settledVerdict(expected.verdict);
  }

  beforeEach(async () => {
    page = await browser.newPage();
    ({ servers, addresses } = browser);
  });

  afterEach(async () => {
    await browser.closePage(page);
  });

  describe('verdict and findings', () => {
    it('passes XAPY’s own list, fails an extra address, and knows each exchange’s limit', async () => {
      await openChecker();
      await expect.poll(() => verdict().textContent()).toContain('Paste your key’s IP list');

      await page.getByLabel('IP addresses on your key').fill(addresses.join('\n'));
      expect(await settledVerdict('pass')).toContain('Pass');
      // The only finding is the note that the list is an example, while it is one.
      expect(await findingIds()).toEqual(servers.status === 'example' ? ['example-server-list'] : []);
      if (servers.status === 'example') {
        await expect.poll(() => page.locator('ip-checker [data-id="example-server-list"]').getAttribute('class')).toContain('xapy-info');
      }

      await page.getByLabel('IP addresses on your key').fill(`${addresses.join('\n')}\n1.2.3.4`);
      expect(await settledVerdict('fail')).toContain('Fail');
      const stranger = page.locator('ip-checker [data-findings] > [data-id="not-xapy-server"]');
      expect(await stranger.count()).toBe(1);
      expect(await stranger.isVisible()).toBe(true);
      expect(await stranger.textContent()).toContain('“1.2.3.4”');
      expect(await findingIds()).toEqual((await api('any', `${addresses.join('\n')}\n1.2.3.4`)).findings.map((f) => f.id));

      // 25 entries are more than OKX allows on one key (the limit is OKX's data, not this test's).
      const many = [...addresses, ...Array.from({ length: 25 - addresses.length }, (_, i) => `8.8.4.${i + 1}`)].join(', ');
      const fromApi = await api('okx', many);
      expect(fromApi.findings.map((f) => f.id)).toContain('too-many-entries');
      await page.getByLabel('Exchange', { exact: true }).selectOption({ label: 'OKX' });
      await page.getByLabel('IP addresses on your key').fill(many);
      expect(await settledOn('okx', many)).toContain('Fail');
      expect(await findingIds()).toContain('too-many-entries');
      // It names the limit: the same sentence the API gives, e.g. "OKX allows at most … entries".
      const limit = fromApi.findings.find((f) => f.id === 'too-many-entries')!.message;
      expect(await page.locator('ip-checker [data-id="too-many-entries"]').textContent()).toContain(limit);
    });

    it('rechecks when the exchange changes after a list was pasted', async () => {
      await openChecker();
      const list = `${addresses.join(',')},2001:db8::1`;
      await page.getByLabel('IP addresses on your key').fill(list);
      await settledVerdict((await api('any', list)).verdict);
      for (const exchange of ['okx', 'coinex'] as const) {
        await page.getByLabel('Exchange', { exact: true }).selectOption(exchange);
        const expected = await api(exchange, list);
        await expect.poll(findingIds).toEqual(expected.findings.map((f) => f.id));
        expect(await verdictState()).toBe(expected.verdict);
      }
    });
  });

  describe('copy buttons', () => {
    it('“Copy corrected list” copies XAPY’s servers in the chosen exchange’s format', async () => {
      await openChecker();
      const textarea = page.getByLabel('IP addresses on your key');
      const input = `${addresses[0]} 1.2.3.4`;
      await textarea.fill(input);
      await settledVerdict('fail');

      for (const [exchange, separator] of [['okx', ','], ['coinex', '\n']] as const) {
        await page.getByLabel('Exchange', { exact: true }).selectOption(exchange);
        await clearClipboard();
        await page.getByRole('button', { name: 'Copy corrected list' }).click();
        await expect.poll(readClipboard).toBe(addresses.join(separator));
        expect(await readClipboard()).toBe((await api(exchange, input)).formatted);
        await expect.poll(() => copyStatus().textContent()).toBe('Corrected list copied.');
      }
    });

    it('the corrected list is on screen before anything is pasted, and “Copy corrected list” copies exactly what it shows', async () => {
      await openChecker();
      const shown = page.locator('ip-checker [data-formatted]');
      for (const [exchange, separator] of [['okx', ','], ['coinex', '\n']] as const) {
        await page.getByLabel('Exchange', { exact: true }).selectOption(exchange);
        await expect.poll(() => shown.textContent()).toBe(addresses.join(separator));
        expect(await page.locator('ip-checker [data-formatted-label]').textContent()).toContain(`as ${exchange === 'okx' ? 'OKX' : 'CoinEx'} takes them`);
        await clearClipboard();
        await page.getByRole('button', { name: 'Copy corrected list' }).click();
        await expect.poll(readClipboard).toBe(await shown.textContent());
        expect(await readClipboard()).toBe((await api(exchange, addresses.join(' '))).formatted);
      }
      // No verdict before input.
      expect(await page.locator('ip-checker [data-verdict]').getAttribute('data-verdict')).toBe('');
    });

    it('a secret pasted into the list fails the check, leaves the field and is never shown', async () => {
      await openChecker();
      const secret = 'Qw8Er7Ty6Ui5Op4As3Df2Gh1Jk0Lz9Xc';
      const textarea = page.getByLabel('IP addresses on your key');
      await textarea.fill(`${addresses.join('\n')}\n${secret}`);
      await settledVerdict('fail');
      const errors = await page.locator('ip-checker [data-findings] > li.xapy-error').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.id));
      expect(errors).toEqual(['secret-pasted']);
      expect(await textarea.inputValue()).not.toContain(secret.slice(0, 12));
      expect(await page.locator('ip-checker').textContent()).not.toContain(secret.slice(0, 12));
      await clearClipboard();
      await page.getByRole('button', { name: 'Copy report (Markdown)' }).click();
      await expect.poll(readClipboard).toMatch(/treat this key as exposed/);
      expect(await readClipboard()).not.toContain(secret.slice(0, 12));
    });

    it('“Copy report (Markdown)” copies the verdict and every finding id', async () => {
      await openChecker();
      await page.getByLabel('Exchange', { exact: true }).selectOption({ label: 'OKX' });
      await page.getByLabel('IP addresses on your key').fill(`${addresses.join(', ')}, 1.2.3.4`);
      await settledVerdict('fail');
      const ids = await findingIds();

      await clearClipboard();
      await page.getByRole('button', { name: 'Copy report (Markdown)' }).click();
      await expect.poll(readClipboard).toMatch(/^## IP whitelist check\n/);
      const report = await readClipboard();
      expect(report).toContain('**Verdict:** Fail (`fail`)');
      expect(report).toContain('**Exchange:** OKX');
      for (const id of ids) expect(report).toContain(`(\`${id}\`)`);
      expect(report).toContain('“1.2.3.4”');
      await expect.poll(() => copyStatus().textContent()).toBe('Report copied.');
      expect(await copyStatus().getAttribute('role')).toBe('status');
    });
  });

  describe('safety and privacy', () => {
    it('shows an HTML/script payload as text and runs none of it', async () => {
      await openChecker();
      const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      await page.getByLabel('IP addresses on your key').focus();
      await page.keyboard.type(payload);
      expect(await settledOn('any', payload)).toContain('Fail');
      // Give an injected onerror handler time to fire, were there one.
      await page.waitForTimeout(200);

      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.locator('ip-checker img, ip-checker script').count()).toBe(0);
      const findings = await page.locator('ip-checker [data-findings]').textContent();
      expect(findings).toContain('“<img”');
      expect(findings).toContain('“onerror="window.__pwned=1"><script>window.__pwned=2</script>”');
      // The "How each entry was read" table repeats the input, as text too.
      const cells = await page.locator('ip-checker [data-entries] td:first-child').allTextContents();
      expect(cells).toContain('<img');
    });

    it('makes no network request while typing, changing exchange or copying', async () => {
      await openChecker('networkidle');
      const requests: string[] = [];
      page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
      const resourcesBefore = await page.evaluate(() => performance.getEntriesByType('resource').length);

      await page.getByLabel('IP addresses on your key').focus();
      const typed = `${addresses.join(', ')}, 1.2.3.4, 10.0.0.1`;
      await page.keyboard.type(typed);
      await settledOn('any', typed);
      await page.getByLabel('Exchange', { exact: true }).selectOption('okx');
      await page.getByLabel('Exchange', { exact: true }).selectOption('coinex');
      await page.getByRole('button', { name: 'Copy corrected list' }).click();
      await page.getByRole('button', { name: 'Copy report (Markdown)' }).click();
      await expect.poll(() => copyStatus().textContent()).toBe('Report copied.');
      await page.waitForTimeout(300);

      expect(requests).toEqual([]);
      expect(await page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(resourcesBefore);
    });
  });

  describe('keyboard only', () => {
    it('every form control has an accessible label', async () => {
      await openChecker();
      expect(await page.getByLabel('Exchange').count()).toBe(1);
      expect(await page.getByLabel('Exchange').evaluate((e) => e.tagName)).toBe('SELECT');
      expect(await page.getByLabel('IP addresses on your key').count()).toBe(1);
      expect(await page.getByLabel('IP addresses on your key').evaluate((e) => e.tagName)).toBe('TEXTAREA');
      expect(await page.getByRole('button', { name: 'Copy corrected list' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Copy report (Markdown)' }).count()).toBe(1);
      expect(await page.getByRole('region', { name: 'Result' }).count()).toBe(1);
    });

    it('goes from exchange to textarea to a copied report with Tab, arrows, typing and Enter', async () => {
      await openChecker();
      expect(await activeElement()).toBe('body');

      /** Presses `key` until the named control has focus, as a keyboard user would. */
      async function tabTo(name: string, key = 'Tab', max = 80): Promise<void> {
        for (let i = 0; i < max; i++) {
          await page.keyboard.press(key);
          if ((await activeElement()) === name) return;
        }
        throw new Error(`${key} never reached the ${name}; focus is on ${await activeElement()}`);
      }

      await tabTo('exchange select');
      const exchangeSelect = page.getByLabel('Exchange', { exact: true });
      for (let i = 0; i < 20 && (await exchangeSelect.inputValue()) !== 'okx'; i++) await page.keyboard.press('ArrowDown');
      expect(await exchangeSelect.inputValue()).toBe('okx');

      await page.keyboard.press('Tab');
      expect(await activeElement()).toBe('IP textarea');
      const typed = `${addresses.join('\n')}\n1.2.3.4`;
      await page.keyboard.type(typed);
      expect(await settledOn('okx', typed)).toContain('Fail');
      expect(await findingIds()).toContain('not-xapy-server');

      await clearClipboard();
      await tabTo('copy report');
      await page.keyboard.press('Enter');
      await expect.poll(() => copyStatus().textContent()).toBe('Report copied.');
      const report = await readClipboard();
      expect(report).toMatch(/^## IP whitelist check\n/);
      expect(report).toContain('**Exchange:** OKX');
      expect(report).toContain('(`not-xapy-server`)');

      await page.keyboard.press('Shift+Tab');
      expect(await activeElement()).toBe('copy corrected list');
      await page.keyboard.press('Space');
      await expect.poll(() => copyStatus().textContent()).toBe('Corrected list copied.');
      expect(await readClipboard()).toBe(addresses.join(','));
    });
  });

  describe('readable in both themes and on a phone', () => {
    /**
     * Contrast ratio (WCAG 2) of an element's text against what is painted behind it:
     * its own background composited over its ancestors'. Colours are read back through a
     * canvas, so any CSS colour syntax the theme uses is understood.
     */
    const contrastOf = (selector: string) =>
      page.locator(selector).first().evaluate((element) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 1;
        const g = canvas.getContext('2d', { willReadFrequently: true })!;
        const rgba = (css: string): [number, number, number, number] => {
          g.clearRect(0, 0, 1, 1);
          g.fillStyle = '#000';
          g.fillStyle = css;
          g.fillRect(0, 0, 1, 1);
          const [r, gr, b, a] = g.getImageData(0, 0, 1, 1).data;
          return [r!, gr!, b!, a! / 255];
        };
        const over = (top: number[], bottom: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
        const layers: string[] = [];
        for (let e: Element | null = element; e; e = e.parentElement) layers.push(getComputedStyle(e).backgroundColor);
        let background = [255, 255, 255];
        for (const layer of layers.reverse()) background = over(rgba(layer), background);
        const text = over(rgba(getComputedStyle(element).color), background);
        const luminance = (c: number[]) => {
          const [r, gr, b] = c.map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * gr! + 0.0722 * b!;
        };
        const [hi, lo] = [luminance(text), luminance(background)].sort((a, b) => b - a);
        return Math.round(((hi! + 0.05) / (lo! + 0.05)) * 100) / 100;
      });

    const lists = (): [ApiReport['verdict'], string][] => [
      ['pass', addresses.join('\n')],
      ['warn', `${addresses.join('\n')}\n${addresses[0]}`],
      ['fail', `${addresses.join('\n')}\n1.2.3.4`],
    ];

    for (const theme of ['light', 'dark'] as const) {
      it(`every verdict and the widget's text have a contrast of at least 4.5:1 in the ${theme} theme`, async () => {
        await page.emulateMedia({ colorScheme: theme });
        await openChecker();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const contrasts: Record<string, number> = {};
        for (const [state, list] of lists()) {
          await page.getByLabel('IP addresses on your key').fill(list);
          await settledVerdict(state);
          contrasts[`verdict ${state}`] = await contrastOf('ip-checker [data-verdict]');
        }
        const texts = [
          'ip-checker .xapy-field label',
          'ip-checker .xapy-hint',
          'ip-checker .xapy-findings > li strong',
          'ip-checker .xapy-fix',
          'ip-checker .xapy-findings a',
          'ip-checker [data-copy-formatted]',
          'ip-checker textarea',
          'ip-checker select',
        ];
        await page.getByRole('button', { name: 'Copy corrected list' }).click();
        texts.push('ip-checker [data-copy-status]');
        for (const selector of texts) contrasts[selector] = await contrastOf(selector);
        const tooLow = Object.entries(contrasts).filter(([, c]) => c < 4.5);
        expect(tooLow, `contrast of each text: ${JSON.stringify(contrasts)}`).toEqual([]);
      });
    }

    it('fits a 360 px wide screen in the dark theme without horizontal scrolling', async () => {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.emulateMedia({ colorScheme: 'dark' });
      await openChecker();
      await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
      const long = `${addresses.join(', ')}, 1.2.3.4, 2001:0db8:0000:0000:0000:0000:0000:0001, ${'x'.repeat(120)}, 300.1.1.1`;
      await page.getByLabel('IP addresses on your key').fill(long);
      await settledVerdict('fail');
      await page.locator('ip-checker [data-entries-box] summary').click();

      const widths = await page.evaluate(() => {
        const widget = document.querySelector('ip-checker')!;
        const box = widget.getBoundingClientRect();
        return {
          page: document.documentElement.scrollWidth,
          widgetRight: Math.ceil(box.right),
          widgetOverflow: widget.scrollWidth - widget.clientWidth,
        };
      });
      expect(widths.page).toBeLessThanOrEqual(360);
      expect(widths.widgetRight).toBeLessThanOrEqual(360);
      expect(widths.widgetOverflow).toBeLessThanOrEqual(0);
      expect(await contrastOf('ip-checker [data-verdict]')).toBeGreaterThanOrEqual(4.5);
    });
  });

  describe('screen readers and layout', () => {
    it('announces a one-line summary after a pause, not the whole list on every keystroke', async () => {
      await openChecker();
      expect(await page.locator('ip-checker [aria-live]:not([role="status"])').count()).toBe(0);
      const announce = page.locator('ip-checker [data-announce]');
      expect(await announce.getAttribute('role')).toBe('status');
      await page.getByLabel('IP addresses on your key').pressSequentially(`${addresses[0]}, 1.2.3.4`, { delay: 20 });
      await expect.poll(() => announce.textContent(), { timeout: 5000 }).toMatch(/^Verdict: Fail \(\d+ errors?, \d+ warnings?\)$/);
      expect(await announce.textContent()).toBe(await verdict().textContent());
    });

    it('lines the copy buttons up in one row on a desktop screen; copying a report before any input says so', async () => {
      await openChecker();
      await page.getByRole('button', { name: 'Copy report (Markdown)' }).click();
      await expect.poll(() => copyStatus().textContent()).toBe('Nothing to copy yet: paste your key’s IP list first.');
      await page.getByLabel('IP addresses on your key').fill(addresses.join('\n'));
      await settledVerdict('pass');
      await page.getByRole('button', { name: 'Copy report (Markdown)' }).click();
      await expect.poll(() => copyStatus().textContent()).toBe('Report copied.');
      const tops = await page.locator('ip-checker .xapy-actions > button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(tops).toHaveLength(2);
      expect(tops[0]).toBe(tops[1]);
    });

    it('announces a second copy too', async () => {
      await openChecker();
      const button = page.getByRole('button', { name: 'Copy corrected list' });
      await button.click();
      await expect.poll(() => copyStatus().textContent()).toBe('Corrected list copied.');
      const changes = await page.evaluate(() => new Promise<number>((resolve) => {
        const status = document.querySelector('ip-checker [data-copy-status]')!;
        let n = 0;
        new MutationObserver(() => n++).observe(status, { childList: true, characterData: true, subtree: true });
        (document.querySelector('ip-checker [data-copy-formatted]') as HTMLButtonElement).click();
        setTimeout(() => resolve(n), 500);
      }));
      expect(changes).toBeGreaterThanOrEqual(2); // cleared, then set again: a new announcement
      expect(await copyStatus().textContent()).toBe('Corrected list copied.');
    });
  });
});
