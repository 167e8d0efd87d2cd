/**
 * The IP-whitelist checker: is this list exactly XAPY's servers, in a form the chosen
 * exchange accepts? Pure: callers pass the server list and the exchange's facts.
 */
import type { Exchange, Fact, Servers } from '../data/schema.ts';
import ipaddr from 'ipaddr.js';
import { classify, nonPublicRange, rangeContains, splitEntries, type Classified, type ParsedEntry } from './ip-parse.ts';
import { rangeOf } from './ip-fast.ts';
import { count } from './sentence.ts';
import { findSecretsInText, holdsSecret } from './secrets.ts';
import { findingCollector, quote, verdictOf, type Finding, type Report, type RuleDoc } from './report.ts';

/** The facts the checker needs about one exchange (a projection of its data file). */
export interface ExchangeIpFacts {
  id: string;
  name: string;
  maxPerKey: number | 'unknown';
  cidr: boolean | 'ipv4-only' | 'unknown';
  ipv6: boolean | 'unknown';
  separator: 'comma' | 'newline' | 'unknown';
  /** What the exchange does to a key with no IP binding, for readers; absent when unknown. */
  withoutIp?: string;
  /**
   * When the exchange does not document its limit: the smallest limit any exchange documents. A
   * list no longer than that fits wherever a limit is known, so the unknown one is only noted.
   */
  safeEntries?: number;
  /** What that does, in one word: 'trading-disabled' touches only some trading (Binance: spot and margin). */
  withoutIpEffect?: string;
}

export interface IpCheckContext {
  servers: Pick<Servers, 'status' | 'servers'>;
  /** null: check against no particular exchange ("any exchange"). */
  exchange: ExchangeIpFacts | null;
  /** Site origin for rule links, e.g. https://docs.xapy.io */
  site: string;
}

export interface IpReport extends Report {
  exchange: string;
  entries: ParsedEntry[];
  /** XAPY's servers in the exchange's format, ready to paste. */
  formatted: string;
}

export const CHECKER_PATH = '/tools/ip-whitelist-checker/';

export const ipRules: RuleDoc[] = [
  { id: 'secret-pasted', severity: 'error', title: 'A secret was pasted',
    explanation: 'The list held a value that looks like an API secret, a passphrase or a private key. The checker never shows it and leaves it out of every report, but a secret that has been pasted somewhere may have been seen or stored on the way: treat this key as exposed: delete it on the exchange and create a new one.' },
  { id: 'unrestricted', severity: 'error', title: 'The key accepts requests from anywhere',
    explanation: 'An empty list, “*”, 0.0.0.0/0 or ::/0 leaves the key usable from any computer in the world. Anyone who obtains the key and secret could use it. Several exchanges also expire such keys or limit what they may do.' },
  { id: 'invalid-entry', severity: 'error', title: 'An entry is not an IP address',
    explanation: 'Exchanges accept plain IP addresses, and some accept ranges. A port (1.2.3.4:443), a number above 255, a host name or a URL will be refused by the exchange’s form or, worse, saved as something you did not mean.' },
  { id: 'non-public-address', severity: 'error', title: 'A private, loopback or reserved address',
    explanation: 'Requests from XAPY reach the exchange from public internet addresses. A private (10.x, 192.168.x), loopback, link-local or reserved address can never be the source of such a request, so it is always a mistake in a whitelist.' },
  { id: 'range-too-broad', severity: 'error', title: 'A range that contains XAPY’s servers and much more',
    explanation: 'A range such as 203.0.113.0/24 includes XAPY’s server but also every other address in it. Whitelist the single addresses XAPY publishes instead.' },
  { id: 'not-xapy-server', severity: 'error', title: 'An address that is not one of XAPY’s servers',
    explanation: 'The key should accept requests only from XAPY. Any other address, even your own, widens who can use the key. Keep a separate key for your own tools.' },
  { id: 'missing-xapy-server', severity: 'error', title: 'One of XAPY’s servers is missing',
    explanation: 'XAPY may send requests from any server on its list. When one is missing, the exchange rejects the requests that come from it and orders or transfers fail at random.' },
  { id: 'too-many-entries', severity: 'error', title: 'More entries than the exchange allows',
    explanation: 'Each exchange caps how many addresses one key may hold. A longer list is refused or cut short.' },
  { id: 'cidr-not-accepted', severity: 'error', title: 'The exchange does not accept ranges',
    explanation: 'Some exchanges accept single addresses only, or ranges of IPv4 addresses only. Enter each address on its own.' },
  { id: 'ipv6-not-accepted', severity: 'error', title: 'The exchange does not accept IPv6',
    explanation: 'This exchange documents IPv4 addresses only. Use XAPY’s IPv4 addresses.' },
  { id: 'duplicate-entry', severity: 'warning', title: 'The same address twice',
    explanation: 'An address written twice, even in two notations (2001:db8::1 and 2001:0db8:0:0:0:0:0:1), uses up two places of the exchange’s limit and makes the list harder to review. Remove the copies.' },
  { id: 'max-entries-unknown', severity: 'warning', title: 'The exchange’s limit on entries is not documented',
    explanation: 'We found no official statement of how many addresses this exchange allows on one key. A list no longer than the smallest limit any exchange documents fits anyway, so for such a list (XAPY’s own list is one) this is only a note. For a longer list it is a warning: when you save the key, check that the exchange kept every address.' },
  { id: 'cidr-support-unknown', severity: 'warning', title: 'Range support is not documented',
    explanation: 'We found no official statement of whether this exchange accepts ranges. Prefer single addresses, which every exchange accepts.' },
  { id: 'ipv6-support-unknown', severity: 'warning', title: 'IPv6 support is not documented',
    explanation: 'We found no official statement of whether this exchange accepts IPv6 addresses. After saving, check that the exchange kept them.' },
  { id: 'example-server-list', severity: 'info', title: 'The server list is an example',
    explanation: 'XAPY has not yet published its real server list on this site. The addresses shown are documentation addresses that stand in for it; do not put them on a real key.' },
];

