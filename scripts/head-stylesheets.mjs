// After the build, two changes to every HTML page so that the browser styles and lays out the whole
// page once, before its first paint, instead of painting part of it and then restyling everything
// in one long task after the paint (Lighthouse's simulated phone counts such a task four times over
// as blocking time). Run by `npm run build` before the CSP and compression steps; pure Node.
//
// 1. Expressive Code links its stylesheet from the first code block of a page, inside <body>. When
//    the parser reaches that link, Chromium restyles and lays out the whole document again (about
//    60 ms of main-thread time on the API key checker page). Each stylesheet link found in <body>
//    moves to the end of <head>, where it joins the first style pass; the file itself is unchanged
//    and was already fetched early by the preload scanner.
// 2. Chromium paints as soon as its parser yields with the stylesheets loaded, which on a guide or a
//    checker page is before the body is parsed: the first paint shows part of the page, and the
//    rest is then styled and laid out in one 45–90 ms task. A render-blocking "expect" link in
//    <head> (https://html.spec.whatwg.org/multipage/links.html#link-type-expect) names an empty
//    element placed last in <body>, so the first paint waits until the whole page is parsed. The
//    pages are 6–15 kB compressed, so on a phone this waits for a few more kilobytes, not for a
//    slow network. Browsers without `blocking="render"` ignore the link and render as before.
// 3. Astro links each component's stylesheet as a file of its own (five on every page, up to seven
//    on a page with code blocks). Over HTTP/1.1 a browser opens at most six connections to a site,
//    so on a phone some of them waited for a free connection before the first paint. The stylesheets
//    that every page links, in the same order, become one file, linked where the first of them was;
//    it is the same on every page, so it is cached once. The others (Expressive Code's, on pages
//    with code) stay as they are, after it. Joining the files in link order keeps the cascade as it was.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlFiles } from './html-files.mjs';

const client = new URL('../dist/client/', import.meta.url).pathname;

/** The id of the element that ends every page; the first paint waits until the parser reaches it. */
const PAGE_END_ID = 'xapy-page-end';
const EXPECT = `<link rel="expect" href="#${PAGE_END_ID}" blocking="render">`;
const END = `<div id="${PAGE_END_ID}" hidden></div>`;

const LINK = /<link rel="stylesheet" href="[^"<>]+"\s*\/?>/g;
let moved = 0;
let pages = 0;
for (const file of htmlFiles(client)) {
  const html = readFileSync(file, 'utf8');
  const headEnd = html.indexOf('</head>');
  const bodyEnd = html.lastIndexOf('</body>');
  if (headEnd < 0 || bodyEnd < headEnd) continue;
  const head = html.slice(0, headEnd);
  const links = [];
  const body = html.slice(headEnd, bodyEnd).replace(LINK, (link) => {
    if (!head.includes(link) && !links.includes(link)) links.push(link);
    return '';
  });
  moved += links.length;
  pages += 1;
  // The expect link goes first in <head>, before anything that could let the parser yield.
  const withExpect = head.includes(EXPECT) ? head : head.replace(/<head\b[^>]*>/, (tag) => tag + EXPECT);
  const end = body.includes(END) ? '' : END;
  writeFileSync(file, withExpect + links.join('') + body + end + html.slice(bodyEnd));
}

const SHEET = /<link rel="stylesheet" href="\/_astro\/([^"<>/]+\.css)"\s*\/?>/g;
const sheetsOf = (html) => [...html.matchAll(SHEET)].map((m) => m[1]);
const lists = htmlFiles(client).map((file) => ({ file, sheets: sheetsOf(readFileSync(file, 'utf8')) })).filter((p) => p.sheets.length > 0);
const common = lists[0]?.sheets.filter((name) => lists.every((p) => p.sheets.includes(name))) ?? [];
let joined = 0;
if (common.length > 1) {
  const css = common.map((name) => readFileSync(join(client, '_astro', name), 'utf8')).join('\n');
  const name = `site.${createHash('sha256').update(css).digest('base64url').slice(0, 10)}.css`;
  writeFileSync(join(client, '_astro', name), css);
  for (const { file, sheets } of lists) {
    // Only where the shared files are linked one after the other, in the same order, as everywhere.
    const at = sheets.indexOf(common[0]);
    if (sheets.slice(at, at + common.length).join() !== common.join()) continue;
    let first = true;
    writeFileSync(file, readFileSync(file, 'utf8').replace(SHEET, (link, sheet) => {
      if (!common.includes(sheet)) return link;
      if (!first) return '';
      first = false;
      return `<link rel="stylesheet" href="/_astro/${name}">`;
    }));
    joined += 1;
  }
}
console.log(`[head-stylesheets] ${moved} stylesheet link(s) moved from <body> to <head>; ${pages} pages paint once parsed; ${joined} pages link the ${common.length} stylesheets all pages share as one file`);
