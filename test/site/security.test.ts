/**
 * What the server sends with every response, and how it answers requests that are wrong on
 * purpose: security headers everywhere, a Content-Security-Policy per page that allows nothing
 * but this site, and a clear 4xx (never a 500 or a stack trace) for malformed requests.
 */
import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { docIds, htmlPathOf, mdPathOf } from '../helpers/site.ts';
import { SECURITY_HEADERS } from '../../src/server/security-headers.ts';

const base = inject('baseUrl');
const pages = docIds();

const samples = [
  ['an HTML page', '/tools/ip-whitelist-checker/'],
  ['the home page', '/'],
  ['a Markdown twin', '/integration/generate-api-key.md'],
  ['an API answer', '/api/check/ips?ips='],
  ['llms.txt', '/llms.txt'],
  ['a 404', '/no/such/page/'],
] as const;

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values];
  }));
}

describe('security headers', () => {
  it.each(samples)('%s carries every security header', async (_what, path) => {
    const res = await fetch(base + path);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
    expect(res.headers.get('content-security-policy')).toBeTruthy();
  });

  it.each(pages)('%s has a policy that allows only this site, and no framing', async (id) => {
    const csp = (await fetch(base + htmlPathOf(id))).headers.get('content-security-policy')!;
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    for (const [name, values] of d) {
      for (const v of values) {
        expect(v, `${name} ${v}`).not.toMatch(/^(https?:|\*|'unsafe-eval'$)/);
        if (name.startsWith('script-src')) expect(v).not.toBe("'unsafe-inline'");
      }
    }
  });

  // Least privilege: a hash lets an inline script or style with that exact text run on the page, so
  // a page's policy lists the hashes of its own inline scripts and <style> elements and no others.
  it.each(pages)('%s allows exactly its own inline scripts and styles', async (id) => {
    const res = await fetch(base + htmlPathOf(id));
    const d = directives(res.headers.get('content-security-policy')!);
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const scripts = new Set<string>();
    const styles = new Set<string>();
    visit(fromHtml(await res.text()), 'element', (el) => {
      const text = el.children.map((c) => ('value' in c ? c.value : '')).join('');
      if (el.tagName === 'style') styles.add(sha(text));
      const type = String(el.properties.type ?? '');
      if (el.tagName === 'script' && el.properties.src === undefined && (!type || type === 'module')) scripts.add(sha(text));
    });
    expect(scripts.size).toBeGreaterThan(0);
    const hashesOf = (name: string) => new Set((d.get(name) ?? []).filter((v) => v.startsWith("'sha256-")));
    expect(hashesOf('script-src')).toEqual(scripts);
    expect(hashesOf('style-src-elem')).toEqual(styles);
  });

  it('writes the same policies as a _headers file for static hosts', () => {
    const file = readFileSync('dist/client/_headers', 'utf8');
    expect(file).toMatch(/^\/tools\/ip-whitelist-checker\/\n {2}Content-Security-Policy: default-src 'self';/m);
    expect(file).toContain("\n/*\n  X-Content-Type-Options: nosniff\n");
  });
});

describe('requests that are wrong on purpose get a clear 4xx, never a 500 or a stack trace', () => {
  const noStack = (body: string) => expect(body).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|Error:/);

  it.each([
    ['a malformed percent-encoding in the path', '/%E0%A4%A.md'],
    ['a malformed percent-encoding in a query', '/api/check/ips?ips=%E0%A4%A'],
    ['a lone percent sign', '/index.md?ask=100%'],
  ])('%s → 400 that says so', async (_what, path) => {
    const res = await fetch(base + path);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toMatch(/malformed percent-encoding/);
    noStack(body);
  });

  it.each([
    '/../../etc/passwd.md', '/..%2f..%2fetc%2fpasswd.md', '/%2e%2e/%2e%2e/package.json.md', '/api/check/../../package.json',
    '/api/check/%2e%2e/%2e%2e/astro.config.mjs', '/a%00b.md',
  ])('a path that tries to leave the site (%s) → 404, never a file', async (path) => {
    const res = await fetch(base + path);
    expect([400, 404]).toContain(res.status);
    const body = await res.text();
    expect(body).not.toContain('"name": "xapy-docs"');
    expect(body).not.toContain('defineConfig');
    noStack(body);
  });

  it('an oversized query → 4xx', async () => {
    const res = await fetch(`${base}/api/check/ips?ips=${'1.1.1.1,'.repeat(4000)}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it.each(['/api/check/ips', '/api/check/key', '/api/check/addresses'])('%s: oversized, deeply nested, wrongly typed or wrongly sent bodies → 4xx with a message', async (path) => {
    const post = (body: string, type = 'application/json') => fetch(base + path, { method: 'POST', headers: { 'Content-Type': type }, body });
    const cases: [Response, number][] = [
      [await post(`{"ips": "${'x'.repeat(70 * 1024)}"}`), 413],
      // Deep nesting within the 64 kB limit: 30,000 levels of arrays, 10,000 of objects.
      [await post(`${'['.repeat(30_000)}${']'.repeat(30_000)}`), 400],
      [await post(`{"exchange":"okx","ips":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`), 400],
      [await post('exchange=okx&ips=1.1.1.1', 'application/x-www-form-urlencoded'), 400],
      [await post('<xml/>', 'text/xml'), 400],
      [await fetch(base + path, { method: 'DELETE' }), 405],
      [await fetch(base + path, { method: 'PATCH', body: '{}' }), 405],
    ];
    for (const [res, status] of cases) {
      expect(res.status, `${path} ${status}`).toBe(status);
      const body = await res.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.length).toBeGreaterThan(10);
      noStack(body.error);
    }
  });

  it('deeply nested key metadata is refused with a message that says so', async () => {
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const res = await fetch(`${base}/api/check/key`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: `{"exchange":"okx","mode":"read-trade","metadata":${deep}}` });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/nested more than \d+ levels deep/);
  });

  it('twins answer other methods without a 500', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await fetch(base + mdPathOf('index'), { method, body: method === 'DELETE' ? undefined : 'x' });
      expect(res.status, method).toBeGreaterThanOrEqual(400);
      expect(res.status, method).toBeLessThan(500);
    }
  });
});
