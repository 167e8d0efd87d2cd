/**
 * Ranking shared by `?ask=`, `/search.md` and MCP: which sections answer a question, and which of
 * their sentences, list items and table rows to quote. Everything returned is verbatim text from
 * the docs.
 */
import type { Block, Chunk, DocsIndex, Hit } from './search-index.ts';
import { parseQuestion, type Concept, type ParsedQuestion, type Traits } from './query.ts';
import { thesaurus as defaultThesaurus, type CompiledEntry } from './thesaurus.ts';
import { englishRank, isStopword, pairsOf, processTerm, terms, words } from './text.ts';
import { exchanges } from '../data/index.ts';

export interface RankOptions {
  /** The page the agent asked on: its relevant sections are preferred. */
  page?: string;
  /** The user's end goal: sections that also serve it rank higher. */
  goal?: string;
  /** Rank sections whose own headings ask the question higher (for answers; search ranks by content). */
  headings?: boolean;
}

/** A question prepared for one index: concepts with typo corrections, and a weight for each. */
export interface Analyzed extends ParsedQuestion {
  weights: number[];
  total: number;
  /** Every term of every alternative, for the full-text search. */
  searchTerms: string[];
  /** The exchanges the question names (indexes into EXCHANGE_TERMS). */
  named: number[];
}

export interface Ranked extends Hit {
  /** Share of the question's weight (rare words weigh more) this section matches, 0–1. */
  coverage: number;
  /** How many of the question's concepts the section holds. */
  held: number;
}

/** A section must match at least this share of the question's weight to count as an answer. */
export const MIN_COVERAGE = 0.5;
const PAGE_BOOST = 1.6;
/** A section about another exchange than the one the question names answers it this much less well. */
const OTHER_EXCHANGE = 0.5;

/** Each exchange as the index terms of its name and id ("binanc"). */
const EXCHANGE_TERMS = exchanges.map((e) => new Set([...terms(e.name), ...terms(e.id)]));
const EXCHANGE_NAMES = new Set(EXCHANGE_TERMS.flatMap((ts) => [...ts]));
const namedIn = (has: (t: string) => boolean) => EXCHANGE_TERMS.flatMap((ts, i) => ([...ts].some(has) ? [i] : []));
const chunkNamed = new WeakMap<Chunk, number[]>();

/** The exchanges a section is about, by its page title and headings. */
function exchangesOf(chunk: Chunk): number[] {
  let own = chunkNamed.get(chunk);
  if (!own) chunkNamed.set(chunk, (own = namedIn((t) => chunk.context.has(t))));
  return own;
}

/** Is this section (by its page title and headings) about exchanges other than the ones the question names? */
function aboutOtherExchange(q: Analyzed, chunk: Chunk): boolean {
  if (q.named.length === 0) return false;
  const own = exchangesOf(chunk);
  return own.length > 0 && !own.some((i) => q.named.includes(i));
}

/**
 * How well a section fits the exchanges the question names: half as well when it is about another
 * one, a little less well when it is about none in particular (that exchange's guide says it for
 * that exchange; a general page says it for all, or for none); and, for a question that names none,
 * a little less well when it is about a single exchange (a question about keys in general is
 * answered by the general pages before one exchange's guide, unless it is asked on that guide).
 */
function exchangeFit(q: Analyzed, chunk: Chunk, askedPage: string | undefined): number {
  if (q.named.length) return aboutOtherExchange(q, chunk) ? OTHER_EXCHANGE : exchangesOf(chunk).length === 0 ? NAMED_GENERAL : 1;
  // Asked on an exchange's guide, a question is about that exchange.
  return chunk.page !== askedPage && exchangesOf(chunk).length === 1 ? ONE_EXCHANGE : 1;
}
const ONE_EXCHANGE = 0.75;

/**
 * The checkers' pages state their rules about every topic of the docs (permissions, expiry, IP
 * lists), as a checker sees them: a question that asks about no check is answered a little less
 * well from them than from the page the rule comes from, unless it is asked on that checker's page.
 */
