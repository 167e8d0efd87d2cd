// What a visitor downloads before opening search, as Chromium loads it: each response gzipped
// (level 9) and summed by type. Pagefind's search interface is shown in its own column: Starlight
// loads it once a page is idle, this site only when a reader goes to search (src/components/Search.astro),
// so on these pages it should be 0. Needs the built site and Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** The page types; the baseline is a plain Starlight page built into the same (temporary) site. */
export const pages = {
  'home (/)': '/',
  'guide (okx)': '/integration/exchanges/okx/',
  'checker (ip-whitelist-checker)': '/tools/ip-whitelist-checker/',
  'server list (with checker)': '/setup/on-crypto-exchanges/server-ips/',
};

/** The same flags as the browser tests (test/helpers/chromium.ts). */
export const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const c of ['chromium', 'chromium-browser']) {
    try { return execFileSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).trim(); } catch { /* next */ }
  }
  return undefined;
}

/** Weighs each page of `pages` (name → path) on the site at `base`; `baseline` names the baseline row. */
export async function pageWeights(base, pages, baseline) {
  const exe = chromiumPath();
  if (!exe) return console.log('\nPage weight: skipped (Chromium not found; apt-get install -y --no-install-recommends chromium)');
  const profile = mkdtempSync(join(tmpdir(), 'xapy-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: exe, headless: true,
    args: CHROME_FLAGS,
  });
  const rows = [];
  try {
    for (const [name, path] of Object.entries(pages)) {
      const page = await context.newPage();
      const sizes = { js: 0, search: 0, css: 0, html: 0, files: 0 };
      const pending = [];
      page.on('response', (res) => {
        pending.push((async () => {
          const type = res.request().resourceType();
          const body = await res.body().catch(() => Buffer.alloc(0));
          const gz = gzipSync(body, { level: 9 }).length;
          // Pagefind's search interface (ui-core), if anything loaded it before search was opened.
          if (type === 'script' && /ui-core|pagefind/.test(res.url())) sizes.search += gz;
          else if (type === 'script') { sizes.js += gz; sizes.files++; }
          else if (type === 'stylesheet') sizes.css += gz;
          else if (type === 'document') sizes.html += gz;
        })());
      });
      await page.goto(base + path, { waitUntil: 'networkidle' });
      // Inline scripts count too: they are part of the HTML, so report them separately.
      const inline = await page.evaluate(() => [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').join('\n'));
      await Promise.all(pending);
      rows.push({
        page: name,
        'HTML gz B': sizes.html,
        'CSS gz B': sizes.css,
        'JS files gz B': sizes.js,
        'JS files': sizes.files,
        'inline JS gz B': gzipSync(Buffer.from(inline), { level: 9 }).length,
        'search UI gz B (loaded before search)': sizes.search,
      });
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const base0 = rows.find((r) => r.page === baseline);
  const kB = (b) => `${(b / 1024).toFixed(1)} kB`;
  // Script is script wherever it sits: the targets count JS files and inline JS together.
  const js = (r) => r['JS files gz B'] + r['inline JS gz B'];
  for (const r of rows) {
    r['JS vs baseline'] = base0 ? `${js(r) - js(base0) >= 0 ? '+' : ''}${js(r) - js(base0)} B` : '';
  }
  console.log('\nPage weight before search is opened (gzip bytes; inline JS is also inside the HTML figure)');
  console.table(rows);
  const row = (name) => rows.find((r) => r.page.startsWith(name));
  const guide = row('guide');
  const checker = row('checker');
  const targets = [];
  if (guide && base0) targets.push({ target: 'guide JS (files + inline) ≤ baseline + 1 kB', measured: `${kB(js(guide))} vs ${kB(js(base0))} + 1 kB`, met: js(guide) <= js(base0) + 1024 ? 'yes' : 'NO' });
  if (checker) targets.push({ target: 'checker page JS (files + inline) ≤ 20 kB gzip', measured: kB(js(checker)), met: js(checker) <= 20 * 1024 ? 'yes' : 'NO' });
  console.table(targets);
  return rows;
}
