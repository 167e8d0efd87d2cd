/**
 * One extra build, two promises of the build-time settings:
 *  - SITE: a build for another origin leaves no trace of https://docs.xapy.io in what it publishes,
 *    and its server answers with the origin it was built for, whatever its own environment says;
 *  - publishing the server list: with `status: published`, no page, twin, API finding, MCP result,
 *    /servers.json or feed says the addresses are examples.
 * The build runs in a temporary copy of the site in /tmp (as bench/site-copy.mjs does) with
 * test/fixtures/servers-published.yaml in place of src/data/servers.yaml, so dist/ is never touched.
 * The same notice scan on the real build (still an example list) shows the scan finds the notices.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseAtom } from '../helpers/atom.ts';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { docIds, mdPathOf } from '../helpers/site.ts';
import { freePort } from '../helpers/server-setup.ts';

const BUILT_SITE = 'https://docs.staging.test';
const ROOT = resolve('.');
/** What the example list's notices say, in every surface (pages, twins, findings, feed, JSON). */
const EXAMPLE_NOTICE = /example addresses|example list|example server|server list used here is an example|documentation addresses|example-server-list|RFC 5737/i;

let dir = '';
let base = '';
let server: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xapy-site-build-'));
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'scripts']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  // Hard links: fast and no extra space; caches are dropped so the copy never writes through a link.
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')]);
  for (const cache of ['.vite', '.astro']) rmSync(join(dir, 'node_modules', cache), { recursive: true, force: true });
  cpSync('test/fixtures/servers-published.yaml', join(dir, 'src/data/servers.yaml'));
  const env = { ...process.env, SITE: BUILT_SITE };
  execFileSync(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/csp-hashes.mjs'], { cwd: dir, env, stdio: 'pipe' });

  const port = await freePort();
  // The production origin in the server's own environment: the answers must still carry the built one.
  server = spawn(process.execPath, ['dist/server/entry.mjs'], { cwd: dir, env: { ...process.env, SITE: 'https://docs.xapy.io', HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(`${base}/servers.json`)).ok) return; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The copy’s built server did not start');
}, 600_000);

afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 120_000);

/** Every file the copy publishes, as text (gzip-compressed files, such as Pagefind's, unpacked). */
function published(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const client = join(dir, 'dist/client');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) { walk(p); continue; }
      let bytes = readFileSync(p);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      out.push({ file: relative(client, p), text: bytes.toString('latin1') });
    }
  };
  walk(client);
  return out;
}

const get = async (origin: string, path: string, init?: RequestInit) => {
  const res = await fetch(`${origin}${path}`, init);
  expect(res.status, path).toBe(200);
  return res.text();
};

