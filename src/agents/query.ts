/**
 * What a question asks: its concepts (each a set of alternative word groups: the question's own
 * words, what the thesaurus says the docs call them, a spelling the docs use) and its type, which
 * decides what kind of passage answers it (a number, a list, a reason, a consequence, a yes or no).
 */
import ipaddr from 'ipaddr.js';
import { isStopword, pairsOf, sentences, stem, terms, words } from './text.ts';
import type { CompiledEntry } from './thesaurus.ts';

export type QuestionType = 'quantity' | 'list' | 'reason' | 'consequence' | 'yesno' | 'other';

export interface Concept {
  /** The question's words for it, as asked. */
  label: string;
  /** Alternatives: a passage matches the concept when it holds every term of one group. */
  groups: string[][];
  /** A word that says what kind of answer is wanted more than what it is about ("long" in "how long"): it weighs little. */
  cue?: boolean;
  /** A word of a sentence around the question that sets the scene ("I am setting up XAPY."): it weighs half. */
  context?: boolean;
}

export interface ParsedQuestion {
  text: string;
  type: QuestionType;
  /** For a quantity: whether it asks for a length of time ("how long") rather than a count. */
  duration: boolean;
  /** For a list question, what it asks for a list of: the stems of the noun phrase after "which" or "what are" ("exchang"). */
  subjects?: string[];
  concepts: Concept[];
  /** The question's neighbouring words as index-term pairs ("ip list"), to find passages that say it in its order. */
  pairs: string[];
}

const TYPES: [QuestionType, RegExp][] = [
  ['reason', /\bwhy\b|\bwhat for\b|\bthe reason\b/],
  ['consequence', /\bwhat happens\b|\bwhat (will|would) happen\b|\bwhat if\b|\bhappens? (if|when|to)\b/],
  ['quantity', /\bhow (many|much|long|often|soon)\b|\bmax(imum)?\b|\bmin(imum)?\b|\bnumber of\b|\blimit\b|\bat most\b/],
  ['list', /\bwhich\b|\bwhat are\b|\blist (of|the)\b/],
];
const YES_NO_QUESTION = /^(can|could|does|do|is|are|should|will|would|may|must|am|has|have)\b/;

const DURATION_QUESTION = /\bhow (long|soon|often)\b|\bafter how\b|\bwhen does\b|\bhow many (seconds|minutes|hours|days|weeks|months|years)\b/;

/**
 * The question's type is given by its first cue: "which exchanges limit withdrawals" asks for a
 * list (the later "limit" is a verb, not a quantity), "what is the maximum" for a quantity.
 */
