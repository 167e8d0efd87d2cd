/**
 * Ranking rules of ?ask= that a reader sees in the answer. Examples come from the tuned part of the
 * benchmark set (bench/questions.mjs).
 */
import { describe, expect, it } from 'vitest';
import { docsIndex } from '../helpers/docs-pages';
import { ask } from '../../src/agents/ask';
import { exchangeIds } from '../../src/data/index';
import { questionType, traitsOf, withoutChatter } from '../../src/agents/query';
import { terms } from '../../src/agents/text';

const index = docsIndex();
/** The answer to a question asked on the home page; fails the test when the docs refuse it. */
function answered(question: string) {
  const r = ask(index, { question, page: 'index' });
  if (r.kind !== 'answer') throw new Error(`no answer to ${question}`);
  return r;
}

/** Two wordings of a question get the same answer, from the same sources, with the same confidence. */
function answeredAlike(question: string, plain: string) {
  const a = answered(question);
  const b = answered(plain);
  expect(a.answer).toBe(b.answer);
  expect(a.sources).toEqual(b.sources);
  expect(a.confidence).toBe(b.confidence);
}

describe('a question that names an exchange', () => {
  it.each([
    ['What does Binance error -2015 mean?', 'binance', '-2015'],
    ['How do I format the IP list for OKX?', 'okx', 'OKX'],
  ])('%j is answered from what the docs say about that exchange, not another', (question, exchange, fact) => {
    const r = answered(question);
    const others = exchangeIds.filter((id) => id !== exchange);
    for (const s of r.answerSources) for (const id of others) expect(s.url).not.toContain(`/integration/exchanges/${id}.md`);
    expect(r.answer).toContain(fact);
  });

  it.each([
    ['Does a KuCoin key expire without an IP?', 'kucoin'],
    ['OKX withdraw permission without IP binding, what happens?', 'okx'],
    // The guide's facts row, not the IP checker's rule about "this exchange", whichever opens the answer.
    ['Does Gate accept IPv6 addresses in the IP whitelist?', 'gate'],
  ])('%j is answered from that exchange’s guide before a page about every exchange', (question, exchange) => {
    const r = ask(index, { question, page: 'index' });
    expect(r.kind).toBe('answer');
    if (r.kind !== 'answer') return;
    expect(r.sources[0]!.url).toContain(`/integration/exchanges/${exchange}.md`);
  });
});

describe('a question that names no exchange', () => {
  it('is answered from the general page before any one exchange’s guide', () => {
    const r = ask(index, { question: 'Do I need to enable spot, margin or options trading?', page: 'index' });
    expect(r.kind).toBe('answer');
    if (r.kind !== 'answer') return;
    expect(r.sources[0]!.url).toContain('/integration/generate-api-key.md');
    expect(r.answer).toMatch(/not needed/i);
  });
});

describe('the type of a question comes from its first cue', () => {
  it('reads "which exchanges limit …" as a list question and quotes the exchanges, not a quantity', () => {
    const r = ask(index, { question: 'Which exchanges limit API withdrawals to the whitelist?', page: 'index' });
    expect(r.kind).toBe('answer');
    if (r.kind !== 'answer') return;
    for (const name of ['Bitget', 'Bybit', 'OKX']) expect(r.answer).toContain(name);
  });

  it.each([
    ['Which exchanges limit API withdrawals to the whitelist?', 'list'],
    ['What is the maximum number of IP addresses for a Binance API key?', 'quantity'],
    ['Is there a limit on IP addresses per key?', 'quantity'],
    ['Does Gate accept IPv6 addresses in the IP whitelist?', 'yesno'],
  ])('%j is a %s question', (question, type) => {
    expect(questionType(question)).toBe(type);
  });
});

describe('"how long", "how often": the word after "how" asks for a time, it is not the topic', () => {
  it.each([
    ['How long before a new CoinEx key works?', 'integration/exchanges/coinex', '10 minutes'],
    // "How long" can ask for a length too: a count answers it when no time does.
    ['How long can a question to ?ask= be?', 'integration/for-agents', '500 characters'],
  ])('%j is answered with the time or length its page gives', (question, page, fact) => {
    const r = answered(question);
    expect(r.sources[0]!.url).toContain(`/${page}.md`);
    expect(r.answer).toContain(fact);
  });
});

describe('"what does … mean": the word "mean" asks for a meaning, it is not the topic', () => {
  it.each([
    ['What does works with warnings mean in the API key checker?', /will work/],
    ['What does the too-many-entries rule mean?', /caps|cut short/],
  ])('%j is answered by the passage that explains it, not by one that says "means" about something else', (question, fact) => {
    expect(answered(question).answer).toMatch(fact);
  });
});

describe('"do I need …" asks whether something is required', () => {
  it('is answered by the section about that thing, not by a sentence that happens to say "needs"', () => {
    const r = answered('Do I need 2FA on the exchange?');
    expect(r.sources[0]!.url).toContain('/help/security.md');
    expect(r.answer).toContain('two-factor');
  });
});