/** Projects an exchange's data file onto the facts the checker uses. */
export function ipFactsOf(exchange: Exchange): ExchangeIpFacts {
  const v = <T>(f: Fact<T>) => f.value;
  const withoutIp = exchange.ip.withoutIp.value;
  return {
    id: exchange.id,
    name: exchange.name,
    maxPerKey: v(exchange.ip.maxPerKey),
    cidr: v(exchange.ip.cidr),
    ipv6: v(exchange.ip.ipv6),
    separator: v(exchange.ip.separator),
    ...(withoutIp !== 'unknown' ? { withoutIp: withoutIp.summary, withoutIpEffect: withoutIp.effect } : {}),
  };
}

/** The smallest number of IP entries per key that any of these exchanges documents. */
export function smallestDocumentedLimit(all: readonly Exchange[]): number | undefined {
  const limits = all.map((e) => e.ip.maxPerKey.value).filter((v): v is number => typeof v === 'number');
  return limits.length ? Math.min(...limits) : undefined;
}

/** The facts of one exchange, with `safeEntries` from every exchange's documented limit. */
export function ipFactsAmong(exchange: Exchange, all: readonly Exchange[]): ExchangeIpFacts {
  const facts = ipFactsOf(exchange);
  const safe = facts.maxPerKey === 'unknown' ? smallestDocumentedLimit(all) : undefined;
  return safe !== undefined ? { ...facts, safeEntries: safe } : facts;
}

export function separatorText(separator: ExchangeIpFacts['separator'] | undefined): string {
  return separator === 'comma' ? ',' : '\n';
}

/**
 * `removedSecrets`: secrets the widget has already taken out of this text (where they were); the
 * key stays exposed, so they are still reported.
 */