async function mcpTexts(origin: string, calls: [string, Record<string, unknown>][]): Promise<string[]> {
  const client = new Client({ name: 'xapy-site-build-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${origin}/mcp`)));
  try {
    const texts: string[] = [];
    for (const [name, args] of calls) {
      const r = (await client.callTool({ name, arguments: args })) as { content: { text: string }[] };
      texts.push(r.content.map((c) => c.text).join('\n'));
    }
    return texts;
  } finally {
    await client.close();
  }
}

describe(`a build with SITE=${BUILT_SITE}`, { timeout: 60_000 }, () => {
  it('publishes no trace of https://docs.xapy.io', () => {
    const files = published();
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => f.text.includes('docs.xapy.io')).map((f) => f.file)).toEqual([]);
  });

  it('points canonical links, the sitemap and the MDX’s full URLs at the built origin', async () => {
    const html = await get(base, '/integration/for-agents/');
    expect(html).toContain(`<link rel="canonical" href="${BUILT_SITE}/integration/for-agents/"`);
    expect(html).toContain(`${BUILT_SITE}/mcp`);
    const files = published();
    const sitemap = files.find((f) => /^sitemap-0\.xml$/.test(f.file));
    expect(sitemap?.text).toContain(`<loc>${BUILT_SITE}/setup/on-crypto-exchanges/server-ips/</loc>`);
  });

  it('has its server answer with the built origin although its environment says otherwise', async () => {
    const answers = {
      llms: await get(base, '/llms.txt'),
      full: await get(base, '/llms-full.txt'),
      twin: await get(base, '/integration/for-agents.md'),
      ask: await get(base, `/integration/for-agents.md?ask=${encodeURIComponent('How do I connect over MCP?')}`),
      search: await get(base, '/search.md?q=mcp'),
      openapi: await get(base, '/openapi.json'),
      servers: await get(base, '/servers.json'),
      feed: await get(base, '/servers.atom'),
      ips: await get(base, '/api/check/ips?exchange=okx&ips=10.0.0.1'),
    };
    for (const [name, text] of Object.entries(answers)) expect(text, name).not.toContain('docs.xapy.io');
    expect(answers.llms).toContain(`${BUILT_SITE}/index.md`);
    expect(answers.llms).toContain(`${BUILT_SITE}/servers.atom`);
    expect(answers.twin).toContain(`\`${BUILT_SITE}/mcp\``);
    expect(answers.twin).toContain(`${BUILT_SITE}/llms.txt`);
    expect(answers.ask).toContain(`${BUILT_SITE}/integration/for-agents.md`);
    expect(JSON.parse(answers.openapi).servers[0].url).toBe(BUILT_SITE);
    expect(JSON.parse(answers.servers).feed).toBe(`${BUILT_SITE}/servers.atom`);
    expect(JSON.parse(answers.ips).findings.map((f: { docs: string }) => f.docs)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^${BUILT_SITE}/tools/ip-whitelist-checker/#`))]),
    );
    const [found, page] = await mcpTexts(base, [['search_docs', { query: 'mcp' }], ['get_page', { page: `${BUILT_SITE}/integration/for-agents/` }]]);
    expect(found).toContain(`${BUILT_SITE}/`);
    expect(page).toBe(answers.twin);
    for (const text of [found, page]) expect(text).not.toContain('docs.xapy.io');
  });
});

/** What a reader or an agent gets about the server list: pages, twins, feed, JSON, API and MCP answers. */
async function serverListSurfaces(origin: string, addresses: string[]): Promise<Record<string, string>> {
  const ips = addresses.join('\n');
  const [mcpIps, mcpPage] = await mcpTexts(origin, [
    ['check_ip_whitelist', { exchange: 'okx', ips }],
    ['get_page', { page: 'setup/on-crypto-exchanges/server-ips' }],
  ]);
  const key = JSON.parse(await get(origin, '/openapi.json')).paths['/api/check/key'].post.requestBody.content['application/json'].example;
  return {
    'server IPs page': await get(origin, '/setup/on-crypto-exchanges/server-ips/'),
    'IP checker page': await get(origin, '/tools/ip-whitelist-checker/'),
    'key checker page': await get(origin, '/tools/api-key-checker/'),
    'OKX guide': await get(origin, '/integration/exchanges/okx/'),
    'server IPs twin': await get(origin, '/setup/on-crypto-exchanges/server-ips.md'),
    'IP checker twin': await get(origin, '/tools/ip-whitelist-checker.md'),
    'llms-full.txt': await get(origin, '/llms-full.txt'),
    '/servers.json': await get(origin, '/servers.json'),
    '/servers.atom': await get(origin, '/servers.atom'),
    '/openapi.json': await get(origin, '/openapi.json'),
    'IP API': await get(origin, '/api/check/ips', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ exchange: 'okx', ips }) }),
    'key API': await get(origin, '/api/check/key', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(key) }),
    'MCP check_ip_whitelist': mcpIps!,
    'MCP get_page': mcpPage!,
  };
}

