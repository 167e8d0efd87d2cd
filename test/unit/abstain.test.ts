/**
 * ?ask= refuses questions about something the docs never mention, even when a word or two of them
 * happens to match a section ("buy" → the Read + Trade box). Examples from the tuned part of the
 * benchmark set (bench/questions.mjs); the held-out part is never used here.
 */
import { describe, expect, it } from 'vitest';
import { docsIndex } from '../helpers/docs-pages';
import { ask } from '../../src/agents/ask';
import { analyze, conceptsTogether, MAX_UNKNOWN_SHARE, offTopic, rank, unknownConcepts } from '../../src/agents/retrieve';

const index = docsIndex();

describe('off-topic questions', () => {
  it.each([
    'How do I bake sourdough bread?',
    'Should I buy Ethereum now?',
    'How many legs does a spider have?',
    'How do I install Python on Windows?',
    'Recommend a good science fiction novel',
  ])('refuses %j', (question) => {
    expect(offTopic(index, analyze(index, question))).toBe(true);
    expect(ask(index, { question, page: 'index' }).kind).toBe('none');
  });

  it('names the words the docs never use', () => {
    expect(unknownConcepts(index, analyze(index, 'Should I buy Ethereum now?'))).toEqual(['Ethereum']);
  });
});

describe('questions whose words the docs use, but never together', () => {
  // Every word is in the docs ("Australia" in OKX's regional domains, "flag" and "capitals" elsewhere),
  // yet no section holds two of them: nothing there is about the question.
  it.each(['What colour is the Australia flag?', 'How many capitals are there in the world?'])('refuses %j', (question) => {
    const q = analyze(index, question);
    expect(unknownConcepts(index, q)).toEqual([]);
    expect(conceptsTogether(rank(index, q))).toBe(1);
    expect(ask(index, { question, page: 'index' }).kind).toBe('none');
  });

  it('still answers a two-word question whose words meet in one section', () => {
    const question = 'okx passphrase';
    expect(conceptsTogether(rank(index, question))).toBe(2);
    expect(ask(index, { question, page: 'index' }).kind).toBe('answer');
  });
});

describe('docs questions with words the docs do not use', () => {
  it.each([
    // One word in five the docs never use ("downtime") does not make a question off-topic.
    ['How do I rotate an API key without downtime?', 'help/security'],
    // Other spellings and words count as known when the thesaurus or a correction maps them.
    ['huobi key without ip binding, does it expire?', 'integration/exchanges/htx'],
    ['What is the maximum number of IP addresses for a Binance API key?', 'integration/exchanges/binance'],
  ])('answers %j', (question, page) => {
    const q = analyze(index, question);
    expect(unknownConcepts(index, q).length / q.concepts.length).toBeLessThan(MAX_UNKNOWN_SHARE);
    const r = ask(index, { question, page: 'index' });
    expect(r.kind).toBe('answer');
    if (r.kind === 'answer') expect(r.sources[0]!.url).toContain(`/${page}.md`);
  });
});

describe('an account or a password of something the docs never mention', () => {
  // The docs' words (reset, password, email, account) in one section, but about a password manager
  // and email drafts: an email account is one thing the docs never mention.
  it.each(['How do I reset the password of my email account?', 'How do I reset my Gmail password?', 'How do I turn on two-step login for my Facebook account?'])('refuses %j', (question) => {
    expect(ask(index, { question, page: 'index' }).kind).toBe('none');
  });

  it.each([
    // An exchange's account or password, the docs' own domain (XAPY, API), or "my password" on its own.
    ['My Bybit key stopped working a week after I changed my password', 'integration/exchanges/bybit'],
    ['My Bybit key stopped working after I changed my account password', 'integration/exchanges/bybit'],
    ['Can I keep my API secret in my email account?', 'integration/generate-api-key'],
    ['Where do I store my key passphrase?', 'integration/generate-api-key'],
  ])('still answers %j, from %s among its sources', (question, page) => {
    const r = ask(index, { question, page: 'index' });
    expect(r.kind === 'answer' ? r.sources.map((s) => s.url) : r.kind).toContain(`https://docs.xapy.io/${page}.md`);
  });
});
