/**
 * How agents find the Markdown from an HTML URL: `Accept: text/markdown` gets the twin, HTML
 * carries a `Link` header and a `<link rel="alternate">` to it, plus a visually hidden pointer to
 * llms.txt; browsers and `*\/*` still get HTML. The page actions are plain links.
 */
import { describe, expect, it, inject } from 'vitest';
import { docIds, htmlPathOf, local, mdPathOf } from '../helpers/site.ts';

const base = inject('baseUrl');
const ids = docIds();
const get = (path: string, headers: Record<string, string> = {}) => fetch(local(base, path), { headers });
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('content negotiation', () => {
  it.each(ids)('%s: Accept: text/markdown gets the twin, with Vary: Accept', async (id) => {
    const res = await get(htmlPathOf(id), { Accept: 'text/markdown' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('vary')).toMatch(/Accept/);
    expect(await res.text()).toBe(await (await get(mdPathOf(id))).text());
  });

  it('Markdown must outrank HTML: browsers, */* and no Accept get HTML', async () => {
    for (const accept of [BROWSER_ACCEPT, '*/*', '', 'text/markdown;q=0.5, text/html']) {
      const res = await get('/integration/generate-api-key/', accept ? { Accept: accept } : {});
      expect(res.headers.get('content-type'), accept).toMatch(/text\/html/);
    }
    const both = await get('/integration/generate-api-key', { Accept: 'text/markdown, text/html;q=0.8' });
    expect(both.headers.get('content-type')).toMatch(/text\/markdown/);
  });

  it('keeps the query string, so ?ask= works on the HTML URL too', async () => {
    const res = await get('/integration/generate-api-key/?ask=Which%20permissions%20does%20Read-Write%20add%3F', { Accept: 'text/markdown' });
    expect(await res.text()).toMatch(/^# Which permissions does Read-Write add\?\n/);
  });

  it('leaves files alone', async () => {
    const res = await get('/servers.json', { Accept: 'text/markdown' });
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await get('/llms.txt', { Accept: 'text/markdown' })).headers.get('content-type')).toMatch(/text\/plain/);
  });
});

describe('every HTML page points agents at its Markdown', () => {
  it.each(ids)('%s: Link header, <link rel="alternate">, hidden llms.txt line, page actions', async (id) => {
    const res = await get(htmlPathOf(id), { Accept: BROWSER_ACCEPT });
    expect(res.headers.get('vary')).toMatch(/Accept/);
    const link = res.headers.get('link') ?? '';
    expect(link).toContain(`<${mdPathOf(id)}>; rel="alternate"; type="text/markdown"`);
    const html = await res.text();
    expect(html).toContain(`<link rel="alternate" type="text/markdown" href="${mdPathOf(id)}"`);
    // Visually hidden, out of the search index and out of the Tab order, but in the HTML agents read.
    expect(html).toMatch(/<p class="sr-only" data-pagefind-ignore>For AI agents:[^<]*<a href="[^"]+\.md" tabindex="-1">[\s\S]*?<a href="\/llms\.txt" tabindex="-1">/);
    expect(html).toContain(`<a href="${mdPathOf(id)}"`);
    // Laid out from the first paint (no layout shift); its stylesheet hides it where scripting is off.
    expect(html).toMatch(/<copy-page[^>]*>/);
    expect(html).not.toMatch(/<copy-page[^>]* hidden/);
    for (const chat of ['https://chatgpt.com/?q=', 'https://claude.ai/new?q=']) {
      const href = html.match(new RegExp(`href="(${chat.replace(/[?.]/g, '\\$&')}[^"]+)"`))?.[1];
      expect(href, chat).toBeTruthy();
      expect(decodeURIComponent(new URL(href!.replaceAll('&amp;', '&')).searchParams.get('q') ?? '')).toContain(`https://docs.xapy.io${mdPathOf(id)}`);
    }
    expect((await get(mdPathOf(id))).status).toBe(200);
  });
});