const TOOL_PAGE = /^tools\//;
const CHECK_TERMS = new Set(['check', 'checker', 'verifi', 'test', 'tool', 'verdict', 'rule']);
const asksForCheck = (q: Analyzed) => q.concepts.some((c) => c.groups.some((g) => g.some((t) => CHECK_TERMS.has(t))));
const TOOL_FIT = 0.85;
function toolFit(q: Analyzed, chunk: Chunk, askedPage: string | undefined): number {
  return TOOL_PAGE.test(chunk.page) && chunk.page !== askedPage && !asksForCheck(q) ? TOOL_FIT : 1;
}
/** For a question that names an exchange, a section about no exchange in particular answers it a little less well than that exchange's own. */
const NAMED_GENERAL = 0.9;
const GOAL_BOOST = 1;
const HEADING_RANK = 0.5;

/** The most a cue word weighs ("long" in "how long"): about what the commonest words of these docs weigh. */
const CUE_WEIGHT = 0.5;
/** What a concept of a sentence around the question weighs, as a share of its own weight. */
const CONTEXT_WEIGHT = 0.5;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const wordFixes = new Map<string, string | null>();
/**
 * The term the docs use that a misspelt word of five letters or more most likely means, found by
 * one edit of the word as typed, before stemming (a letter left out, added, changed or two swapped:
 * "permissins" → permissions): the stem of a misspelt word is often two edits from the right stem
 * ("permissin" for "permiss"), which a correction of the stem cannot find. The most widely used wins.
 */
function wordCorrection(index: DocsIndex, word: string, rarerThan = Infinity): string | undefined {
  const w = word.toLowerCase();
  if (w.length < 4 || !/^[a-z]+$/.test(w)) return undefined;
  // A word of four letters is corrected only into an exchange's name ("bybt" → Bybit): short words are one edit from too many others.
  const short = w.length < 5;
  const cacheKey = `${w} ${rarerThan}`;
  let hit = wordFixes.get(cacheKey);
  if (hit === undefined) {
    hit = null;
    let best = Infinity;
    const tryWord = (v: string) => {
      if (rarerThan < Infinity && englishRank(v) >= rarerThan) return;
      const t = processTerm(v);
      if (t && index.knows(t) && (!short || EXCHANGE_NAMES.has(t))) { const wt = index.weight(t); if (wt < best) { best = wt; hit = t; } }
    };
    for (let i = 0; i <= w.length; i++) {
      for (const ch of LETTERS) {
        tryWord(w.slice(0, i) + ch + w.slice(i));
        if (i < w.length && ch !== w[i]) tryWord(w.slice(0, i) + ch + w.slice(i + 1));
      }
      if (i < w.length) tryWord(w.slice(0, i) + w.slice(i + 1));
      if (i < w.length - 1) tryWord(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    }
    if (wordFixes.size < 50_000) wordFixes.set(cacheKey, hit);
  }
  return hit ?? undefined;
}

/** Is a word one edit (a letter left out, added, changed, or two swapped) from a small word, for a word of five letters or more ("shold" → should)? */
function misspeltStopword(word: string): boolean {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return false;
  for (let i = 0; i <= w.length; i++) {
    for (const ch of LETTERS) {
      const ins = w.slice(0, i) + ch + w.slice(i);
      if (isStopword(ins)) return true;
      if (i < w.length && ch !== w[i] && isStopword(w.slice(0, i) + ch + w.slice(i + 1))) return true;
    }
    if (i < w.length && isStopword(w.slice(0, i) + w.slice(i + 1))) return true;
    if (i < w.length - 1 && isStopword(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2))) return true;
  }
  return false;
}

