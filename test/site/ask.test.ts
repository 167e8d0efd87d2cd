/**
 * `<page>.md?ask=` as an agent meets it: an answer quoted from the docs, excerpts linked to
 * sections, sources, follow-ups that carry the goal, JSON on request, honest misses, clear errors.
 */
import { describe, expect, it, inject } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { local } from '../helpers/site.ts';

const base = inject('baseUrl');
const JSON_ACCEPT = { Accept: 'application/json' };
const askPath = (page: string, question: string, goal?: string) =>
  `/${page}.md?${new URLSearchParams({ ask: question, ...(goal ? { goal } : {}) })}`;
const get = (path: string, headers: Record<string, string> = {}) => fetch(local(base, path), { headers });
const askJson = async (page: string, question: string, goal?: string) => (await get(askPath(page, question, goal), JSON_ACCEPT)).json();
const parse = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;

/** Plain text of a twin, for checking that answers quote it; table cells without their padding. */
const plainOf = (md: string) =>
  md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<(https?:[^>]*)>/g, '$1').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').replace(/ ?\| ?/g, '|').replaceAll(/[*`]/g, '');

/** Every sentence, list item and table row of an answer is in one of the twins, word for word. */
function expectQuotedFromDocs(answer: string, twins: string[]) {
  const allText = plainOf(twins.join(' '));
  for (const block of answer.split(/\n\n/)) {
    const lines = block.split('\n');
    if (lines[0]!.startsWith('|')) {
      for (const row of [lines[0]!, ...lines.slice(2)]) expect(allText, 'every row is in the docs').toContain(plainOf(row));
    } else if (/^(-|\d+\.) /.test(lines[0]!)) {
      for (const item of lines) expect(allText, 'every item is in the docs').toContain(plainOf(item));
    } else {
      for (const s of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(block)) expect(allText, 'every answer sentence is in the docs').toContain(plainOf(s.segment.trim()));
    }
  }
}
const pageOf = (url: string) => new URL(url).pathname.replace(/\.md$/, '').slice(1);

