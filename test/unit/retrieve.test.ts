/**
 * Ranking rules of ?ask= that a reader sees in the answer. Examples come from the tuned part of the
 * benchmark set (bench/questions.mjs).
 */
import { describe, expect, it } from 'vitest';
import { docsIndex } from '../helpers/docs-pages';
import { ask } from '../../src/agents/ask';
import { exchangeIds } from '../../src/data/index';

const index = docsIndex();

describe('a question that names an exchange', () => {
  it.each([
    ['What does Binance error -2015 mean?', 'binance', '-2015'],
    ['How do I format the IP list for OKX?', 'okx', 'OKX'],
  ])('%j is answered from what the docs say about that exchange, not another', (question, exchange, fact) => {
    const r = ask(index, { question, page: 'index' });
    expect(r.kind).toBe('answer');
    if (r.kind !== 'answer') return;
    const others = exchangeIds.filter((id) => id !== exchange);
    for (const s of r.answerSources) for (const id of others) expect(s.url).not.toContain(`/integration/exchanges/${id}.md`);
    expect(r.answer).toContain(fact);
  });
});