export function analyze(index: DocsIndex, question: string, thesaurus: CompiledEntry[] = defaultThesaurus): Analyzed {
  const parsed = parseQuestion(question, thesaurus);
  const concepts: Concept[] = parsed.concepts.map((c) => {
    // A word of English is taken as typed, even when a word the docs use is one letter away ("house" is
    // not "hour", "office" not "official"), unless that word is a more common one ("sever" for "server").
    const rank = c.groups.length === 1 && !/\s/.test(c.label) ? englishRank(c.label) : Infinity;
    if (rank < Infinity) {
      const fix = c.groups[0]!.length === 1 && !index.knows(c.groups[0]![0]!) ? wordCorrection(index, c.label, rank) : undefined;
      return fix ? { ...c, groups: [...c.groups, [fix]] } : c;
    }
    const fixes = c.groups.flatMap((g) => (g.length === 1 ? [index.correction(g[0]!)].filter((t): t is string => !!t && !c.groups.some((x) => x.length === 1 && x[0] === t)) : []));
    // A word whose stem neither the docs use nor a stem correction finds: correct the word as typed.
    if (!fixes.length && c.groups.length === 1 && c.groups[0]!.length === 1 && !index.knows(c.groups[0]![0]!) && !/\s/.test(c.label)) {
      // A misspelt small word ("shold", "befre") says no more than the small word does.
      if (misspeltStopword(c.label)) return undefined;
      const fix = wordCorrection(index, c.label);
      if (fix) fixes.push(fix);
    }
    return fixes.length ? { ...c, groups: [...c.groups, ...fixes.map((t) => [t])] } : c;
  }).filter((c): c is Concept => c !== undefined);
  // A concept weighs what its best-known wording weighs: a word the docs never use, with no
  // alternative they do use, weighs most, so a question about something else is not answered.
  const weights = concepts.map((c) => Math.min(c.cue ? CUE_WEIGHT : Infinity, ...c.groups.map((g) => Math.max(...g.map((t) => index.weight(t))))) * (c.context ? CONTEXT_WEIGHT : 1));
  return {
    ...parsed,
    concepts,
    weights,
    total: weights.reduce((a, b) => a + b, 0),
    searchTerms: [...new Set(concepts.flatMap((c) => c.groups.flat()))],
    named: namedIn((t) => concepts.some((c) => c.groups.some((g) => g.includes(t)))),
  };
}

/**
 * A question is about something else when this share of its concepts or more are words these docs
 * never use, in any wording the thesaurus or a spelling correction offers ("the capital of Australia",
 * "a poem about the sea"): the docs cannot answer what they never mention, however well the rest of
 * the question matches. Docs questions seldom hold more than one such word in five.
 */
export const MAX_UNKNOWN_SHARE = 1 / 3;

/** The question's concepts that no section uses in any of their wordings. */
export function unknownConcepts(index: DocsIndex, q: ParsedQuestion): string[] {
  return q.concepts.filter((c) => !c.groups.some((g) => g.every((t) => index.knows(t)))).map((c) => c.label);
}

/**
 * The docs' commonest words, in most of their sections (key, address, exchange, API, IP, XAPY), weigh
 * less than this. They do not tell a docs question from another one: everyday questions use them too,
 * in their everyday sense (a house key, a postal address).
 */
const EVERYWHERE_WEIGHT = 1;
const everywhere = (index: DocsIndex, c: Concept) => c.groups.every((g) => g.every((t) => index.knows(t) && index.weight(t) < EVERYWHERE_WEIGHT));

/**
 * A word the docs use, as typed, that is no common English word (XAPY, API, whitelist, passphrase,
 * IPs): a question that holds one, or names an exchange, is about the docs' domain, and its common
 * words count as they are. A typo corrected into a docs word is no such sign ("adrdess" is "address").
 */
const domainWord = (index: DocsIndex, c: Concept) => !/\s/.test(c.label) && /\p{L}/u.test(c.label) && englishRank(c.label) === Infinity && c.groups[0]!.every((t) => index.knows(t));

/**
 * Is the question about something these docs never mention? In a question with no word of the docs'
 * domain, the docs' commonest words are not counted.
 */
export function offTopic(index: DocsIndex, q: ParsedQuestion): boolean {
  const domain = ((q as Partial<Analyzed>).named?.length ?? 0) > 0 || q.concepts.some((c) => domainWord(index, c));
  const { owners, heads } = otherAccounts(index, q);
  const counted = (domain ? q.concepts.length : q.concepts.filter((c) => !everywhere(index, c)).length) - q.concepts.filter((c) => isHead(c, heads)).length;
  const unknown = unknownConcepts(index, q).length + q.concepts.filter((c) => c.groups.some((g) => g.every((t) => index.knows(t))) && c.groups.some((g) => g.some((t) => owners.has(t)))).length;
  return counted > 0 && unknown / counted >= MAX_UNKNOWN_SHARE;
}

/** The words for a thing that belongs to a user: "my email account", "my Gmail password". */
const OWNED = new Set(['account', 'password', 'login']);
const isHead = (c: Concept, heads: Set<string>) => c.groups.length === 1 && c.groups[0]!.length === 1 && heads.has(c.groups[0]![0]!);
const docsPairs = new WeakMap<DocsIndex, Set<string>>();
/**
 * An account or a password of something the docs never give one to ("my email account", "my Gmail
 * password"; the docs' are an exchange's, a futures, main or sub-account, a password manager): the
 * word just before it, with it, names one thing the docs never mention, and counts as one unknown concept.
 * Not when that word names an exchange or is a word of the docs' domain (XAPY, API).
 */
