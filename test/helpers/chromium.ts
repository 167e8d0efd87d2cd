/**
 * Finds Debian's Chromium for the browser tests: $CHROMIUM_PATH, else `chromium` or
 * `chromium-browser` on PATH. Without one the browser tests are skipped with the install
 * hint, except under CI, where a missing browser fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

export const INSTALL_HINT = 'Install it with: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH).';

function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const found = which('chromium') ?? which('chromium-browser');
  if (!found && process.env.CI) throw new Error(`Chromium is required in CI but was not found. ${INSTALL_HINT}`);
  return found;
}

export const chromiumPath = findChromium();
if (!chromiumPath) console.warn(`[browser tests skipped] Chromium not found. ${INSTALL_HINT}`);

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'xapy-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath!,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface ServersJson {
  status: 'example' | 'published';
  updated: string;
  servers: { address: string; label: string }[];
}

/**
 * One browser per test file, with clipboard access for the site and XAPY's server list from
 * /servers.json. `newPage()` opens a page that records script errors; `closePage()` closes it
 * and fails the test if any error happened. Call inside a describe block.
 */
export function useBrowser(baseUrl: string) {
  const state = {
    context: undefined as unknown as BrowserContext,
    servers: undefined as unknown as ServersJson,
    addresses: [] as string[],
    async newPage() {
      const page = await state.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      pageErrors.set(page, errors);
      return page;
    },
    async closePage(page: Page) {
      await page.close();
      expect(pageErrors.get(page), 'no uncaught script error on the page').toEqual([]);
    },
  };
  const pageErrors = new WeakMap<Page, string[]>();
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ context: state.context, close } = await launch());
    await state.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    state.servers = (await (await fetch(`${baseUrl}/servers.json`)).json()) as ServersJson;
    state.addresses = state.servers.servers.map((s) => s.address);
    expect(state.addresses.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await close?.();
  });
  return state;
}

/**
 * `useBrowser` plus a fresh page for every test, closed (and checked for script errors) after it:
 * read it as `t.page` inside a test. Call inside a describe block.
 */
export function usePagePerTest(baseUrl: string) {
  const t = { browser: useBrowser(baseUrl), page: undefined as unknown as Page };
  beforeEach(async () => {
    t.page = await t.browser.newPage();
  });
  afterEach(async () => {
    await t.browser.closePage(t.page);
  });
  return t;
}

/**
 * For tests that run concurrently (`{ concurrent: true }`): one browser per test file, and every
 * `newPage()` in a fresh browser context of its own, so each page is the visible page of its own
 * window (a second tab in one window would be a hidden background tab: idle callbacks, lazy loading
 * and timers behave differently there). `closePage()` closes the page and its context and fails
 * the test if a script error happened. Call inside a describe block. In a concurrent test use the
 * test context's `expect` (`async ({ expect }) => …`): the global `expect.poll`, which the widget
 * drivers in widgets.ts use, refuses to run outside a known current test.
 */
export function useConcurrentPages(baseUrl: string) {
  let browser: Browser | undefined;
  const contexts = new WeakMap<Page, BrowserContext>();
  const pageErrors = new WeakMap<Page, string[]>();
  const state = {
    servers: undefined as unknown as ServersJson,
    addresses: [] as string[],
    async newPage() {
      const context = await browser!.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      pageErrors.set(page, errors);
      contexts.set(page, context);
      return page;
    },
    async closePage(page: Page) {
      await contexts.get(page)?.close();
      expect(pageErrors.get(page), 'no uncaught script error on the page').toEqual([]);
    },
  };
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath!, headless: true, args: CHROMIUM_ARGS });
    state.servers = (await (await fetch(`${baseUrl}/servers.json`)).json()) as ServersJson;
    state.addresses = state.servers.servers.map((s) => s.address);
    expect(state.addresses.length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return state;
}
