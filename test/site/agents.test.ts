/**
 * What every agent surface promises besides `?ask=`: the twin's opening pointer and closing
 * instructions, `?section=`, `/search.md`, llms-full.txt and the /.well-known alias.
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
const get = (path: string, headers: Record<string, string> = {}) => fetch(local(base, path), { headers });
const parse = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;

/** The heading ids a twin's `?section=` accepts, read from its 404 listing. */
async function sectionIds(id: string): Promise<string[]> {
  const res = await get(`${mdPathOf(id)}?section=no-such-section`);
  expect(res.status).toBe(404);
  const out: string[] = [];
  visit(parse(await res.text()), 'link', (l) => {
    const s = new URL(l.url).searchParams.get('section');
    if (s) out.push(s);
  });
  return out;
}

describe('every twin', () => {
  it.each(ids)('%s.md opens with a pointer to llms.txt and closes with agent instructions', async (id) => {
    const md = await (await get(mdPathOf(id))).text();
    const tree = parse(md);
    expect(tree.children[0]?.type).toBe('blockquote');
    expect(md.split('\n')[0]).toMatch(/^> .*https:\/\/docs\.xapy\.io\/llms\.txt/);
    expect(tree.children[1]).toMatchObject({ type: 'heading', depth: 1 });
    const tail = md.slice(md.lastIndexOf('\n## Agent instructions\n'));
    expect(tail.length).toBeGreaterThan(30);
    expect(tail).toContain(`https://docs.xapy.io${mdPathOf(id)}?ask=`);
    expect(tail).toMatch(/\?section=|\.md\)/);
    expect(tail).toContain('/search.md?q=');
    expect(tail).toContain('/api/check/ips');
  });
});

describe('?section=', () => {
  it.each(ids)('%s: every section id is a heading id on the HTML page, and serves that section', async (id) => {
    const sections = await sectionIds(id);
    const html = await (await get(htmlPathOf(id))).text();
    for (const s of sections) {
      expect(html, `${id} has id="${s}"`).toContain(`id="${s}"`);
      const res = await get(`${mdPathOf(id)}?section=${s}`);
      expect(res.status).toBe(200);
      const tree = parse(await res.text());
      expect(tree.children[0]?.type, 'a line naming the page').toBe('blockquote');
      expect(tree.children[1]?.type, 'then the section heading').toBe('heading');
    }
  });

  it('returns the section with its sub-sections and nothing after it', async () => {
    const md = await (await get('/integration/generate-api-key.md?section=choose-a-permission-level')).text();
    expect(md).toContain('## Choose a permission level');
    expect(md).toContain('### Read + Trade');
    expect(md).toContain('### Read-Write');
    expect(md).not.toContain('## Bind the key');
    const sub = await (await get('/integration/generate-api-key.md?section=read-write')).text();
    expect(sub).toContain('### Read-Write');
    expect(sub).not.toContain('### What each level allows');
  });

  it('an unknown id gets 404 listing the page’s section ids', async () => {
    const res = await get('/integration/generate-api-key.md?section=nope');
    expect(res.status).toBe(404);
    const md = await res.text();
    expect(md).toMatch(/^# Section not found/);
    expect(md).toContain('`nope`');
    expect(await sectionIds('integration/generate-api-key')).toEqual(expect.arrayContaining(['choose-a-permission-level', 'read-write', 'create-the-key']));
  });
});

describe('/search.md', () => {
  it('ranks sections with excerpts and .md links', async () => {
    const res = await get('/search.md?q=withdrawal%20whitelist');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const md = await res.text();
    expect(md).toMatch(/^# Search: withdrawal whitelist/);
    expect(md).toMatch(/## 1\. \[[^\]]+\]\(https:\/\/docs\.xapy\.io\/setup\/on-crypto-exchanges\/whitelist-address\.md/);
    expect(md).toMatch(/\n> /);
  });

  it('answers JSON with the same results', async () => {
    const res = await get('/search.md?q=withdrawal%20whitelist', { Accept: 'application/json' });
    const data = await res.json();
    expect(data.query).toBe('withdrawal whitelist');
    expect(data.results.length).toBeGreaterThan(1);
    for (const r of data.results) expect(r).toEqual({ title: expect.any(String), url: expect.stringMatching(/\.md(#.+)?$/), score: expect.any(Number), excerpt: expect.any(String) });
    const scores = data.results.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('explains itself without terms, says so when nothing matches, and refuses over-long terms', async () => {
    expect(await (await get('/search.md')).text()).toMatch(/^# Search these docs/);
    expect(await (await get('/search.md?q=zzyzx')).text()).toContain('No section of these docs matches');
    const res = await get(`/search.md?q=${'a'.repeat(501)}`);
    expect(res.status).toBe(400);
  });
});

describe('unknown .md', () => {
  it('is a 404 whose Markdown suggests the closest pages by title and points to llms.txt', async () => {
    const res = await get('/setup/server-ip-list.md');
    expect(res.status).toBe(404);
    const md = await res.text();
    expect(md).toContain('/llms.txt');
    expect(md).toMatch(/The closest pages:\n\n- \[[^\]]+\]\(https:\/\/docs\.xapy\.io\/setup\/on-crypto-exchanges\/server-ips\.md\)/);
  });
});
