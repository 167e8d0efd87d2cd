/**
 * Small helpers that build the checkers' sentences, so that every message gets its articles,
 * exchange names and lists right in one place ("an Ethereum address", "the metadata Binance
 * returns", "“A”, “B” and “C”"). Pure.
 */

/** Words that start with a vowel letter but a consonant sound, and the reverse. */
const CONSONANT_SOUND = /^(?:uni|use|usd|eu|one|once|u[bcfhjkqrstn][aeiou])/i;
const VOWEL_SOUND = /^(?:hour|honest|heir|[aeio]|u)/i;
/** Initialisms read letter by letter whose first letter's name starts with a vowel sound. */
const VOWEL_LETTER = /^[AEFHILMNORSX](?:[A-Z0-9]|$)/;

/** "a" or "an" for the word that follows: "an Ethereum", "a USDT", "an HTX", "a TRC20". */
export function article(word: string): 'a' | 'an' {
  const w = word.trim().replace(/^[“"'(]+/, '');
  if (w === '') return 'a';
  const first = w.split(/[\s-]/)[0]!;
  // An initialism (two capitals or a capital and a digit) is read letter by letter.
  if (/^[A-Z][A-Z0-9]/.test(first)) return VOWEL_LETTER.test(first) ? 'an' : 'a';
  if (/^[0-9]/.test(first)) return /^(?:8|11|18)/.test(first) ? 'an' : 'a';
  if (CONSONANT_SOUND.test(first)) return 'a';
  return VOWEL_SOUND.test(first) ? 'an' : 'a';
}

/** The word with its article: "an Ethereum", "a Tron". */
export function withArticle(word: string): string {
  return `${article(word)} ${word}`;
}

/**
 * An exchange's name as readers know it, from its id. The data files hold the names
 * (test/unit/sentence.test.ts holds this table to them); the table is here so that browser
 * code need not load the data files to name an exchange in a message.
 */
const NAMES: Record<string, string> = { okx: 'OKX', htx: 'HTX', kucoin: 'KuCoin', coinex: 'CoinEx' };
export function exchangeName(id: string): string {
  return NAMES[id] ?? (id.charAt(0).toUpperCase() + id.slice(1));
}

/** "“A”", "“A” and “B”", "“A”, “B” and “C”" (or "or"). */
export function listOf(items: readonly string[], joiner: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items.at(-1)}`;
}

/** The sentence with its first letter in lower case, to continue another: "Lets the key…" → "lets the key…". */
export function continueWith(sentence: string): string {
  return /^[A-Z][a-z]/.test(sentence) ? sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence;
}

/** "1 entry", "3 entries". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
