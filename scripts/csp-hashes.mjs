// After `astro build`: Astro's per-page Content-Security-Policy (dist/_headers.json) hashes the
// scripts and styles Astro bundles, including ones that are files (allowed by 'self' anyway) and
// ones that page-scripts.mjs has since bundled, but not inline scripts written with is:inline
// (Starlight's theme and sidebar scripts among them). This step makes each page's script-src and
// style-src-elem list exactly the hashes of the inline scripts and <style> elements present in that
// built page, and nothing else: no page may run an inline script that is not its own. (It also keeps
// each page's header about 1 kB shorter, which keeps a page within the first round trip of a new
// connection more often.) It writes the result to dist/page-headers.json for scripts/serve.mjs, and
// dist/client/_headers for CDN deployments. Run by `npm run build`; pure Node, no TypeScript.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { htmlFiles } from './html-files.mjs';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { SECURITY_HEADERS, pathKey } from '../src/server/security-headers.ts';

const dist = new URL('../dist/', import.meta.url).pathname;
const headersPath = join(dist, '_headers.json');
if (!existsSync(headersPath)) {
  console.error('dist/_headers.json is missing: run astro build with the Node adapter’s staticHeaders option.');
  process.exit(1);
}
const entries = JSON.parse(readFileSync(headersPath, 'utf8'));
const byKey = new Map(entries.map((e) => [pathKey(e.pathname), e]));

const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
let scriptHashes = 0;
let dropped = 0;
for (const file of htmlFiles(join(dist, 'client'))) {
  const key = pathKey(`/${relative(join(dist, 'client'), file)}`);
  const entry = byKey.get(key);
  if (!entry) continue;
  const scripts = new Set();
  const styles = new Set();
  visit(fromHtml(readFileSync(file, 'utf8')), 'element', (el) => {
    const text = () => el.children.map((c) => c.value ?? '').join('');
    if (el.tagName === 'style') styles.add(sha(text()));
    if (el.tagName !== 'script' || el.properties.src !== undefined) return;
    const type = String(el.properties.type ?? '');
    if (type && type !== 'module' && !type.includes('javascript')) return; // JSON data blocks do not run
    scripts.add(sha(text()));
  });
  const csp = entry.headers.find((h) => h.key === 'Content-Security-Policy');
  if (!csp) continue;
  // Each directive keeps its sources other than hashes, then exactly the hashes this page needs.
  const needed = { 'script-src': scripts, 'style-src-elem': styles };
  csp.value = csp.value.split(';').map((part) => {
    const [name = '', ...sources] = part.trim().split(/\s+/);
    const hashes = Object.hasOwn(needed, name) ? needed[name] : undefined;
    if (!hashes) return part;
    dropped += sources.filter((v) => v.startsWith("'sha256-") && !hashes.has(v)).length;
    const kept = sources.filter((v) => !v.startsWith("'sha256-"));
    return `${part.startsWith(' ') ? ' ' : ''}${[name, ...kept, ...hashes].join(' ')}`;
  }).join(';');
  scriptHashes += scripts.size;
}
// Our own file, read by scripts/serve.mjs. Astro's _headers.json is removed: the Node adapter would
// otherwise apply it too, and its lookup matches paths by substring ("/" takes the /404 policy).
writeFileSync(join(dist, 'page-headers.json'), JSON.stringify(entries, null, 2));
rmSync(headersPath);

// The same headers for static hosts that read a `_headers` file (Netlify, Cloudflare Pages).
const lines = [];
for (const e of entries) {
  const path = e.pathname === '/' ? '/' : `${e.pathname}/`;
  lines.push(path, ...e.headers.map((h) => `  ${h.key}: ${h.value}`));
}
lines.push('/*', ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`));
writeFileSync(join(dist, 'client', '_headers'), `${lines.join('\n')}\n`);
console.log(`[csp-hashes] ${entries.length} page policies; ${scriptHashes} inline-script hashes in all; ${dropped} hashes of nothing on their page removed; dist/client/_headers written`);
