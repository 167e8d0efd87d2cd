/**
 * Finds sentences that promise where a Read-Write key can send funds, and checks each promise
 * against the exchanges' `withdrawal.apiLimitedToWhitelist` facts. A sentence may promise:
 * - for named exchanges: no more than each named exchange's value (an unconditional promise needs
 *   `always`; one that names the whitelist-only switch also holds for `when-switch-on`);
 * - for exchanges in general: no more than the weakest exchange's value.
 */
import type { Exchange } from '../../src/data/schema.ts';
import { apiLimitOf, apiLimitRank, weakestApiLimit } from '../../src/data/describe.ts';

/** Promises that a key cannot send funds outside the whitelist or the user's own accounts. */
const PROMISES: RegExp[] = [
  /\bonly to the (deposit )?addresses you have whitelisted\b/i,
  /\brefuses? (any )?(other )?addresses outside your whitelist\b/i,
  /\bfunds can (then )?only (travel|move|go)\b/i,
  /\bfunds can (travel|move|go) only\b/i,
  /\b(send|withdraw|move)s? (your )?(funds )?(solely|only) (to|between) (your own|whitelisted|the whitelisted|addresses on)\b/i,
  /\bcan(not|'t|’t) (withdraw|send funds) (anywhere else|to any other address)\b/i,
  /\b(sends?|lets? a key withdraw) (its |a key’s |your )?(withdrawals |funds )?(solely |only )to\b/i,
];
/** The switch named in the sentence: the promise then holds where the exchange limits keys while it is on. */
const MENTIONS_SWITCH = /\b(whitelist-only|switch(es|ed)?|setting|(whitelist|allowlist|it) (is )?on)\b/i;
/** A requirement ("safe only when…") or a question ("see whether…"), not a promise. */
const CONDITION = /\b(safe|only safe) (only )?(when|once|if)\b|\bonly (when|once|if) the exchange\b|\bwhether\b/i;

export interface Overclaim {
  sentence: string;
  reason: string;
}

/** Sentences of a text: split at sentence ends and at line breaks (table rows, list items). */
export const sentencesOf = (text: string) =>
  text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);

/**
 * The sentences of `text` that promise more than the exchanges' data allows. `about` is the exchange
 * a page is about (its guide): sentences there that name no exchange speak for that one.
 */
export function overclaims(text: string, exchanges: Exchange[], about?: Exchange): Overclaim[] {
  const out: Overclaim[] = [];
  const weakest = weakestApiLimit(exchanges);
  for (const sentence of sentencesOf(text)) {
    if (!PROMISES.some((re) => re.test(sentence)) || CONDITION.test(sentence)) continue;
    const needed = MENTIONS_SWITCH.test(sentence) ? apiLimitRank['when-switch-on'] : apiLimitRank.always;
    const named = exchanges.filter((ex) => new RegExp(`\\b${ex.name}\\b`).test(sentence));
    const judged = named.length ? named : about ? [about] : exchanges;
    const short = judged.filter((ex) => apiLimitRank[apiLimitOf(ex)] > needed);
    if (short.length) {
      out.push({
        sentence,
        reason: named.length
          ? `promises more than the data of ${short.map((ex) => `${ex.name} (${apiLimitOf(ex)})`).join(', ')}`
          : `speaks for every exchange, but the weakest is "${weakest}" (${short.map((ex) => ex.name).join(', ')})`,
      });
    }
  }
  return out;
}
