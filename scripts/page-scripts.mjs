// After the build: each page loads its module scripts as one file instead of one file per
// component plus the chunks those files import.
//
// Astro emits one module script per component that has a <script> (search, table of contents,
// page actions, copy buttons, each checker), and those import shared chunks (the table of
// contents, the clipboard helper, Vite's preload helper). A guide page asked for 12 files before
// its first paint, in two rounds: the browser learns of the shared chunks only once the first
// files arrive. On a phone each round is a round trip, and browsers open at most 6 connections
// per origin over HTTP/1.1, so some files also waited for a free connection. Lighthouse's
// simulated phone put the last of them after the page's own first paint work (first contentful
// paint 1.6-1.7 s on the OKX guide, of which about 0.1 s was waiting for scripts).
//
// This step bundles, for each distinct list of module scripts, those files and everything they
// import statically into one file (esbuild), and the page links that file where its first module
// script was. Module scripts run in document order after parsing, and imports run in the order
// written, so the scripts run in the same order as before. Dynamic imports (the checkers' code,
// loaded when a checker comes into view; Pagefind's search interface, loaded when a reader goes
// to search) stay separate files, loaded as before. A chunk that is both bundled and
// imported by such a file (the clipboard helper, the lazy-load helper, Vite's preload helper) then
// exists twice (the separate files: 0.2, 0.7 and 0.9 kB gzip); none of them keeps state that the other copy
// would need, and the test suite's checker and search tests run against the bundled pages.
//
// Runs in `npm run build` after head-stylesheets.mjs, before csp-hashes.mjs and compression.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { htmlFiles } from './html-files.mjs';

const client = new URL('../dist/client/', import.meta.url).pathname;
const assets = join(client, '_astro');

const MODULE = /<script type="module" src="\/_astro\/([^"<>/]+\.js)"><\/script>/g;

/** Dynamic imports stay as written: the bundle sits in /_astro/ beside the files they name. */
const keepDynamicImports = {
  name: 'keep-dynamic-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

/** @type {Map<string, string>} the list of script files, joined → the bundle's file name */
const bundles = new Map();
async function bundleFor(files) {
  const key = files.join(' ');
  if (bundles.has(key)) return bundles.get(key);
  const result = await build({
    stdin: { contents: files.map((f) => `import './${f}';`).join('\n'), resolveDir: assets, loader: 'js' },
    bundle: true, format: 'esm', minify: true, write: false, target: 'es2022', legalComments: 'none',
    plugins: [keepDynamicImports], logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const name = `page-scripts.${createHash('sha256').update(code).digest('base64url').slice(0, 10)}.js`;
  writeFileSync(join(assets, name), code);
  bundles.set(key, name);
  return name;
}

let pages = 0;
let before = 0;
for (const file of htmlFiles(client)) {
  const html = readFileSync(file, 'utf8');
  const files = [...new Set([...html.matchAll(MODULE)].map((m) => m[1]))];
  if (files.length === 0) continue;
  const name = await bundleFor(files);
  let first = true;
  writeFileSync(file, html.replace(MODULE, () => {
    if (!first) return '';
    first = false;
    return `<script type="module" src="/_astro/${name}"></script>`;
  }));
  pages += 1;
  before += files.length;
}
console.log(`[page-scripts] ${pages} pages load ${bundles.size} distinct bundle(s) instead of ${before} module script links`);
