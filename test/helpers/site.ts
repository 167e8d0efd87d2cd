/** Helpers for tests against the built site: the page list from the source tree, URL mapping. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { SITE } from '../../src/nav.ts';

/** Every docs page id, read from src/content/docs (so a new page is tested without editing tests). */
export function docIds(dir = 'src/content/docs'): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.mdx?$/.test(e.name)) out.push(relative(dir, p).replace(/\.mdx?$/, '').replace(/\/index$/, ''));
    }
  };
  walk(dir);
  return out.sort();
}

export const htmlPathOf = (id: string) => (id === 'index' ? '/' : `/${id}/`);
export const mdPathOf = (id: string) => `/${id}.md`;

/** Maps a production URL (https://docs.xapy.io/…) or a root-relative one onto the test server. */
export function local(baseUrl: string, url: string): string {
  if (url.startsWith(SITE)) return baseUrl + url.slice(SITE.length);
  if (url.startsWith('/')) return baseUrl + url;
  return url;
}

/** Asserts an API error answer: the status, JSON, and exactly `{"error": "…"}` matching `message`. */
export async function expectJsonError(res: Response, status: number, message: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = await res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).toMatch(message);
}
