/**
 * Every dated fact of an exchange, found by walking its data: anything with `sources` and a
 * `verified` date is a fact (IP and key facts, withdrawal facts, pitfalls, error codes). Used by
 * `npm run facts` (scripts/facts.mjs) and by the "facts checked" line at the top of each guide.
 * Pure: no Astro, no file system.
 */
import type { Exchange } from './schema.ts';

/** A fact older than this many days is flagged for re-checking. */
export const STALE_DAYS = 90;

export interface DatedFact {
  exchange: string;
  /** Where the fact sits in the exchange's file, e.g. "ip.maxPerKey", "pitfalls.demo-keys-are-separate". */
  path: string;
  /** The fact in a reader's words, e.g. "IP addresses per key", "error -2015". */
  label: string;
  verified: string;
  sources: string[];
}

const LABELS: Record<string, string> = {
  'ip.maxPerKey': 'IP addresses per key',
  'ip.cidr': 'ranges (CIDR)',
  'ip.ipv6': 'IPv6 addresses',
  'ip.separator': 'list format in the key form',
  'ip.withoutIp': 'a key without IP binding',
  'ip.withdrawRequiresIp': 'withdrawal permission needs IP binding',
  'ip.formLabel': 'the IP option on the key form',
  'key.webPath': 'where keys are created (web)',
  'key.appPath': 'where keys are created (app)',
  'key.keyTypes': 'key types',
  'key.passphrase': 'passphrase',
  'key.metadataEndpoint': 'endpoint that reports a key’s permissions',
  'key.subAccountCanWithdraw': 'sub-account keys can withdraw',
  'key.permissions': 'the boxes on the key form',
  'withdrawal.addressBookPath': 'where the address book is',
  'withdrawal.whitelistOnlySwitch': 'whitelist-only switch',
  'withdrawal.apiLimitedToWhitelist': 'API withdrawals limited to the whitelist',
  'withdrawal.separateApiWhitelist': 'separate whitelist for API keys',
  'withdrawal.newAddressDelay': 'delay before a new address can be used',
  'withdrawal.networks': 'networks for USDT and USDC',
};

const isDated = (v: unknown): v is { verified: string; sources: { url: string }[] } =>
  typeof v === 'object' && v !== null && typeof (v as { verified?: unknown }).verified === 'string' && Array.isArray((v as { sources?: unknown }).sources);

/** The dated facts of one exchange, in file order. */
export function factsOf(ex: Exchange): DatedFact[] {
  const out: DatedFact[] = [];
  const add = (path: string, label: string, f: { verified: string; sources: { url: string }[] }) =>
    out.push({ exchange: ex.id, path, label, verified: f.verified, sources: f.sources.map((s) => s.url) });
  for (const part of ['ip', 'key', 'withdrawal'] as const) {
    const group = ex[part] as Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(group ?? {})) {
      const path = `${part}.${name}`;
      if (isDated(value)) add(path, LABELS[path] ?? path, value);
    }
  }
  for (const p of ex.pitfalls) add(`pitfalls.${p.id}`, `pitfall “${p.title}”`, p);
  for (const e of ex.errors) add(`errors.${e.code}`, `error ${e.code}`, e);
  return out;
}

/** Whole days from a YYYY-MM-DD date to `today` (also YYYY-MM-DD). */
export function ageInDays(verified: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${verified}T00:00:00Z`)) / 86_400_000);
}

/** Oldest first; facts checked on the same day keep exchange and file order. */
export function oldestFirst(list: DatedFact[]): DatedFact[] {
  return list.map((f, i) => ({ f, i })).sort((a, b) => a.f.verified.localeCompare(b.f.verified) || a.i - b.i).map(({ f }) => f);
}

export const isStale = (f: DatedFact, today: string) => ageInDays(f.verified, today) > STALE_DAYS;

/**
 * What a guide says about its facts: the oldest check (the one to redo first), how many facts share
 * its date, and the newest.
 */
export function checkedSpan(ex: Exchange): { oldest: DatedFact; oldestCount: number; newest: DatedFact; count: number } {
  const list = oldestFirst(factsOf(ex));
  if (!list.length) throw new Error(`${ex.id} has no dated facts`);
  const oldest = list[0]!;
  return { oldest, oldestCount: list.filter((f) => f.verified === oldest.verified).length, newest: list[list.length - 1]!, count: list.length };
}

/** The report `npm run facts` prints: one line per fact, oldest first, stale ones flagged. */
export function factsReport(exchanges: Exchange[], today: string): { text: string; stale: number; total: number } {
  const list = oldestFirst(exchanges.flatMap(factsOf));
  const stale = list.filter((f) => isStale(f, today)).length;
  const lines = list.map((f) => {
    const age = ageInDays(f.verified, today);
    return `${isStale(f, today) ? 'STALE' : 'ok   '}  ${f.verified}  ${String(age).padStart(4)} d  ${f.exchange.padEnd(8)} ${f.path}  (${f.label})`;
  });
  const summary = `${list.length} facts; ${stale} older than ${STALE_DAYS} days on ${today}${stale ? ': re-check them against the official sources and update `verified`' : ''}.`;
  return { text: [...lines, '', summary].join('\n'), stale, total: list.length };
}

/**
 * The line at the top of a guide: when its facts were checked. Where the dates differ it names the
 * oldest check, or, when several facts share the oldest date, says how many (`npm run facts` lists them).
 */
export function factsCheckedText(ex: Exchange, today: string): string {
  const { oldest, oldestCount, newest, count } = checkedSpan(ex);
  const span = oldest.verified === newest.verified
    ? `on ${oldest.verified}`
    : `between ${oldest.verified} and ${newest.verified}${oldestCount === 1 ? `; the oldest check is ${oldest.label}` : `, ${oldestCount} of them on ${oldest.verified}`}`;
  const stale = isStale(oldest, today)
    ? ` Some checks are more than ${STALE_DAYS} days old: compare the key form with this guide as you go, and tell XAPY if they differ.`
    : '';
  return `The ${count} facts on this page were checked against ${ex.name}’s official documentation ${span}.${stale}`;
}