function otherAccounts(index: DocsIndex, q: ParsedQuestion): { owners: Set<string>; heads: Set<string> } {
  const owners = new Set<string>();
  const heads = new Set<string>();
  let pairs: Set<string> | undefined;
  // Two words side by side in the question, as typed: "changed my password" is no password of a "change".
  const ts = words(q.text).map((w) => processTerm(w));
  for (let i = 1; i < ts.length; i++) {
    const owner = ts[i - 1];
    const head = ts[i];
    if (!owner || !head || !OWNED.has(head) || EXCHANGE_NAMES.has(owner)) continue;
    const pair = `${owner} ${head}`;
    const c = q.concepts.find((x) => x.groups.some((g) => g.includes(owner)));
    if (!c || domainWord(index, c)) continue;
    if (!pairs) docsPairs.set(index, (pairs = docsPairs.get(index) ?? new Set(index.chunks.flatMap((ch) => ch.blocks.flatMap((b) => [...pairsOf(b.text)])))));
    if (pairs.has(pair)) continue;
    owners.add(owner);
    heads.add(head);
  }
  return { owners, heads };
}

const matches = (c: Concept, has: (t: string) => boolean) => c.groups.some((g) => g.every(has));

/** Does a text with these term sets (its own, its context, a caption) hold the concept in one of its wordings? */
function holds(c: Concept, a: Set<string>, b?: Set<string>, d?: Set<string>): boolean {
  for (const g of c.groups) {
    let all = true;
    for (const t of g) if (!(a.has(t) || b?.has(t) || d?.has(t))) { all = false; break; }
    if (all) return true;
  }
  return false;
}

/** The most of the question's concepts that any one ranked section holds together. */
export const conceptsTogether = (ranked: Ranked[]): number => ranked.reduce((most, r) => Math.max(most, r.held), 0);

/**
 * A question of two or more concepts is about something else when no section holds two of them
 * together, however well one word matches: "the capital of Australia" meets "capitals" in a
 * passphrase tip and "Australia" in OKX's regional domains, never in one place.
 */
export const scattered = (q: ParsedQuestion, ranked: Ranked[]): boolean => q.concepts.length >= 2 && conceptsTogether(ranked) < 2;

/** Share of the question's weight whose concepts a text with these term sets holds, 0–1. */
export function coverageOf(q: Analyzed, a: Set<string>, b?: Set<string>, d?: Set<string>): number {
  if (q.total === 0) return 0;
  let sum = 0;
  for (let i = 0; i < q.concepts.length; i++) if (holds(q.concepts[i]!, a, b, d)) sum += q.weights[i]!;
  return sum / q.total;
}

/** The question's concepts that none of these term sets holds. */
export function missingConcepts(q: Analyzed, sets: Set<string>[]): string[] {
  return q.concepts.filter((c) => !matches(c, (t) => sets.some((s) => s.has(t)))).map((c) => c.label);
}

export function rank(index: DocsIndex, question: string | Analyzed, options: RankOptions = {}): Ranked[] {
  const q = typeof question === 'string' ? analyze(index, question) : question;
  if (q.concepts.length === 0) return [];
  const goalScores = new Map<string, number>();
  if (options.goal) {
    const goalHits = index.queryTerms(terms(options.goal));
    const max = goalHits[0]?.score ?? 1;
    for (const h of goalHits) goalScores.set(h.chunk.key, h.score / max);
  }
  return index
    .queryTerms(q.searchTerms)
    .map((hit) => {
      let weight = 0;
      let held = 0;
      for (let i = 0; i < q.concepts.length; i++) if (holds(q.concepts[i]!, hit.chunk.terms)) { weight += q.weights[i]!; held++; }
      const coverage = q.total ? weight / q.total : 0;
      // Coverage first: full-text relevance, compressed, breaks ties between sections that cover as much.
      let score = hit.score * (0.25 + coverage) ** 2;
      // A section whose own headings ask the question ("What XAPY does with your keys") ranks higher.
      if (options.headings && hit.chunk.heading.size) score *= 1 + HEADING_RANK * coverageOf(q, hit.chunk.heading);
      score *= 1 + GOAL_BOOST * (goalScores.get(hit.chunk.key) ?? 0);
      if (options.page && hit.chunk.page === options.page && coverage >= MIN_COVERAGE) score *= PAGE_BOOST;
      score *= exchangeFit(q, hit.chunk, options.page) * toolFit(q, hit.chunk, options.page);
      return { ...hit, coverage, held, score };
    })
    // Ties (sections that match only through their page's title) keep a fixed order; a plain code-point
    // comparison, as localeCompare on every tie costs milliseconds per question.
    .sort((a, b) => b.score - a.score || (a.chunk.key < b.chunk.key ? -1 : a.chunk.key > b.chunk.key ? 1 : 0));
}