describe('an IP address in a question', () => {
  it.each([
    ['I put 192.168.1.5 on my key, is that a problem?', /private/],
    ['Can I whitelist 127.0.0.1 on my key?', /loopback/],
  ])('%j is read as the kind of address it is, and answered by the rule about that kind', (question, kind) => {
    const r = answered(question);
    expect(r.sources[0]!.url).toContain('/tools/ip-whitelist-checker.md');
    expect(r.answer).toMatch(kind);
  });
});

describe('a time in weeks, months or years, or a unit of time asked for', () => {
  it.each([
    ['What happens to an OKX key with no IP after two weeks unused?', 'integration/exchanges/okx', '14 days'],
    ['Is a Gate key with no IP still valid after 3 months?', 'integration/exchanges/gate', '90 days'],
    // With no number, the unit only says that a length of time is asked for, in whatever unit the docs give it.
    ['How many weeks does an OKX key with Trade and no IP last without use?', 'integration/exchanges/okx', '14 days'],
    ['How many hours does Bitget block withdrawals after I change my security settings?', 'integration/exchanges/bitget', '24 hours'],
  ])('%j is matched with the time the docs give', (question, page, fact) => {
    const r = answered(question);
    expect(r.sources.slice(0, 3).map((s) => s.url)).toContain(`https://docs.xapy.io/${page}.md`);
    expect(r.answer).toContain(fact);
  });
});

describe('small words of casual questions', () => {
  it.each([
    ['Why doesn’t the key checker see the IPs of my Binance key?', 'Why does the key checker not see the IPs of my Binance key?'],
    ['Besides the key and the secret, what does XAPY ask for on KuCoin?', 'What does XAPY ask for on KuCoin, with the key and the secret?'],
  ])('%j is answered as %j is', answeredAlike);
});

describe('word forms', () => {
  it('meet whatever Porter does to a double consonant: "add", "adds", "added" and "adding" are one term', () => {
    expect(new Set(['add', 'adds', 'added', 'adding'].flatMap((w) => terms(w))).size).toBe(1);
  });
});

describe('a section whose headings say the question in its words', () => {
  it.each([
    ['What does XAPY do with my keys?', 'introduction/readme', 'perpetual futures'],
    ['How do I contact XAPY support?', 'help/contact-us', 'contact@xapy.io'],
  ])('%j is answered from that section', (question, page, fact) => {
    const r = answered(question);
    expect(r.answer).toContain(fact);
    expect(r.sources.slice(0, 2).map((s) => s.url)).toContain(`https://docs.xapy.io/${page}.md`);
  });
});

describe('a sentence that refers back to what its paragraph said', () => {
  it('is quoted with the sentences it sums up, so the answer says what "this" is', () => {
    const r = answered('HTX withdrawal fails for lack of balance although I have USDT in futures');
    expect(r.answer).toContain('Keep this in mind');
    expect(r.answer).toContain('withdraws from the spot account only');
    expect(r.answer.indexOf('spot account only')).toBeLessThan(r.answer.indexOf('Keep this in mind'));
  });

  it('is quoted with the sentence before it when it says "such a" anywhere, so the answer says what "such" is', () => {
    const r = answered('Binance futures calls fail although Enable Futures is ticked');
    expect(r.answer).toContain('such an account');
    expect(r.answer).toContain('portfolio margin');
  });
});

describe('a sentence that sends the reader to another page', () => {
  it('leads the sources with that page when the answer quotes it too', () => {
    const r = answered('How do I send my checker report to support?');
    expect(r.answer).toContain('see Contact XAPY');
    expect(r.sources[0]!.url).toBe('https://docs.xapy.io/help/contact-us.md');
  });
});

describe('the checkers’ pages', () => {
  it.each([
    ['Where does XAPY publish its server IPs?', 'setup/on-crypto-exchanges/server-ips'],
    ['Which networks can I use for USDC?', 'setup/on-crypto-exchanges/whitelist-address'],
  ])('%j, which asks about no check, is answered from the page the checker’s rule comes from', (question, page) => {
    expect(answered(question).sources[0]!.url).toBe(`https://docs.xapy.io/${page}.md`);
  });

  it('still answer a question about a check', () => {
    expect(answered('Can I paste IPv6 addresses or CIDR ranges into the checker?').sources[0]!.url).toBe('https://docs.xapy.io/tools/ip-whitelist-checker.md');
  });
});

describe('"what happens if" is answered by what then happens', () => {
  it('in any tense: "is refused", "cut short"', () => {
    expect(traitsOf('A longer list is refused or cut short.').consequence).toBe(true);
    expect(traitsOf('Each exchange caps how many addresses one key may hold.').consequence).toBe(false);
    expect(answered('What if my list has more IPs than the exchange allows?').answer).toMatch(/refused or cut short/);
  });
});