export function checkIps(pasted: string, ctx: IpCheckContext, removedSecrets: readonly string[] = []): IpReport {
  // A secret pasted into the list is reported, and taken out before anything could quote it.
  const found = findSecretsInText(pasted, 'ips');
  const secrets = [...found, ...removedSecrets.map((path) => ({ path, value: '' }))];
  let text = pasted;
  for (const s of found) if (s.value.startsWith('-----BEGIN')) text = text.split(s.value).join('\n');
  const tokens = new Set(found.map((s) => s.value));
  const inputs = tokens.size === 0 ? splitEntries(text) : splitEntries(text).filter((e) => !tokens.has(e) && !holdsSecret(e, tokens));
  const ex = ctx.exchange;
  const docs = (id: string) => `${ctx.site}${CHECKER_PATH}#${id}`;
  const serverAddresses = ctx.servers.servers.map((s) => s.address);
  const serverSet = new Set(serverAddresses);
  const serverParsed = serverAddresses.map((a) => ipaddr.process(a));
  const formatted = serverAddresses.join(separatorText(ex?.separator));
  const exchangeName = ex ? ex.name : 'the exchange';

  const collector = findingCollector(docs);
  const add = (id: string, severity: Finding['severity'], build: () => { message: string; fix?: string }, perEntry = false) =>
    collector.add(id, severity, build, { capped: perEntry });

  const keepOnly = `Whitelist only XAPY’s servers: ${serverAddresses.join(', ')}.`;
  const consequence = ex?.withoutIp ? ` On ${ex.name}: ${ex.withoutIp}` : '';

  if (secrets.length > 0) {
    add('secret-pasted', 'error', () => ({
      message: `The list contains ${secrets.length === 1 ? 'something that looks like a key’s secret or private key' : `${secrets.length} values that look like secrets or private keys`}, so treat this key as exposed: delete it on the exchange and create a new one. It is left out of this report.`,
      fix: 'Paste only IP addresses here. Never paste a key’s secret, passphrase or private key anywhere but XAPY’s own form.' }));
  }
  if (inputs.length === 0 && secrets.length === 0) {
    add('unrestricted', 'error', () => ({
      message: `The list is empty, so the key would accept requests from any address.${consequence}`,
      fix: keepOnly }));
  }

  type Hit = [id: string, build: () => { message: string; fix?: string }];
  /** The per-entry errors of one entry, in order: worked out once for all copies of an entry. */
  const hitsOf = ({ entry, address, prefix, range }: Classified): Hit[] => {
    if (entry.kind === 'invalid') {
      return [['invalid-entry', () => ({ message: `${quote(entry.input)} is not usable: ${entry.reason}.`, fix: 'Correct or remove it.' })]];
    }
    if (entry.kind === 'any') {
      return [['unrestricted', () => ({ message: `${quote(entry.input)} allows requests from any address.${consequence}`, fix: keepOnly })]];
    }
    const hits: Hit[] = [];
    const isRange = entry.kind === 'ipv4-range' || entry.kind === 'ipv6-range';
    const isV6 = entry.kind === 'ipv6' || entry.kind === 'ipv6-range';
    if (ex && isRange && (ex.cidr === false || (ex.cidr === 'ipv4-only' && isV6))) {
      hits.push(['cidr-not-accepted', () => ({
        message: `${ex.name} does not accept ${ex.cidr === 'ipv4-only' ? 'IPv6 ranges' : 'ranges'} such as ${quote(entry.input)}.`,
        fix: 'Enter single addresses.' })]);
    }
    if (ex && isV6 && ex.ipv6 === false) {
      hits.push(['ipv6-not-accepted', () => ({ message: `${ex.name} does not accept IPv6 addresses such as ${quote(entry.input)}.`,
        fix: 'Use XAPY’s IPv4 addresses.' })]);
    }
    if (!isRange && serverSet.has(entry.normalized!)) return hits;

    if (isRange) {
      const inside = serverAddresses.filter((_, i) => rangeContains(address!, prefix!, serverParsed[i]!));
      if (inside.length > 0) {
        hits.push(['range-too-broad', () => ({
          message: `${quote(entry.input)} contains XAPY’s ${inside.join(', ')} but also every other address in the range.`,
          fix: `Replace it with ${inside.join(', ')}.` })]);
        return hits;
      }
    }
    const where = nonPublicRange(range ?? rangeOf(address!));
    if (where) {
      hits.push(['non-public-address', () => ({
        message: `${quote(entry.input)} is ${where}; no request from XAPY can come from it.`, fix: 'Remove it.' })]);
      return hits;
    }
    hits.push(['not-xapy-server', () => ({
      message: `${quote(entry.input)} is not one of XAPY’s servers; requests from it could use the key.`,
      fix: 'Remove it. Use a separate key for your own tools.' })]);
    return hits;
  };

  /** Each distinct entry, in the order first written: classified and judged once, however often it is listed. */
  const distinct = new Map<string, { classified: Classified; hits: Hit[]; count: number }>();
  const entries: ParsedEntry[] = [];
  for (const input of inputs) {
    let one = distinct.get(input);
    if (!one) {
      const classified = classify(input);
      distinct.set(input, (one = { classified, hits: hitsOf(classified), count: 0 }));
    }
    one.count++;
    entries.push(one.classified.entry);
    for (const [id, build] of one.hits) add(id, 'error', build, true);
  }

  /** Each address (normal form): how often it is listed, and the ways it is written, in order. */
  const seen = new Map<string, { count: number; written: string[] }>();
  let hasRange = false;
  let hasIpv6 = false;
  for (const [input, { classified: { entry }, count }] of distinct) {
    if (entry.kind === 'invalid') continue;
    const same = seen.get(entry.normalized!);
    if (same) {
      same.count += count;
      same.written.push(input);
    } else seen.set(entry.normalized!, { count, written: [input] });
    hasRange ||= entry.kind === 'ipv4-range' || entry.kind === 'ipv6-range';
    hasIpv6 ||= entry.kind === 'ipv6' || entry.kind === 'ipv6-range';
  }

  for (const [norm, { count, written }] of seen) {
    if (count < 2) continue;
    add('duplicate-entry', 'warning', () => ({
      message: written.length > 1
        ? `${written.map((w) => quote(w)).join(' and ')} are the same address (${norm}).`
        : `${quote(norm)} is listed ${count} times.`,
      fix: 'Keep it once.' }), true);
  }

  const covered = (s: string) => seen.has(s);
  for (const server of ctx.servers.servers) {
    if (covered(server.address)) continue;
    add('missing-xapy-server', 'error', () => ({
      message: `XAPY’s server ${server.address} (${server.label}) is missing; ${exchangeName} will reject requests from it.`,
      fix: `Add ${server.address}.` }));
  }

  if (ex && entries.length > 0) {
    if (typeof ex.maxPerKey === 'number' && entries.length > ex.maxPerKey) {
      add('too-many-entries', 'error', () => ({
        message: `${ex.name} allows at most ${ex.maxPerKey} entries on one key; this list has ${entries.length}.`, fix: keepOnly }));
    } else if (ex.maxPerKey === 'unknown') {
      // Only worth acting on when the list is longer than every exchange that says allows.
      const fits = ex.safeEntries !== undefined && seen.size <= ex.safeEntries;
      add('max-entries-unknown', fits ? 'info' : 'warning', () => ({
        message: fits
          ? `${ex.name} does not document how many addresses one key may hold, but ${seen.size === 1 ? 'one address fits' : `${seen.size} addresses fit`} within the smallest limit any exchange documents (${ex.safeEntries}), so this cannot matter.`
          : `${ex.name} does not document how many addresses one key may hold, and this list has ${count(entries.length, 'entry', 'entries')}, more than some exchanges allow.`,
        ...(fits ? {} : { fix: `After saving the key, check that ${ex.name} kept all ${entries.length} entries.` }) }));
    }
    if (hasRange && ex.cidr === 'unknown') {
      add('cidr-support-unknown', 'warning', () => ({ message: `${ex.name} does not document whether it accepts ranges.`,
        fix: 'Enter single addresses instead.' }));
    }
    if (hasIpv6 && ex.ipv6 === 'unknown') {
      add('ipv6-support-unknown', 'warning', () => ({ message: `${ex.name} does not document whether it accepts IPv6 addresses.`,
        fix: `After saving the key, check that ${ex.name} kept the IPv6 entries.` }));
    }
  }

  if (ctx.servers.status === 'example') {
    add('example-server-list', 'info', () => ({
      message: 'The XAPY server list used here is an example (documentation addresses), not XAPY’s real servers.',
      fix: 'Do not put these addresses on a real key until XAPY publishes its list on this site.' }));
  }

  const sorted = collector.finish();
  return { verdict: verdictOf(sorted), findings: sorted, exchange: ex?.id ?? 'any', entries, formatted };
}