export function questionType(text: string): QuestionType {
  const t = text.toLowerCase().replace(/[’']/g, "'").trim();
  let type: QuestionType = 'other';
  let at = Infinity;
  for (const [name, re] of TYPES) {
    const m = re.exec(t);
    if (m && m.index < at) { at = m.index; type = name; }
  }
  // "Is there a limit …?" asks for the limit: a yes-or-no opening counts only when no other cue follows.
  return type === 'other' && YES_NO_QUESTION.test(t) ? 'yesno' : type;
}

interface Token { word: string; stem: string; content: boolean }

function tokens(text: string): Token[] {
  return words(text).map((w) => {
    const word = w.toLowerCase().split(/['’]/)[0] ?? '';
    const s = stem(word);
    const content = (word.length >= 2 || /\d/.test(word)) && !isStopword(word) && !isStopword(s);
    return { word: w, stem: s, content };
  });
}

const key = (g: string[]) => g.join(' ');
/** Words that, after "how", ask for a quantity rather than name a topic. */
const HOW_ADVERBS = new Set(['long', 'often', 'soon', 'frequently']);
/** A question that asks what something means ("What does works with warnings mean?"). */
const MEANING_QUESTION = /^what (does|do|did|would|could) .*\bmean\b/i;
/** A website's address, as people name a company by it ("okx.com", "Gate.io", "www.binance.com"): its name is the label before the top-level domain. */
const SITE_NAME = /^(?:www\.)?([a-z][a-z0-9-]{1,30})\.(?:com|io|net|org|co|cc|us|me|pro|exchange)$/i;
const IP_LITERAL = /^(\d{1,3}\.){3}\d{1,3}$|^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i;

/**
 * The words for an address that cannot be a server's public address, by the block ipaddr.js puts it
 * in ("192.168.1.5" → private); none for a public address, or for a documentation address (the docs
 * use those as their examples).
 */
const KINDS: Record<string, string> = { private: 'private', uniqueLocal: 'private', loopback: 'loopback', linkLocal: 'link-local', unspecified: 'unspecified', multicast: 'multicast', broadcast: 'broadcast' };
function addressKind(word: string): string | undefined {
  return ipaddr.isValid(word) ? KINDS[ipaddr.parse(word).range()] : undefined;
}

/** The units of time, as stems ("week", "dai"). */
const TIME_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'].map(stem);
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const DAYS_IN: Record<string, number> = { [stem('week')]: 7, [stem('month')]: 30, [stem('year')]: 365 };
/** The days in a number of weeks, months or years ("two" + "week" → 14), for a number in digits or words. */
function daysOf(word: string, unit: string | undefined): number | undefined {
  const per = unit === undefined ? undefined : DAYS_IN[unit];
  const n = /^\d{1,3}$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word.toLowerCase()) + 1;
  return per && n > 0 ? n * per : undefined;
}

/** A greeting, and a "quick question:" that announces the question, before it ("Hi, quick question about my setup: …"). */
const GREETING = /^\s*(?:(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))(?: there| all| team| everyone| guys| folks)?[\s,!.:;-]+)?(?:(?:i have |i've got |got |just )?(?:a |one )?(?:quick |short |small |simple |silly |dumb )?(?:question|q)(?: for you| about [^:?.!]{0,60}| ?)[:,.!-][\s:,.!-]*)?/i;
/**
 * Thanks after it ("… Thanks in advance!"), from the separator before it. Each start must be a
 * separator (or the start) followed by a word of thanks, so a try fails at once and the search is
 * linear; the rest of the separators before it are trimmed by `withoutThanks`.
 */
const THANKS = /(?:^|[\s,.!-])(?:(?:many )?thanks|thank you|thx|cheers|tia)(?: (?:so much|a lot|in advance|for (?:your|the|any) help))*[\s.!]*$/i;
const SEPARATORS = new Set([...' \t\n\r,.!-']);

/** The text without thanks at its end, nor the separators before them. */
function withoutThanks(text: string): string {
  const m = THANKS.exec(text);
  if (!m) return text;
  let end = m.index;
  while (end > 0 && (SEPARATORS.has(text[end - 1]!) || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/**
 * The question without the talk around it: a greeting or a "quick question:" before it and thanks
 * after it say nothing about what is asked, and their words ("question", "advance") would count as
 * the rarest of the question.
 */
export function withoutChatter(text: string): string {
  const bare = withoutThanks(text.replace(GREETING, ''));
  return /[\p{L}\p{N}]/u.test(bare) ? bare : text;
}

/**
 * The sentence that asks, when a question comes with sentences around it ("I am setting up XAPY on
 * Bybit. How many IPs can a key hold?"): the last one with a question mark, else the last one.
 * The others only set the scene.
 */
function askingSentence(text: string): { asking: string; context: string } {
  const all = sentences(text);
  if (all.length < 2) return { asking: text, context: '' };
  let at = all.findLastIndex((s) => s.includes('?'));
  if (at < 0) at = all.length - 1;
  return { asking: all[at]!, context: all.filter((_, i) => i !== at).join(' ') };
}

/** The question's concepts: thesaurus phrases (longest first) become one concept each, other content words one each. */
export function parseQuestion(asked: string, thesaurus: CompiledEntry[]): ParsedQuestion {
  const text = withoutChatter(asked);
  const { asking, context } = askingSentence(text);
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const add = (c: Concept) => {
    const k = c.groups.map(key).sort().join('|');
    if (c.groups.length && !seen.has(k)) { seen.add(k); concepts.push(c); }
  };
  conceptsOf(tokens(asking), thesaurus, add);
  // What sets the scene counts, but less than what is asked.
  if (context) conceptsOf(tokens(context), thesaurus, (c) => add({ ...c, context: true }));
  const subjects = listSubjects(tokens(asking));
  return { text, type: questionType(asking), duration: DURATION_QUESTION.test(asking.toLowerCase()), ...(subjects.length ? { subjects } : {}), concepts, pairs: [...pairsOf(text)] };
}

/** The concepts of a run of words, given to `add` in order. */
function conceptsOf(toks: Token[], thesaurus: CompiledEntry[], add: (c: Concept) => void): void {
  // "What does … mean?" asks for a meaning: "mean" says what kind of answer is wanted, not the topic.
  const asksMeaning = MEANING_QUESTION.test(toks.map((t) => t.word).join(' '));
  for (let i = 0; i < toks.length; ) {
    let best: { len: number; entry: CompiledEntry } | undefined;
    for (const entry of thesaurus) {
      for (const phrase of entry.asked) {
        if (phrase.length > (best?.len ?? 0) && phrase.every((s, k) => toks[i + k]?.stem === s)) best = { len: phrase.length, entry };
      }
    }
    if (best) {
      const own = toks.slice(i, i + best.len).filter((t) => t.content).map((t) => t.stem);
      i += best.len;
      if (best.entry.docs.length === 0) continue;
      const groups = [...(own.length ? [own] : []), ...best.entry.docs];
      add({ label: toks.slice(i - best.len, i).map((t) => t.word).join(' '), groups: [...new Map(groups.map((g) => [key(g), g])).values()] });
      continue;
    }
    const t = toks[i]!;
    // "two weeks", "3 months": the docs count such times in days ("14 days").
    const days = daysOf(t.word, toks[i + 1]?.stem);
    if (days) {
      add({ label: `${t.word} ${toks[i + 1]!.word}`, groups: [[t.stem, toks[i + 1]!.stem], [String(days), stem('days')]] });
      i += 2;
      continue;
    }
    // A unit of time with no number before it ("how many weeks", "for how many days") says that the
    // question asks for a length of time, which the docs may give in another unit ("14 days", "a day"):
    // a cue that any unit of time matches.
    if (TIME_UNITS.includes(t.stem) && !/^\d+$|^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|every|each|per|few)$/i.test(toks[i - 1]?.word ?? '')) { add({ label: t.word, groups: TIME_UNITS.map((u) => [u]), cue: true }); i++; continue; }
    // "the number of …" only says that the question asks for a count.
    if (t.stem === 'number' && toks[i + 1]?.word.toLowerCase() === 'of') { i++; continue; }
    // The word after "how" in "how long", "how often" or "how soon" mostly says what kind of answer
    // is wanted (the question's type keeps that), little about the topic: it counts, but as a cue.
    // So does "need" ("Do I need 2FA?"): the docs state a requirement in many words (must, requires,
    // asks for, only … once), and a passage that says "need" about something else is no nearer; and
    // "mean" in "what does … mean": the passage that explains a thing seldom says "means", and one
    // that says "means" about something else is no nearer.
    if ((HOW_ADVERBS.has(t.word.toLowerCase()) && toks[i - 1]?.word.toLowerCase() === 'how') || t.stem === 'need' || (asksMeaning && t.word.toLowerCase() === 'mean')) { add({ label: t.word, groups: [[t.stem]], cue: true }); i++; continue; }
    // An IP address or range in a question ("I put 192.168.1.5 on my key") is about IP addresses,
    // and about the kind of address it is when that is not a public one ("private").
    const kind = IP_LITERAL.test(t.word) ? addressKind(t.word) : undefined;
    // A website's name ("okx.com", "gate.io") stands for the one it is the site of: its first label.
    const site = SITE_NAME.exec(t.word)?.[1];
    if (site && !isStopword(site.toLowerCase())) add({ label: t.word, groups: [[stem(site.toLowerCase())]] });
    else if (IP_LITERAL.test(t.word)) add({ label: t.word, groups: [[t.stem], ['ip']] });
    else if (t.content) add({ label: t.word, groups: [[t.stem]] });
    if (kind) add({ label: kind, groups: [terms(kind)] });
    i++;
  }
}

/**
 * What a list question asks for a list of: the words of the noun phrase after "which" or
 * "what are" ("which exchanges" → exchang; "what are XAPY’s server IP addresses" → xapi, server,
 * ip, address), so a table whose rows are those things ("Address", "Exchange") answers it.
 */
function listSubjects(toks: Token[]): string[] {
  const lower = toks.map((t) => t.word.toLowerCase());
  let at = lower.indexOf('which');
  if (at < 0) { const w = lower.indexOf('what'); if (w >= 0 && (lower[w + 1] === 'are' || lower[w + 1] === 'is')) at = w + 1; }
  if (at < 0) return [];
  const out: string[] = [];
  for (const t of toks.slice(at + 1)) {
    if (t.content) out.push(t.stem);
    else if (out.length || !/^(the|a|an)$/i.test(t.word)) break;
  }
  return out;
}

/**
 * What a passage can answer, read once when the index is built: whether it states a count or a
 * length of time, gives a reason or a consequence, says yes or no, or denies something; and its
 * length in words.
 */
export interface Traits { words: number; count: boolean; duration: boolean; reason: boolean; consequence: boolean; yesNo: boolean; negation: boolean }

/** A count: "up to 30", "20 addresses" (not a time, a date, a code or an IP address). */
const COUNT = /\b(up to|at most|at least|no more than|maximum of|limit of)\s+\d+|\b\d+\s+(?!(days?|hours?|minutes?|weeks?|months?|years?|seconds?)\b)[a-z]{3}/i;
/** A length of time: "90 days", "24 hours". */
const DURATION = /\b\d+\s+(days?|hours?|minutes?|weeks?|months?|years?|seconds?)\b/i;
const REASON = /\b(because|so that|so |since|otherwise|reason|that is why|which is why|means)\b/i;
const CONSEQUENCE = /\b(then|expires?|expired|stops?|stopped|switch(es|ed)? (it )?off|fail(s|ed)?|refuse[sd]?|reject(s|ed)?|cannot|no longer|(is|are) (deleted|removed)|deactivated|lapsed?|lapses|until|after|cut short|blocked|disabled)\b/i;
const YES_NO = /^(yes|no)\b/i;
const NEGATION = /\b(never|not|cannot|only)\b/i;

export function traitsOf(text: string): Traits {
  return {
    words: text.split(/\s+/).length,
    count: COUNT.test(text),
    duration: DURATION.test(text),
    reason: REASON.test(text),
    consequence: CONSEQUENCE.test(text),
    yesNo: YES_NO.test(text),
    negation: NEGATION.test(text),
  };
}
