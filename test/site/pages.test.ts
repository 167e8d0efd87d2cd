/**
 * The built site over HTTP, as a reader and an agent meet it: every page, its Markdown twin,
 * llms.txt, the server list. Pages are discovered from src/content/docs.
 */
import { describe, expect, it, inject } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { docIds, htmlPathOf, local, mdPathOf } from '../helpers/site.ts';

const base = inject('baseUrl');
const ids = docIds();
const get = (path: string, init?: RequestInit) => fetch(local(base, path), init);
const parseMd = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;

function linksOf(tree: Root): string[] {
  const urls: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'link' || node.type === 'definition' || node.type === 'image') urls.push(node.url);
  });
  return urls;
}

describe('pages', () => {
  it('has the pages the information architecture promises', () => {
    expect(ids).toEqual(expect.arrayContaining([
      'index', 'introduction/readme', 'integration/generate-api-key', 'setup/on-crypto-exchanges/server-ips',
      'setup/on-crypto-exchanges/whitelist-address', 'tools/ip-whitelist-checker',
    ]));
  });

  it.each(ids)('%s answers 200 with HTML, with and without the trailing slash', async (id) => {
    const res = await get(htmlPathOf(id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    if (id !== 'index') expect((await get(`/${id}`)).status).toBe(200);
  });

  it('keeps the anchor XAPY’s app links to for the exchange list', async () => {
    const html = await (await get('/introduction/readme/')).text();
    expect(html).toContain('id="list-of-supported-exchanges"');
    for (const name of ['Binance', 'OKX', 'Bybit', 'Bitget', 'Gate', 'HTX', 'CoinEx', 'KuCoin']) expect(html).toContain(name);
  });

  // A stylesheet linked from <body> (Expressive Code links its own from the first code block) makes
  // the browser restyle and lay out the whole page again after the first paint.
  it.each(ids)('%s links every stylesheet from <head>', async (id) => {
    const html = await (await get(htmlPathOf(id))).text();
    const body = html.slice(html.indexOf('</head>'));
    expect(body.match(/<link[^>]*rel="stylesheet"[^>]*>/g) ?? []).toEqual([]);
    if (/class="expressive-code"/.test(body)) expect(html.slice(0, html.indexOf('</head>'))).toMatch(/<link rel="stylesheet" href="\/_astro\/ec\.[^"]+\.css">/);
  });

  // scripts/head-stylesheets.mjs: the first paint waits for the whole page (the layout test
  // checks in Chromium that it does), so nothing is restyled in one long task after it.
  it.each(ids)('%s holds its first paint until the whole page is parsed: <head> opens with a render-blocking expect link to the last element of <body>', async (id) => {
    const html = await (await get(htmlPathOf(id))).text();
    const expectLink = /<head>(<link rel="expect" href="#([\w-]+)" blocking="render">)/.exec(html);
    expect(expectLink, 'the first element of <head>').not.toBeNull();
    const target = expectLink![2]!;
    expect(html.endsWith(`<div id="${target}" hidden></div></body></html>`)).toBe(true);
    expect(html.split(`id="${target}"`)).toHaveLength(2);
  });

  // src/components/widget-config.ts: a checker's code imports the facts it works with from the
  // site when it loads; the pages that embed a checker do not carry them, so they stay small.
  it.each(['ip-checker', 'key-checker', 'address-loop-checker'])('serves the facts of <%s> as a JavaScript module, with the published servers, and no page carries them', async (tag) => {
    const res = await get(`/widget-data/${tag}.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const body = await res.text();
    expect(body).toMatch(/^export default \{/);
    const config = JSON.parse(body.replace(/^export default /, '').replace(/;\s*$/, '')) as { exchanges: { id: string }[]; servers?: { servers: { address: string }[] } };
    expect(config.exchanges.map((e) => e.id)).toEqual(expect.arrayContaining(['binance', 'okx', 'bybit', 'kucoin']));
    if (config.servers) {
      const published = (await (await get('/servers.json')).json()) as { servers: { address: string }[] };
      expect(config.servers.servers.map((s) => s.address)).toEqual(published.servers.map((s) => s.address));
    }
    for (const id of ids) {
      const html = await (await get(htmlPathOf(id))).text();
      if (html.includes(`<${tag}`)) expect(html, id).not.toMatch(new RegExp(`<${tag}[^>]*data-config`));
    }
  });

  // scripts/page-scripts.mjs: a page asks for its module scripts as one file, in one round trip,
  // rather than one file per component and then the chunks they import.
  it.each(ids)('%s links at most one module script, and it is served', async (id) => {
    const html = await (await get(htmlPathOf(id))).text();
    const srcs = [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeLessThanOrEqual(1);
    for (const src of srcs) {
      const res = await get(src);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      // Static imports are bundled in; only dynamic imports (loaded on use) remain.
      expect(await res.text()).not.toMatch(/^import[\s{"*]|[;}]import[\s{"*]/m);
    }
  });

  it('folds the long API answers on the checker pages, and the twins show them whole', async () => {
    for (const [path, summary] of [['/tools/api-key-checker/', /The whole answer \(\d+ lines of JSON\)/], ['/tools/address-loop-checker/', /The answer \(\d+ lines of JSON\)/]] as const) {
      const html = await (await get(path)).text();
      const folded = html.match(/<details class="xapy-example-answer">\s*<summary>([^<]*)<\/summary>(.*?)<\/details>/s);
      expect(folded?.[1]).toMatch(summary);
      expect(folded?.[2]).toContain('"verdict"');
      const twin = await (await get(path.replace(/\/$/, '.md'))).text();
      expect(twin).toMatch(/```json\n\{\n  "verdict": "(pass|warn|fail)",\n/);
    }
  });

  it('answers an unknown page with 404', async () => {
    expect((await get('/no/such/page/')).status).toBe(404);
  });
});

describe('the example server list is marked as an example everywhere it appears', async () => {
  const list = await (await get('/servers.json')).json();

  it('is served as JSON with status, date and servers', () => {
    expect(list).toMatchObject({ status: expect.stringMatching(/^(example|published)$/), updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(list.servers.length).toBeGreaterThan(0);
    for (const s of list.servers) expect(s).toEqual({ address: expect.any(String), label: expect.any(String) });
  });

  it.each(['/setup/on-crypto-exchanges/server-ips/', '/tools/ip-whitelist-checker/', '/setup/on-crypto-exchanges/server-ips.md', '/tools/ip-whitelist-checker.md'])(
    '%s shows every address and, while the list is an example, says so', async (path) => {
      const body = await (await get(path)).text();
      for (const s of list.servers) expect(body).toContain(s.address);
      if (list.status === 'example') expect(body).toContain('Example addresses, not XAPY’s servers');
    },
  );
});

describe('the example notice in the Markdown twins', async () => {
  const list = (await (await get('/servers.json')).json()) as { status: string; note?: string; servers: { address: string }[] };
  const NOTICE = 'Example addresses, not XAPY’s servers.';

  it.each(ids)('%s.md says it once, before the first of XAPY’s addresses, while the list is an example', async (id) => {
    const md = await (await get(mdPathOf(id))).text();
    const notices = md.split(NOTICE).length - 1;
    const positions = list.servers.map((s) => md.indexOf(s.address)).filter((i) => i >= 0);
    if (list.status !== 'example') {
      expect(notices, 'a published list is never called an example').toBe(0);
      return;
    }
    if (positions.length === 0) {
      expect(notices, 'at most once on a twin without the addresses').toBeLessThanOrEqual(1);
      return;
    }
    expect(notices, 'exactly once on a twin that shows the addresses').toBe(1);
    expect(md.indexOf(NOTICE), 'where the reader meets the first address').toBeLessThan(Math.min(...positions));
    // It says why: the list's own note, that the addresses stand in until XAPY publishes its servers.
    const line = md.slice(md.indexOf(NOTICE)).split('\n\n')[0]!.replace(/\n> ?/g, ' ');
    expect(line).toContain(list.note!.replace(/\s+/g, ' '));
  });
});

describe('Markdown twins', () => {
  it.each(ids)('%s.md is clean Markdown', async (id) => {
    const res = await get(mdPathOf(id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = await res.text();
    const tree = parseMd(md);

    const h1 = tree.children.filter((n) => n.type === 'heading' && n.depth === 1);
    expect(h1, 'exactly one H1').toHaveLength(1);
    expect(tree.children[0]?.type, 'opens with the llms.txt pointer').toBe('blockquote');
    expect(tree.children[1]?.type, 'then the H1').toBe('heading');
    expect(md.length, 'under 50,000 characters').toBeLessThan(50_000);

    visit(tree, (node) => {
      expect(node.type, 'no raw HTML or JSX survives').not.toBe('html');
      if (node.type === 'text' || node.type === 'paragraph') {
        const value = 'value' in node ? String(node.value) : '';
        expect(value).not.toMatch(/<[A-Z][A-Za-z]*/);
        expect(value).not.toMatch(/^(import|export)\s/m);
      }
      if (node.type === 'code') {
        expect(node.lang, 'every code fence names its language').toBeTruthy();
        // An unclosed fence runs to the end of the document; a closed one ends on its closing fence.
        const source = md.slice(node.position!.start.offset, node.position!.end.offset);
        expect(source.trimEnd().split('\n').at(-1), 'every code fence is closed').toMatch(/^\s*(`{3,}|~{3,})\s*$/);
      }
    });
    expect(md).not.toMatch(/^(import|export)\s/m);
  });

  it('every link in every twin resolves', async () => {
    const seen = new Set<string>();
    for (const id of ids) {
      const tree = parseMd(await (await get(mdPathOf(id))).text());
      for (const url of linksOf(tree)) {
        if (!url.startsWith('/') && !url.startsWith('https://docs.xapy.io')) continue;
        const path = url.split('#')[0]!;
        if (seen.has(path)) continue;
        seen.add(path);
        expect((await get(path)).status, `${id}.md links to ${url}`).toBe(200);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
  });

  it('internal page links point at .md twins, absolutely on the site', async () => {
    const tree = parseMd(await (await get('/index.md')).text());
    const internal = linksOf(tree).filter((u) => u.startsWith('https://docs.xapy.io/') && !/\.(json|txt)$/.test(u.split('#')[0]!.split('?')[0]!) && !u.includes('/mcp'));
    expect(internal.length).toBeGreaterThan(3);
    for (const u of internal) expect(u.split('#')[0]!.split('?')[0]).toMatch(/\.md$/);
  });

  it('has no root-relative link in any twin, so a saved or forwarded twin keeps every target', async () => {
    for (const id of docIds()) {
      const md = await (await get(mdPathOf(id))).text();
      const relative = linksOf(parseMd(md)).filter((u) => u.startsWith('/') && !u.startsWith('//'));
      expect(relative, id).toEqual([]);
    }
  });

  it('renders the server list as a table of the real addresses and the widget as a worked curl example', async () => {
    const md = await (await get('/setup/on-crypto-exchanges/server-ips.md')).text();
    expect(md).toMatch(/\| Address +\| Server +\|/);
    expect(md).toMatch(/```sh\ncurl -s https:\/\/docs\.xapy\.io\/api\/check\/ips/);
  });

  it('answers an unknown .md with 404 and a Markdown pointer to llms.txt', async () => {
    const res = await get('/no/such/page.md');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await res.text()).toMatch(/^# Page not found[\s\S]*\/llms\.txt/);
  });
});

describe('llms.txt', async () => {
  const res = await get('/llms.txt');
  const text = await res.text();
  const tree = parseMd(text);

  it('follows llmstxt.org: an H1, a summary blockquote, then sections of links', () => {
    expect(res.status).toBe(200);
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(tree.children[1]?.type).toBe('blockquote');
    const sections = tree.children.filter((n) => n.type === 'heading' && n.depth === 2).length;
    expect(sections).toBeGreaterThanOrEqual(5);
    expect(text.length).toBeLessThan(50_000);
  });

  it('lists every page with its .md URL and description, grouped by sidebar section', () => {
    for (const id of ids) expect(text).toMatch(new RegExp(`- \\[[^\\]]+\\]\\(https://docs\\.xapy\\.io/${id.replace(/\//g, '\\/')}\\.md\\): \\S`));
    expect(text.indexOf('## Introduction')).toBeLessThan(text.indexOf('introduction/readme.md'));
    expect(text.indexOf('## Tools')).toBeLessThan(text.indexOf('tools/ip-whitelist-checker.md'));
  });

  it('every link in it resolves', async () => {
    const links = linksOf(tree);
    expect(links.length).toBeGreaterThan(ids.length);
    for (const url of links) expect((await get(url.split('#')[0]!)).status, url).toBe(200);
  });
});

describe('llms-full.txt and /.well-known/llms.txt', async () => {
  const full = await (await get('/llms-full.txt')).text();

  it('holds every page’s Markdown, each with its URL', async () => {
    for (const id of ids) {
      expect(full).toContain(`Source: https://docs.xapy.io/${id}.md`);
      const twin = await (await get(mdPathOf(id))).text();
      const title = twin.split('\n').find((l) => l.startsWith('# '))!;
      expect(full).toContain(`\n${title}\n`);
    }
  });

  it('every link in it resolves', async () => {
    const links = [...new Set(linksOf(parseMd(full)).filter((u) => u.startsWith('/') || u.startsWith('https://docs.xapy.io')).map((u) => u.split('#')[0]!))];
    expect(links.length).toBeGreaterThan(ids.length);
    for (const url of links) expect((await get(url)).status, url).toBe(200);
  });

  it('/.well-known/llms.txt is /llms.txt', async () => {
    const res = await get('/.well-known/llms.txt');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await (await get('/llms.txt')).text());
  });
});
