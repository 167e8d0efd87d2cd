// After the build: Expressive Code links its stylesheet from the first code block of a page, inside
// <body>. When the parser reaches that link, Chromium restyles and lays out the whole document again
// (about 60 ms of main-thread time on the API key checker page, four times that on Lighthouse's
// simulated phone), after the first paint. This step moves each stylesheet link found in <body> to
// the end of <head>, where it joins the first style pass; the file itself is unchanged and was
// already fetched early by the preload scanner. Run by `npm run build` before the CSP and compression
// steps; pure Node.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const client = new URL('../dist/client/', import.meta.url).pathname;
const htmlFiles = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
  d.isDirectory() ? htmlFiles(join(dir, d.name)) : d.name.endsWith('.html') ? [join(dir, d.name)] : []);

const LINK = /<link rel="stylesheet" href="[^"<>]+"\s*\/?>/g;
let moved = 0;
for (const file of htmlFiles(client)) {
  const html = readFileSync(file, 'utf8');
  const headEnd = html.indexOf('</head>');
  if (headEnd < 0) continue;
  const head = html.slice(0, headEnd);
  const links = [];
  const body = html.slice(headEnd).replace(LINK, (link) => {
    if (!head.includes(link) && !links.includes(link)) links.push(link);
    return '';
  });
  if (links.length === 0 && body.length === html.length - headEnd) continue;
  moved += links.length;
  writeFileSync(file, head + links.join('') + body);
}
console.log(`[head-stylesheets] ${moved} stylesheet link(s) moved from <body> to <head>`);