describe('an answer', async () => {
  const question = 'Should I add my own computer’s IP address to the key?';
  const res = await get(askPath('integration/generate-api-key', question, 'keep my funds safe'));
  const md = await res.text();
  const tree = parse(md);

  it('is Markdown with the question as H1, then Excerpts, Sources and Follow-up questions', () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(md.startsWith(`# ${question}\n`)).toBe(true);
    const h2 = tree.children.flatMap((n) => (n.type === 'heading' && n.depth === 2 ? [md.slice(n.position!.start.offset, n.position!.end.offset)] : []));
    expect(h2).toEqual(['## Excerpts', '## Sources', '## Follow-up questions']);
  });

  it('carries caching and no-index headers suited to a computed answer', () => {
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    expect(res.headers.get('vary')).toMatch(/Accept/);
  });

  it('answers only with sentences that appear in the docs, and the excerpts verbatim', async () => {
    const data = await askJson('integration/generate-api-key', question, 'keep my funds safe');
    expect(data.answer).toMatch(/Do not add your own computer’s address/);
    const twins = new Map<string, string>();
    for (const e of data.excerpts) {
      const page = pageOf(e.url);
      if (!twins.has(page)) twins.set(page, await (await get(`/${page}.md`)).text());
      expect(twins.get(page)).toContain(e.text.split('\n').at(-1)); // each excerpt block is a slice of its page
      expect(e.url).toMatch(/^https:\/\/docs\.xapy\.io\/.+\.md(#[a-z0-9-_]+)?$/);
      expect(e.score).toBeGreaterThan(0);
      expect(e.score).toBeLessThanOrEqual(1);
    }
    for (const page of data.sources.map((s: { url: string }) => pageOf(s.url))) if (!twins.has(page)) twins.set(page, await (await get(`/${page}.md`)).text());
    expectQuotedFromDocs(data.answer, [...twins.values()]);
  });

  it('links every excerpt to a section that exists', async () => {
    const data = await askJson('integration/generate-api-key', question);
    for (const e of data.excerpts) {
      const [path, id] = e.url.split('#');
      if (!id) continue;
      const section = await get(`${path}?section=${id}`);
      expect(section.status, e.url).toBe(200);
    }
  });

  it('lists sources as page titles with .md URLs', async () => {
    const data = await askJson('integration/generate-api-key', question);
    expect(data.sources.length).toBeGreaterThan(0);
    for (const s of data.sources) {
      expect(s).toEqual({ title: expect.any(String), url: expect.stringMatching(/^https:\/\/docs\.xapy\.io\/.+\.md$/) });
      expect((await get(s.url)).status).toBe(200);
    }
  });

  it('offers follow-up questions as ready-to-GET ?ask= links that carry the goal forward', async () => {
    const data = await askJson('integration/generate-api-key', question, 'keep my funds safe');
    expect(data.followUps.length).toBeGreaterThan(0);
    for (const f of data.followUps) {
      const url = new URL(f.url);
      expect(url.pathname).toMatch(/\.md$/);
      expect(url.searchParams.get('ask')).toBe(f.question);
      expect(url.searchParams.get('goal')).toBe('keep my funds safe');
      const follow = await get(f.url, JSON_ACCEPT);
      expect(follow.status).toBe(200);
      expect((await follow.json()).question).toBe(f.question);
    }
  });

  it('returns the same answer as JSON when asked for JSON', async () => {
    const res = await get(askPath('integration/generate-api-key', question), JSON_ACCEPT);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const data = await res.json();
    expect(Object.keys(data)).toEqual(['question', 'answer', 'confidence', 'excerpts', 'sources', 'followUps']);
    expect(data.confidence).toBeGreaterThan(0.5);
    expect(data.question).toBe(question);
    const markdown = await (await get(askPath('integration/generate-api-key', question))).text();
    expect(markdown).toContain(data.answer.split('\n')[0]);
    for (const s of data.sources) expect(markdown).toContain(`[${s.title}](${s.url})`);
  });
});

describe('questions in users’ words (issue 13), on the built site', () => {
  it('answers "how many IPs" on the OKX guide with OKX’s limit, and says where it comes from', async () => {
    for (const q of ['how many IPs', 'how many IPs can I bind']) {
      const data = await askJson('integration/exchanges/okx', q);
      expect(data.answer).toMatch(/OKX allows up to \d+ addresses per key/);
      expect(pageOf(data.sources[0].url)).toBe('integration/exchanges/okx');
    }
  });

  it('quotes the table of supported exchanges for "which exchanges", every row verbatim', async () => {
    const data = await askJson('index', 'Which exchanges does XAPY support?');
    for (const name of ['Binance', 'Bitget', 'Bybit', 'CoinEx', 'Gate', 'HTX', 'KuCoin', 'OKX']) expect(data.answer).toContain(name);
    const twins = await Promise.all(data.sources.map(async (s: { url: string }) => (await get(s.url)).text()));
    expectQuotedFromDocs(data.answer, twins);
  });

  it('says when an answer is partial, in Markdown and JSON', async () => {
    const q = 'Does XAPY support Kraken futures like Binance does?';
    const md = await (await get(askPath('index', q))).text();
    expect(md).toMatch(/This answer is partial: .*Kraken/);
    const data = await askJson('index', q);
    expect(data).toMatchObject({ partial: true, unmatched: expect.arrayContaining(['Kraken']) });
  });
});

describe('page-awareness and goals', () => {
  it('prefers the sections of the page asked on when they answer the question', async () => {
    // Both pages answer this: the key-creation guide in its storage advice, the security page in its own section.
    const question = 'What should I do if my secret leaks?';
    const onSecurity = await askJson('help/security', question);
    const onGuide = await askJson('integration/generate-api-key', question);
    expect(pageOf(onSecurity.excerpts[0].url)).toBe('help/security');
    expect(pageOf(onGuide.excerpts[0].url)).toBe('integration/generate-api-key');
  });

  it('does not pull in the page asked on when it does not answer', async () => {
    const data = await askJson('help/contact-us', 'What does the Read-Write permission level let XAPY do?');
    expect(pageOf(data.excerpts[0].url)).toBe('integration/generate-api-key');
  });

  it('lets the goal shape the ranking', async () => {
    const question = 'Which permission level should I choose?';
    const order = async (goal: string) =>
      (await askJson('integration/generate-api-key', question, goal)).excerpts.map((e: { url: string }) => new URL(e.url).hash);
    const rebalance = await order('let XAPY rebalance automatically between exchanges');
    const tradeOnly = await order('I will move funds myself, XAPY should only trade');
    expect(rebalance[0]).toBe('#read-write');
    expect(rebalance.indexOf('#read--trade')).toBeGreaterThan(tradeOnly.indexOf('#read--trade'));
    expect(tradeOnly.indexOf('#read-write')).toBeGreaterThan(rebalance.indexOf('#read-write'));
  });
});

describe('edge cases', () => {
  it.each(['', '   ', '<question>', '{question}', '?'])('an empty or placeholder question (%j) gets 200 with how to ask', async (q) => {
    const res = await get(`/tools/ip-whitelist-checker.md?ask=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toMatch(/^# Ask these docs/);
    expect(md).toContain('https://docs.xapy.io/tools/ip-whitelist-checker.md?ask=');
  });

  it('a question the docs cannot answer gets an honest miss, with the closest pages', async () => {
    const res = await get(askPath('index', 'How do I bake sourdough bread with an API key?'));
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toContain('No answer found in these docs');
    expect(md).toMatch(/## Closest pages\n\n- \[/);
    expect(md).not.toContain('## Excerpts');
    const data = await askJson('index', 'What is the capital of France?');
    expect(data.answer).toBeNull();
    expect(data.excerpts).toEqual([]);
    expect(data.message).toMatch(/No answer found/);
  });

  it('a question over 500 characters gets 400 with a message, in the format asked for', async () => {
    const long = 'Which permissions does the key need? '.repeat(20);
    const res = await get(askPath('index', long));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/at most 500/);
    const asJson = await get(askPath('index', long), JSON_ACCEPT);
    expect(asJson.status).toBe(400);
    expect((await asJson.json()).error).toMatch(/at most 500/);
    expect((await get(askPath('index', 'Which permissions?', 'x'.repeat(501)))).status).toBe(400);
  });

  it('odd input never causes a server error', async () => {
    for (const q of ['%%%', '"><script>alert(1)</script>', '日本語の質問', '\u0000', 'a'.repeat(500), '((((', '*'.repeat(40)]) {
      const res = await get(askPath('index', q));
      expect(res.status, q).toBe(200);
    }
  });
});
