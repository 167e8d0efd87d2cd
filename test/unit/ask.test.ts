/**
 * `?ask=` on questions asked in users' words (issue 13), against the index built from the pages'
 * sources, as the server builds it: the answer holds the fact, the page asked on answers first
 * when it can, lists and tables are quoted as answers, and the answer says how sure it is.
 */
import { describe, expect, it } from 'vitest';
import { docsIndex } from '../helpers/docs-pages';
import { ask, askJson, askMarkdown, type AskResult } from '../../src/agents/ask';
import { exchanges } from '../../src/data/index';
import { pageMarkdown } from '../../src/agents/pages';
import { docPages } from '../helpers/docs-pages';

const index = docsIndex();
const answer = (question: string, page = 'index') => {
  const result = ask(index, { question, page });
  if (result.kind !== 'answer') throw new Error(`no answer to ${question}`);
  return result;
};
const pageOf = (url: string) => new URL(url).pathname.replace(/^\//, '').replace(/\.md$/, '');
const limitOf = (id: string) => exchanges.find((e) => e.id === id)!.ip.maxPerKey.value;

describe('questions in users’ words', () => {
  it('answers a maximum with the number the guide gives', () => {
    const a = answer('What is the maximum number of IP addresses for a Binance API key?');
    expect(a.answer).toContain(`up to ${limitOf('binance')}`);
    expect(a.sources.slice(0, 3).map((s) => pageOf(s.url))).toContain('integration/exchanges/binance');
  });

  it('understands custody as holding funds, and quotes the no', () => {
    expect(answer('Does XAPY hold custody of my funds?').answer).toMatch(/\bNo\b|never/);
  });

  it('finds the rule to follow before a key may withdraw', () => {
    expect(answer('What must I finish before giving my API key withdrawal permission?').answer).toMatch(/whitelist/i);
  });

  it('lists every supported exchange for "which exchanges", from the table', () => {
    const a = answer('Which exchanges does XAPY support?');
    for (const e of exchanges) expect(a.answer).toContain(e.name);
  });

  it.each(['how many IPs', 'how many IPs can I bind'])('answers "%s" on the OKX guide with OKX’s limit, not another exchange’s', (q) => {
    const a = answer(q, 'integration/exchanges/okx');
    expect(a.answer).toContain(`up to ${limitOf('okx')}`);
    expect(a.answer).not.toMatch(/Bybit/);
    expect(pageOf(a.sources[0]!.url)).toBe('integration/exchanges/okx');
  });

  it('refuses a question the docs do not answer', () => {
    expect(ask(index, { question: 'How do I bake sourdough bread?', page: 'index' }).kind).toBe('none');
  });
});

describe('answers that hold the answer', () => {
  it('quotes a masked address whole: a full stop inside a token does not end a sentence', () => {
    expect(answer('Why does KuCoin show my IPs with stars in the middle?').answer).toMatch(/203\.(\\\*)+\.154/);
  });

  it('quotes a heading that states the answer above the sentence under it', () => {
    const a = answer('Are changes to a Gate key instant?');
    expect(a.answer).toMatch(/^\*\*Changes to a Gate key are not instant\*\*\n\nGate says/);
    // A heading that asks ("What XAPY does with your keys") is not an answer.
    expect(answer('What does XAPY do with my keys?').answer).not.toMatch(/^\*\*What/);
  });

  it('does not answer from a page’s introduction because the page’s description mentions the topic', () => {
    expect(answer('How do I rotate an API key without downtime?').answer).toContain('create the new one first');
  });

  it('answers "what are …" from the table whose rows are those things, on the page of the best section', () => {
    const a = answer('What are XAPY’s server IP addresses?');
    expect(a.answer).toContain('192.0.2.10');
    expect(pageOf(a.sources[0]!.url)).toBe('setup/on-crypto-exchanges/server-ips');
  });

  it('lists first the page whose sentence opens the answer, not the page of a table quoted below it', () => {
    const a = answer('How do I enter XAPY’s IPs on HTX?');
    expect(a.answer).toMatch(/^Enter them on one line, separated by commas/);
    expect(pageOf(a.sources[0]!.url)).toBe('integration/exchanges/htx');
    expect(pageOf(a.answerSources[0]!.url)).toBe('integration/exchanges/htx');
  });

  it('brings the list a caption names through the paragraph that introduces it', () => {
    const a = answer('kucoin read write boxes');
    expect(a.answer).toContain('Flex Transfer');
    expect(a.answer).toMatch(/Tick:\*\* General; Futures; Flex Transfer; Withdrawal/);
  });
});

describe('a sentence that leaves the detail to the facts box', () => {
  it.each([
    ['huobi key without ip binding, does it expire?', '90 days'],
    ['When does an OKX key with Trade and no linked IP expire?', '14 days'],
  ])('%j is answered with the row of that box as well', (question, fact) => {
    const a = answer(question);
    expect(a.answer).toMatch(/see the facts box/);
    expect(a.answer).toContain(fact);
  });
});

describe('confidence', () => {
  const json = (r: AskResult) => askJson(r) as { confidence?: number; partial?: boolean };
  it('is carried in the JSON, high for a question the docs answer fully', () => {
    const data = json(ask(index, { question: 'How many IP addresses can an OKX key hold?', page: 'index' }));
    expect(data.confidence).toBeGreaterThanOrEqual(0.75);
    expect(data.partial).toBeUndefined();
  });

  it('marks an answer partial in JSON and Markdown when part of the question is not in the docs', () => {
    const result = ask(index, { question: 'Does XAPY support Kraken futures like Binance does?', page: 'index' });
    expect(result.kind).toBe('answer');
    const data = json(result);
    expect(data.partial).toBe(true);
    expect(askMarkdown(result)).toMatch(/This answer is partial.*Kraken/);
  });
});

describe('Markdown twins', () => {
  it('link to the site’s own pages absolutely, so a saved twin keeps every target', () => {
    for (const page of docPages()) {
      const md = pageMarkdown(page);
      expect(md, page.id).not.toMatch(/\]\(\/(?!\/)|^\[[^\]]+\]:\s*\/(?!\/)|<\/(?!\/)[^>\s]*\.md/m);
      expect(md, page.id).toMatch(/\]\(https:\/\/docs\.xapy\.io\//);
    }
  });
});