// ---------------------------------------------------------------- answer units

/** One quotable answer unit: a sentence of a paragraph, a list item or a table row. */
export interface Unit {
  chunk: Chunk;
  block: Block;
  /** For a sentence: its text; items and rows are quoted as their Markdown. */
  sentence?: string;
  terms: Set<string>;
  score: number;
  /** Coverage of the question by the unit read in its section's context. */
  coverage: number;
  /** Order in the answer: section rank, block, sentence. */
  order: [number, number, number];
}

function typeBonus(q: ParsedQuestion, block: Block, traits: Traits): number {
  switch (q.type) {
    // "How long" may ask for a length as well as a time ("how long can a question be"): a count answers it a little.
    case 'quantity': return (q.duration ? traits.duration : traits.count) ? 0.2 : q.duration && traits.count ? 0.1 : 0;
    // A table whose rows are the things asked for ("which exchanges" → rows by exchange) answers best.
    case 'list': return q.subjects?.some((t) => block.rowOf?.has(t)) ? 0.25 : block.kind === 'row' || block.kind === 'item' ? 0.1 : 0;
    case 'reason': return traits.reason ? 0.1 : 0;
    case 'consequence': return traits.consequence ? 0.1 : 0;
    case 'yesno': return traits.yesNo ? 0.15 : traits.negation ? 0.05 : 0;
    default: return 0;
  }
}

/** Longer units match more words by chance: from this many words on, a unit's score shrinks a little. */
const LONG_UNIT = 30;
/**
 * A unit is read three ways: with its section's headings, alone, and as part of its whole section
 * (a sentence in a section that covers the whole question answers it better than a like sentence in
 * a section that covers part of it, such as a list of notes on many topics).
 */
const IN_CONTEXT = 0.3;
const ALONE = 0.2;
const IN_SECTION = 0.5;
/**
 * A section whose page title or headings say the question's words in its order ("What does XAPY
 * do with my keys?" under "What XAPY does with your keys", "contact XAPY" on "Contact XAPY") is
 * about what it asks: each of its units gains this much times the share of the question's word
 * pairs its headings hold.
 */
const HEADING_PAIRS = 0.2;

/** Share of the question's word pairs ("ip list") that these pairs hold. */
function phraseShare(q: Analyzed, pairs: Set<string>): number {
  if (q.pairs.length === 0) return 0;
  let n = 0;
  for (const p of q.pairs) if (pairs.has(p)) n++;
  return n / q.pairs.length;
}

/** How well one unit answers: its coverage read in context, alone and in its section, and what the question type wants. */
function scoreUnit(q: Analyzed, chunk: Chunk, block: Block, own: Set<string>, traits: Traits, section: number) {
  const inContext = coverageOf(q, own, chunk.context, block.caption?.terms);
  const alone = coverageOf(q, own);
  const long = 1 - Math.min(0.25, Math.max(0, traits.words - LONG_UNIT) / 250);
  return { coverage: inContext, score: (IN_CONTEXT * inContext + ALONE * alone + section + typeBonus(q, block, traits)) * long };
}

const codeTerms = new WeakMap<Set<string>, Set<string>>();
/** A sentence's terms with those of the command it introduces, made once per sentence. */
function withCode(own: Set<string>, code: Block): Set<string> {
  let both = codeTerms.get(own);
  if (!both) codeTerms.set(own, (both = new Set([...own, ...code.terms])));
  return both;
}

/** A section to take answer units from, with its rank in the results. */
export interface Candidate { chunk: Chunk; rankNo: number }

