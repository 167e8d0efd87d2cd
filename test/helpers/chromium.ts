/**
 * Finds Debian's Chromium for the browser tests: $CHROMIUM_PATH, else `chromium` or
 * `chromium-browser` on PATH. Without one the browser tests are skipped with the install
 * hint, except under CI, where a missing browser fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Locator, type Page } from 'playwright-core';
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

/**
 * Opens the search dialog from the header, as a reader does, and returns its search box once
 * Pagefind has drawn it (the dialog loads Pagefind's interface when it first opens, see
 * src/components/search/search.ts). While it waits, it asks the page for an animation frame, so
 * that a headless page with nothing left to draw still runs its tasks promptly.
 */
export async function openSearch(page: Page, timeout = 15_000): Promise<Locator> {
  await page.getByRole('button', { name: 'Search' }).first().click();
  const box = page.locator('dialog[open] input[type="search"], dialog[open] .pagefind-ui__search-input').first();
  const until = Date.now() + timeout;
  while (!(await box.count())) {
    if (Date.now() > until) throw new Error(`The search dialog showed no search box within ${timeout} ms.`);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  }
  return box;
}

/**
 * Waits until the page has been idle once, so that what it set up for an idle moment (Starlight's
 * table of contents, Expressive Code's scroll areas) has run. It asks for an animation frame too: headless
 * Chromium sometimes starts no idle period on a page with nothing to draw (see openSearch).
 */
export async function pageIdle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => {
    requestIdleCallback(resolve);
    requestAnimationFrame(() => {});
  }));
}

export interface ServersJson {
  status: 'example' | 'published';
  updated: string;
  servers: { address: string; label: string }[];
}

/** A new window's size and colour scheme, restored when a page is handed to the next test. */
const DEFAULT_WINDOW = { viewport: { width: 1280, height: 720 }, colorScheme: 'light' as const };

interface Slot { context: BrowserContext; page: Page; errors: string[]; initScripts: { dispose(): Promise<void> }[]; cold?: CDPSession; fresh?: boolean }

/**
 * Pages that are handed from test to test instead of being closed. Opening a page starts new
 * renderer processes, and a new window (browser context) starts with cold caches: about 1 and 1.9
 * CPU-seconds per page load here, against 0.5 when a page is reused. So `closePage()` checks the
 * page for script errors and then resets it for the next test: the test's init scripts, routes
 * and listeners removed, the default viewport and light colour scheme restored, the site's
 * storage and cookies cleared. The page stays on its last URL; the next test's first load
 * replaces it. `open()` makes a page when none is free.
 */
function pagePool(open: () => Promise<{ context: BrowserContext; page: Page }>) {
  const idle: Slot[] = [];
  const inUse = new Map<Page, Slot>();
  async function reset(w: Slot) {
    const { page } = w;
    page.removeAllListeners();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    for (const d of w.initScripts.splice(0)) await d.dispose();
    await page.evaluate(() => {
      try {
        localStorage.clear();
        sessionStorage.clear();
      } catch {
        // A page that never left about:blank has no storage to clear.
      }
    });
    await w.context.clearCookies();
    const size = page.viewportSize();
    if (size?.width !== DEFAULT_WINDOW.viewport.width || size.height !== DEFAULT_WINDOW.viewport.height) await page.setViewportSize(DEFAULT_WINDOW.viewport);
    if (await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) await page.emulateMedia({ colorScheme: DEFAULT_WINDOW.colorScheme });
    if (w.cold) {
      await w.cold.send('Network.setCacheDisabled', { cacheDisabled: false });
      await w.cold.detach();
      w.cold = undefined;
    }
  }
  return {
    /**
     * A page for the next test: a reset one if there is one free, else a new window. `{ fresh: true }`
     * always opens a new window, closed after the test, for tests that need an empty HTTP cache and
     * a renderer that has loaded nothing yet.
     */
    async newPage(options: { fresh?: boolean } = {}): Promise<Page> {
      let w = options.fresh ? undefined : idle.pop();
      if (!w) {
        const { context, page } = await open();
        const made: Slot = { context, page, errors: [], initScripts: [], fresh: options.fresh };
        // Remember each init script a test adds, so that it can be removed before the next test.
        const add = page.addInitScript.bind(page) as (...args: unknown[]) => Promise<{ dispose(): Promise<void> }>;
        (page as { addInitScript: unknown }).addInitScript = async (...args: unknown[]) => {
          const d = await add(...args);
          made.initScripts.push(d);
          return d;
        };
        w = made;
      }
      const errors: string[] = (w.errors = []);
      w.page.on('pageerror', (error) => errors.push(String(error)));
      inUse.set(w.page, w);
      return w.page;
    },
    /** From now on (until closePage) this page's loads skip the HTTP cache, as on a first visit. */
    async coldCache(page: Page) {
      const w = inUse.get(page)!;
      w.cold = await w.context.newCDPSession(page);
      await w.cold.send('Network.enable');
      await w.cold.send('Network.setCacheDisabled', { cacheDisabled: true });
    },
    async closePage(page: Page) {
      const w = inUse.get(page)!;
      inUse.delete(page);
      if (w.fresh) await w.context.close();
      else {
        try {
          await reset(w);
          idle.push(w);
        } catch {
          // A page the test closed, or one that cannot be reset, is not reused.
          await page.close().catch(() => {});
        }
      }
      expect(w.errors, 'no uncaught script error on the page').toEqual([]);
    },
  };
}

/**
 * For tests that run concurrently (`{ concurrent: true }`): one browser per test file, and every
 * page the visible page of a window (a browser context) of its own — a second tab in one window
 * would be a hidden background tab, where idle callbacks, lazy loading and timers behave
 * differently. `closePage()` fails the test if a script error happened and hands the window,
 * reset, to the next test (see pagePool); `coldCache(page)` gives a test a first visit's cold
 * HTTP cache. Call inside a describe block. In a concurrent test use the test context's `expect`
 * (`async ({ expect }) => …`): the global `expect.poll`, which the widget drivers in widgets.ts
 * use, refuses to run outside a known current test.
 */
export function useConcurrentPages(baseUrl: string) {
  let browser: Browser | undefined;
  const pool = pagePool(async () => {
    const context = await browser!.newContext(DEFAULT_WINDOW);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    return { context, page: await context.newPage() };
  });
  const state = {
    servers: undefined as unknown as ServersJson,
    addresses: [] as string[],
    newPage: pool.newPage,
    coldCache: pool.coldCache,
    closePage: pool.closePage,
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

/**
 * For tests that run one after another: one browser per test file, with clipboard access for the
 * site and XAPY's server list from /servers.json. `newPage()` hands out a window reset after the
 * previous test (see pagePool: a page load in a reused window costs about half the CPU of one in
 * a new window); `closePage()` fails the test if a script error happened. Call inside a describe block.
 */
export const useBrowser = useConcurrentPages;

/**
 * A page of its own for every test, in a new window with an empty cache, closed (and checked for
 * script errors) after it: read it as `t.page` inside a test. For tests about what a first visit
 * loads, such as lazy loading. Call inside a describe block.
 */
export function usePagePerTest(baseUrl: string) {
  const t = { browser: useConcurrentPages(baseUrl), page: undefined as unknown as Page };
  beforeEach(async () => {
    t.page = await t.browser.newPage({ fresh: true });
  });
  afterEach(async () => {
    await t.browser.closePage(t.page);
  });
  return t;
}
