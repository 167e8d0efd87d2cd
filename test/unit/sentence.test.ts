/** The sentence helper: articles and exchange names read as a person would write them. */
import { describe, expect, it } from 'vitest';
import { exchanges, networks } from '../../src/data/index.ts';
import { article, exchangeName, listOf, withArticle } from '../../src/rules/sentence.ts';

describe('articles', () => {
  it.each([
    ['Ethereum', 'an'], ['Arbitrum', 'an'], ['Optimism', 'an'], ['TRON', 'a'], ['Solana', 'a'], ['USDT', 'a'],
    ['ERC20', 'an'], ['HTX', 'an'], ['OKX', 'an'], ['BNB Smart Chain', 'a'], ['Polygon', 'a'], ['unknown', 'an'],
    ['user', 'a'], ['hour', 'an'], ['TON', 'a'], ['Aptos', 'an'],
  ])('%s → %s', (word, expected) => {
    expect(article(word)).toBe(expected);
  });
  it('the networks in the data', () => {
    expect(Object.fromEntries(networks.map((n) => [n.name, withArticle(n.name)]))).toMatchObject({ Ethereum: 'an Ethereum', TRON: 'a TRON' });
  });
});

describe('exchange names', () => {
  it('match the names in the data files, for every exchange', () => {
    for (const e of exchanges) expect(exchangeName(e.id)).toBe(e.name);
  });
  it('lists read as prose', () => {
    expect(listOf(['“A”'])).toBe('“A”');
    expect(listOf(['“A”', '“B”'])).toBe('“A” and “B”');
    expect(listOf(['“A”', '“B”', '“C”'], 'or')).toBe('“A”, “B” or “C”');
  });
});