/** Units on the page asked on count this much more, so that page answers when it can. */
const ASKED_PAGE = 1.15;
/** A section whose headings hold this share of the question asks it; its first sentence gets LEAD_BONUS. */
const HEADING_ASKS = 0.75;
const LEAD_BONUS = 0.12;
const SHARED_FACTOR = 0.85;

const contextPairs = new WeakMap<Chunk, Set<string>>();
/** The word pairs of a section's page title and headings ("contact xapi", "xapi kei"). */
function pairsOfContext(chunk: Chunk): Set<string> {
  let pairs = contextPairs.get(chunk);
  if (!pairs) contextPairs.set(chunk, (pairs = new Set([...pairsOf(chunk.pageTitle), ...chunk.path.flatMap((t) => [...pairsOf(t)])])));
  return pairs;
}

/** Every answer unit of the given sections, scored; lower-ranked sections count a little less. */
export function answerUnits(q: Analyzed, candidates: Candidate[], askedPage?: string): Unit[] {
  return candidates.flatMap(({ chunk, rankNo }) => {
    const factor = (1 - 0.03 * Math.min(rankNo, 10)) * (chunk.page === askedPage ? ASKED_PAGE : 1) * exchangeFit(q, chunk, askedPage) * toolFit(q, chunk, askedPage);
    // Under a heading that asks the question ("Does XAPY hold my funds?"), the first thing said answers it.
    const asksIt = chunk.heading.size > 0 && coverageOf(q, chunk.heading) >= HEADING_ASKS;
    // The section's part of each unit's score: how much of the question it holds, and whether its headings say it.
    const section = IN_SECTION * coverageOf(q, chunk.answers) + HEADING_PAIRS * phraseShare(q, pairsOfContext(chunk));
    const firstBlock = chunk.blocks.findIndex((b) => b.kind === 'paragraph' || b.kind === 'item' || b.kind === 'row');
    // Boilerplate that many pages repeat answers best on the page it belongs to, or on the page asked on.
    const common = (shared: boolean | undefined) => (shared && chunk.page !== askedPage ? SHARED_FACTOR : 1);
    const lead = (blockNo: number, k: number) => (asksIt && blockNo === firstBlock && k === 0 ? LEAD_BONUS : 0);
    return chunk.blocks.flatMap((block, blockNo): Unit[] => {
      if (block.kind === 'paragraph') {
        return block.sentences.map(({ text, terms: own, traits, shared }, k) => {
          // The sentence that introduces a command is read together with it.
          const next = block.introduces?.[0];
          const code = k === block.sentences.length - 1 && next?.kind === 'code' && next.markdown.length <= MAX_CODE ? next : undefined;
          const s = scoreUnit(q, chunk, block, code ? withCode(own, code) : own, traits, section);
          return { chunk, block, sentence: text, terms: own, score: (s.score + lead(blockNo, k)) * factor * common(shared), coverage: s.coverage, order: [rankNo, blockNo, k] };
        });
      }
      if (block.kind === 'item' || block.kind === 'row') {
        const s = scoreUnit(q, chunk, block, block.terms, block.traits, section);
        return [{ chunk, block, terms: block.terms, score: (s.score + lead(blockNo, 0)) * factor * common(block.shared), coverage: s.coverage, order: [rankNo, blockNo, 0] }];
      }
      return [];
    });
  });
}

/** A heading that states something ("Changes to a Gate key are not instant"), not a label or a question ("What XAPY does with your keys"). */
const isStatement = (title: string) => title.split(/\s+/).length >= 4 && !/[?:]/.test(title) && !/^(what|how|why|when|where|which|who|can|does|do|is|are|should)\b/i.test(title);

/** The section's own heading, when it states what the unit (its first sentence) says and asks what the question asks. */
function leadHeading(q: Analyzed, u: Unit): string | undefined {
  const title = u.chunk.path.at(-1);
  if (!title || !isStatement(title) || u.order[2] !== 0) return undefined;
  const first = u.chunk.blocks.findIndex((b) => b.kind === 'paragraph');
  return u.order[1] === first && coverageOf(q, u.chunk.heading) >= HEADING_ASKS ? title : undefined;
}

export interface Answer {
  /** Markdown: sentences as a paragraph, then the list items, table rows or code that answer. */
  markdown: string;
  /** The sections quoted; the one with the best unit first. */
  chunks: Chunk[];
  /** 0–1: how much of the question the quoted units hold, read in their sections. */
  confidence: number;
  /** The question's words that nothing quoted matches. */
  missing: string[];
}