const noticesIn = (surfaces: Record<string, string>) =>
  Object.entries(surfaces).flatMap(([name, text]) => {
    const m = EXAMPLE_NOTICE.exec(text);
    return m ? [`${name}: “${m[0]}”`] : [];
  });

describe('a build with a published server list', { timeout: 60_000 }, () => {
  it('mentions no example list anywhere: pages, twins, findings, MCP results, JSON, feed', async () => {
    const list = JSON.parse(await get(base, '/servers.json')) as { status: string; servers: { address: string }[] };
    expect(list.status).toBe('published');
    expect(noticesIn(await serverListSurfaces(base, list.servers.map((s) => s.address)))).toEqual([]);
    const pages = published().filter((f) => /\.(html|txt|json|xml|atom|md)$/.test(f.file) || f.file === '_headers');
    expect(pages.filter((f) => EXAMPLE_NOTICE.test(f.text)).map((f) => f.file)).toEqual([]);
    const twins = await Promise.all(docIds().map(async (id) => [id, await get(base, mdPathOf(id))] as const));
    expect(twins.filter(([, md]) => EXAMPLE_NOTICE.test(md)).map(([id]) => id)).toEqual([]);
  });

  it('passes XAPY’s own list in the IP check', async () => {
    const list = JSON.parse(await get(base, '/servers.json')) as { servers: { address: string }[] };
    const report = JSON.parse(await get(base, `/api/check/ips?exchange=okx&ips=${encodeURIComponent(list.servers.map((s) => s.address).join(','))}`));
    expect(report.verdict).toBe('pass');
  });

  it('shows the last change and the history on the server IPs page and in its twin, linking the feed', async () => {
    const html = await get(base, '/setup/on-crypto-exchanges/server-ips/');
    expect(html).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/servers\.atom"/);
    expect(html).toMatch(/Last changed on <time datetime="2026-12-01">2026-12-01<\/time> \(list version <code>2026120101<\/code>\)/);
    expect(html).toContain('id="change-2026120101"');
    expect(html).toContain('id="change-2026112001"');
    expect(html.indexOf('id="change-2026120101"')).toBeLessThan(html.indexOf('id="change-2026112001"'));
    const twin = await get(base, '/setup/on-crypto-exchanges/server-ips.md');
    expect(twin).toContain('Last changed on 2026-12-01 (list version `2026120101`)');
    expect(twin).toContain('- **2026-12-01**: 1 server added, 1 removed (version `2026120101`). Singapore 1 replaces Tokyo 1. Added: `2001:4860:4860::8844` (Singapore 1). Removed: `1.0.0.1`.');
  });

  it('serves the feed as valid Atom, one entry per change, and /servers.json with date and version', async () => {
    const res = await fetch(`${base}/servers.atom`);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseAtom(await res.text());
    expect(feed.entries).toHaveLength(2);
    expect(feed.updated).toBe('2026-12-01T00:00:00.000Z');
    expect(JSON.parse(await get(base, '/servers.json'))).toMatchObject({ updated: '2026-12-01', version: 2026120101 });
  });
});

describe('the notice scan', { timeout: 60_000 }, () => {
  it('finds the notices in every surface of the real build while its list is an example', async () => {
    const real = inject('baseUrl');
    const list = JSON.parse(await get(real, '/servers.json')) as { status: string; servers: { address: string }[] };
    if (list.status !== 'example') return; // the real list is published: nothing to find
    const surfaces = await serverListSurfaces(real, list.servers.map((s) => s.address));
    // Pages without the list (the OKX guide's notice sits by its copy buttons) and the OpenAPI
    // document, which describes the status field, need not say it; the rest must.
    const mustSay = Object.keys(surfaces).filter((name) => !['OKX guide', '/openapi.json', 'key checker page', 'key API'].includes(name));
    expect(mustSay.filter((name) => !EXAMPLE_NOTICE.test(surfaces[name]!))).toEqual([]);
  });
});
