/**
 * Compression as a phone's browser sees it: every kind of response comes Brotli- or gzip-encoded
 * when the client accepts it, decodes to exactly what an uncompressed request gets, says so in
 * Vary, and keeps working with caches (ETag, 304), HEAD and byte-range requests. Static files come
 * from the build's precompressed copies (scripts/precompress.mjs), which are smaller than
 * on-the-fly compression.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A request whose body is not decoded (fetch would decode it and hide the encoding). */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

const samples = [
  ['a guide', '/integration/exchanges/okx/', {}],
  ['the home page', '/', {}],
  ['a stylesheet', null, {}],
  ['llms.txt', '/llms.txt', {}],
  ['a Markdown twin', '/integration/exchanges/okx.md', {}],
  ['a ?ask= answer', `/integration/exchanges/okx.md?${new URLSearchParams({ ask: 'Which permissions does XAPY need?' })}`, {}],
  ['a page asked for as Markdown', '/integration/exchanges/okx/', { Accept: 'text/markdown' }],
  ['an API answer', `/api/check/ips?${new URLSearchParams({ ips: Array.from({ length: 60 }, (_, i) => `8.8.${i}.1`).join(',') })}`, {}],
  ['a 404 page', '/no/such/page/', {}],
] as const;

async function stylesheet(): Promise<string> {
  const html = decode(await raw('/')).toString();
  return /href="(\/_astro\/[^"]+\.css)"/.exec(html)![1]!;
}

describe('compression', () => {
  for (const [name, path, headers] of samples) {
    it(`${name}: Brotli and gzip decode to the uncompressed response`, async () => {
      const url = path ?? (await stylesheet());
      const plain = await raw(url, { ...headers, 'Accept-Encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      for (const encoding of ['br', 'gzip']) {
        const r = await raw(url, { ...headers, 'Accept-Encoding': encoding });
        expect(r.status).toBe(plain.status);
        expect(r.headers['content-encoding']).toBe(encoding);
        expect(String(r.headers.vary)).toMatch(/Accept-Encoding/);
        expect(r.headers['content-type']).toBe(plain.headers['content-type']);
        expect(r.body.length).toBeLessThan(plain.body.length);
        expect(decode(r).toString()).toBe(plain.body.toString());
      }
    });
  }

  it('prefers Brotli when the client accepts both, as browsers do', async () => {
    const r = await raw('/integration/exchanges/okx/', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(r.headers['content-encoding']).toBe('br');
  });

  it('sends static pages from the build’s copies: smaller than gzip at its usual level, cacheable, HEAD without a body', async () => {
    const guide = '/integration/exchanges/okx/';
    const br = await raw(guide, { 'Accept-Encoding': 'br' });
    const { gzipSync } = await import('node:zlib');
    expect(br.body.length).toBeLessThan(gzipSync(decode(br), { level: 6 }).length);
    expect(br.headers['content-length']).toBe(String(br.body.length));
    const etag = String(br.headers.etag);
    expect((await raw(guide, { 'Accept-Encoding': 'br', 'If-None-Match': etag })).status).toBe(304);
    const head = await raw(guide, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    // The security headers come with the compressed copy too.
    expect(br.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(br.headers['x-content-type-options']).toBe('nosniff');
  });

  it('revalidates a compressed copy by its ETag alone, and answers a byte range with the whole page', async () => {
    const guide = '/integration/exchanges/okx/';
    const full = await raw(guide, { 'Accept-Encoding': 'br' });
    expect(full.headers.etag).toBeTruthy();
    expect(full.headers['last-modified']).toBeUndefined();
    expect(full.headers['accept-ranges']).toBeUndefined();
    const ranged = await raw(guide, { 'Accept-Encoding': 'br', Range: 'bytes=0-99' });
    expect(ranged.status).toBe(200);
    expect(decode(ranged).toString()).toBe(decode(full).toString());
  });

  it('keeps hashed assets cacheable for a year', async () => {
    const r = await raw(await stylesheet(), { 'Accept-Encoding': 'br' });
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('cannot be led outside the build by an encoded path', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/_astro/..%2f..%2f..%2fpackage.json']) {
      const r = await raw(path, { 'Accept-Encoding': 'br, gzip' });
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
      expect(decode(r).toString(), path).not.toContain('"devDependencies"');
    }
  });
});