const MAX_SENTENCES = 3;
const MAX_ROWS = 10;
const MAX_CODE = 600;

const byOrder = (a: Unit, b: Unit) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.order[2] - b.order[2];

/** Items or rows as Markdown: list items one after another, rows under their table's header. */
function structuredMarkdown(units: Unit[]): string[] {
  const rows = units.filter((u) => u.block.rowLines);
  const items = units.filter((u) => !u.block.rowLines);
  return [
    ...(items.length ? [items.map((u) => u.block.markdown).join('\n')] : []),
    ...(rows.length ? [[rows[0]!.block.rowLines!.head, ...rows.map((u) => u.block.rowLines!.row)].join('\n')] : []),
  ];
}

/**
 * The answer to a question from its best sections: the best sentences, and the list or table whose
 * items or rows answer it (all of those that do, for a "which" question), in reading order. A
 * sentence that ends with a colon brings the block it introduces (a command, a list, a table).
 */
/**
 * A sentence that refers to what the sentence before it said: by its first word ("This takes effect …",
 * "Such a key …"), or by "such a" anywhere ("A key on such an account fails …"; "such as" gives examples).
 */
const REFERS_BACK = /^(it|they|this|that|these|those|such|otherwise)\b|\bsuch an?\b/i;
/** A sentence that refers to all its paragraph said before it. */
const SUMS_UP = /\b(keep|bear) (this|that|these|them) in mind\b/i;

/** A sentence that sends the reader to its page's facts box for the detail ("see the facts box"). */
const TO_FACTS_BOX = /\bthe facts box\b/i;

/** The best of these units from another page whose title a sentence names after its last "see" ("see Contact XAPY"). */
function pageNamedAfterSee(sentence: string, units: Unit[]): Unit | undefined {
  const at = sentence.toLowerCase().lastIndexOf('see ');
  if (at < 0 || (at > 0 && /[\p{L}\p{N}]/u.test(sentence[at - 1]!))) return undefined;
  const tail = sentence.slice(at + 4).toLowerCase();
  return [...units].sort((a, b) => b.score - a.score).find((u) => u.chunk.pageTitle.length > 3 && tail.includes(u.chunk.pageTitle.toLowerCase()));
}