describe('a list item nearly as good as the best sentence', () => {
  it('is quoted with it', () => {
    const r = answered('How do I send my checker report to support?');
    expect(r.answer).toContain('Copy report (Markdown)');
  });
});

describe('typos', () => {
  it.each([
    // The stem of a misspelt word ("permissin") is two edits from the docs' stem ("permiss"): the word as typed is corrected.
    ['Gate read-write permissins', 'Gate read-write permissions'],
    ['Can XAPY edit my withdraal whitelist?', 'Can XAPY edit my withdrawal whitelist?'],
    // A misspelt small word is a small word, not the rarest word of the question.
    ['How long befre a new CoinEx key works?', 'How long before a new CoinEx key works?'],
    ['Why would XAPY need to move funds betwen exchanges?', 'Why would XAPY need to move funds between exchanges?'],
    // A word of four letters is corrected only into an exchange's name.
    ['Can a bybt sub-account key withdraw?', 'Can a bybit sub-account key withdraw?'],
  ])('%j is answered as %j is', answeredAlike);

  // An exchange named by its website is that exchange.
  it.each([
    ['okx.com api key without ip binding expiry', 'okx api key without ip binding expiry'],
    ['Does a www.kucoin.com key expire without an IP?', 'Does a kucoin key expire without an IP?'],
  ])('%j is answered as %j is', answeredAlike);

  it('do not turn a question about something else into a docs question', () => {
    for (const question of ['How do I clean my oven?', 'What is the meaning of life?', 'How do I bake sourdough bread?']) expect(ask(index, { question, page: 'index' }).kind).toBe('none');
  });

  // "house" is one letter from "hour", "office" from "official"; both are English words, and as common.
  it.each(['Where can I buy a new house key?', 'How do I update my address at the post office?'])('leave an English word as typed: %j is refused', (question) => {
    expect(ask(index, { question, page: 'index' }).kind).toBe('none');
  });

  // Without "hour" and "official", the house key and the post office hold only words the docs use
  // everywhere (key, address) besides a word or two they use elsewhere; a question that names an
  // exchange is about the docs' domain, and one word the docs never use does not make it off-topic.
  it('still answer a question that names an exchange and holds one English word the docs never use', () => {
    expect(answered('My KuCoin key evaporated after a month of not using it').sources[0]!.url).toBe('https://docs.xapy.io/integration/exchanges/kucoin.md');
  });

  // "sever" is an English word too, but a rarer one than "server", which the question more likely means.
  it('still correct an English word into a more common one', () => {
    const typo = answered('XAPY added a sever, what do I need to change?');
    const plain = answered('XAPY added a server, what do I need to change?');
    expect(typo.sources[0]).toEqual(plain.sources[0]);
    expect(typo.answer).toContain('When XAPY adds or retires a server');
  });
});


describe('talk around a question', () => {
  it.each([
    ['Hi, quick question: how many IPs can a KuCoin key have?', 'How many IPs can a KuCoin key have?'],
    ['Quick question about my setup: What does OKX error 50110 mean?', 'What does OKX error 50110 mean?'],
    ['Does Gate accept IPv6 addresses in the IP whitelist? Thanks in advance!', 'Does Gate accept IPv6 addresses in the IP whitelist?'],
  ])('%j is answered as %j is', answeredAlike);

  it('is left alone when it is what the question asks about', () => {
    expect(withoutChatter('How long can a question to ?ask= be?')).toBe('How long can a question to ?ask= be?');
    expect(withoutChatter('Thanks!')).toBe('Thanks!');
  });
});

describe('a sentence that sets the scene before the question', () => {
  it.each([
    ['I am setting up XAPY. Can a Bitget key withdraw from any IP?', 'integration/exchanges/bitget', /IP bound|whitelisted IP/],
    ['I am setting up XAPY. What is the name of the OKX withdrawal whitelist?', 'integration/exchanges/okx', /Allowlist/],
  ])('%j weighs less than the question, which is answered', (question, page, fact) => {
    const r = answered(question);
    expect(r.sources[0]!.url).toBe(`https://docs.xapy.io/${page}.md`);
    expect(r.answer).toMatch(fact);
  });

  it('still names what the question is about when the question does not ("Will it work?")', () => {
    expect(answered('My Binance key is older than my futures account. Will it work?').answer).toContain('futures account');
  });
});

describe('a section that holds half the question but ranks below one that holds less', () => {
  it('answers: the question is on topic, and that section is quoted', () => {
    // Full-text relevance puts a section about keys that stop working first (under half the question's
    // weight); the security page's rotation tips hold more of it.
    const r = answered('How do I swap an old key for a new one without XAPY stopping?');
    expect(r.sources[0]!.url).toBe('https://docs.xapy.io/help/security.md');
    expect(r.answer).toContain('create the new one first');
  });
});