export function composeAnswer(q: Analyzed, candidates: Candidate[], render: (s: string, bold?: boolean) => string, askedPage?: string, factsBox?: (page: string) => Chunk | undefined): Answer | undefined {
  const units = answerUnits(q, candidates, askedPage);
  const best = Math.max(0, ...units.map((u) => u.score));
  if (best === 0) return undefined;

  // The list or table with the best unit, when it is about as good as the best sentence.
  const groups = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.sentence) continue;
    const k = `${u.chunk.key}#${u.block.group}`;
    groups.set(k, [...(groups.get(k) ?? []), u]);
  }
  let structured: Unit[] = [];
  let groupBest = 0;
  const list = q.type === 'list';
  let groupRank = 0;
  for (const g of groups.values()) {
    const top = Math.max(...g.map((u) => u.score));
    // A "which" question asks for several things: a list or table with more good answers ranks higher.
    const rankOf = list ? top + 0.02 * Math.min(MAX_ROWS, g.filter((u) => u.score >= top * 0.6).length) : top;
    if (rankOf > groupRank) { groupRank = rankOf; groupBest = top; structured = g; }
  }
  if (groupBest >= best * (list ? 0.7 : 0.75)) {
    structured = structured.filter((u) => u.score >= groupBest * (list ? 0.6 : 0.92)).sort((a, b) => b.score - a.score).slice(0, MAX_ROWS).sort(byOrder);
  } else structured = [];

  const seen = new Set<string>();
  const chosen = units
    .filter((u) => u.sentence && u.score >= best * 0.85)
    .sort((a, b) => b.score - a.score)
    .filter((u) => !seen.has(u.sentence!) && seen.add(u.sentence!))
    .slice(0, MAX_SENTENCES);
  // A sentence that refers back ("Such a key fails …") is quoted with the one before it; one that sums
  // up its paragraph ("Keep this in mind if …") with the two before it.
  const antecedents = chosen.flatMap((u) => {
    const back = SUMS_UP.test(u.sentence!) ? 2 : REFERS_BACK.test(u.sentence!) ? 1 : 0;
    return units.filter((x) => x.block === u.block && x.chunk === u.chunk && x.order[2] < u.order[2] && x.order[2] >= u.order[2] - back && !seen.has(x.sentence!) && seen.add(x.sentence!));
  });
  const prose = [...chosen, ...antecedents].sort(byOrder);

  // A chosen sentence that ends its paragraph with a colon, or a caption, brings what it introduces:
  // a command, or the whole list or table (in place of any other).
  let code: Block | undefined;
  for (const u of [...prose].sort((a, b) => b.score - a.score)) {
    const next = u.block.introduces;
    if (!next?.length || u.block.sentences.at(-1)?.text !== u.sentence) continue;
    if (next[0]!.kind === 'code') { if (next[0]!.markdown.length <= MAX_CODE) code ??= next[0]; continue; }
    structured = units.filter((x) => x.chunk === u.chunk && next.includes(x.block)).slice(0, MAX_ROWS);
    break;
  }

  // A chosen sentence that leaves the detail to its page's facts box ("after a period without use
  // (see the facts box)") brings the row of that box that answers the question.
  const pointer = structured.length || !factsBox ? undefined : [...prose].sort((a, b) => b.score - a.score).find((u) => TO_FACTS_BOX.test(u.sentence!));
  const box = pointer && factsBox!(pointer.chunk.page);
  if (pointer && box) {
    const row = answerUnits(q, [{ chunk: box, rankNo: pointer.order[0] }], askedPage).filter((u) => u.block.kind === 'row').sort((a, b) => b.score - a.score)[0];
    if (row && row.coverage >= MIN_COVERAGE) structured = [row];
  }

  const parts: string[] = [];
  // A section that opens with the answer often says it first in its heading, as a statement
  // ("Changes to a Gate key are not instant"): quote that heading above its first sentence.
  const lead = prose[0] && leadHeading(q, prose[0]);
  if (lead) parts.push(render(lead, true));
  if (prose.length) parts.push(render(prose.map((u) => u.sentence).join(' ')));
  if (code) parts.push(code.markdown);
  const caption = structured[0]?.block.caption;
  if (caption && !prose.some((u) => u.block === caption)) parts.push(caption.markdown);
  parts.push(...structuredMarkdown(structured));
  const quoted = [...prose, ...structured];
  if (quoted.length === 0) return undefined;
  // The answer opens with its sentences: their best one's section leads the sources, unless a list or table answers a list question.
  const byScore = (us: Unit[]) => [...us].sort((a, b) => b.score - a.score);
  let first = byScore(prose.length && !(list && structured.length) ? prose : quoted)[0]!;
  // For a question that names an exchange, a better row or item from that exchange's own page leads
  // a sentence from a page about none in particular ("This exchange documents IPv4 addresses only").
  const own = (u: Unit) => exchangesOf(u.chunk).some((i) => q.named.includes(i));
  const ownBest = q.named.length ? byScore(structured.filter(own))[0] : undefined;
  if (ownBest && ownBest.score > first.score && exchangesOf(first.chunk).length === 0) first = ownBest;
  // A sentence that sends the reader to another page ("… the checker’s report instead: see Contact XAPY")
  // leads with that page when the answer quotes it too.
  const pointedTo = first.sentence === undefined ? undefined : pageNamedAfterSee(first.sentence, quoted.filter((u) => u.chunk.page !== first.chunk.page));
  if (pointedTo) first = pointedTo;
  const chunksQuoted = [...new Set([first.chunk, ...[...quoted].sort(byOrder).map((u) => u.chunk)])];
  return {
    markdown: parts.join('\n\n'),
    chunks: chunksQuoted,
    confidence: Math.round(Math.max(...quoted.map((u) => u.coverage)) * 100) / 100,
    missing: missingConcepts(q, [...quoted.map((u) => u.terms), ...chunksQuoted.map((c) => c.context)]),
  };
}

/** The one or two blocks of a section that best match the question, in page order (for excerpts). */
export function bestBlocks(q: Analyzed, chunk: Chunk): Block[] {
  const scored = chunk.blocks.map((b, i) => ({ b, i, s: scoreUnit(q, chunk, b, b.terms, b.traits, 0).score }));
  const best = Math.max(...scored.map((x) => x.s));
  if (best === 0) return chunk.blocks.slice(0, 1);
  return scored
    .filter((x) => x.s >= best * 0.9)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, 2)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.b);
}
