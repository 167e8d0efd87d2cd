/**
 * Reads a pasted IP list in whatever form people copy it: separated by commas, spaces,
 * new lines, semicolons or tabs (mixed), with quotes, or as a JSON array; IPv4, IPv6 in
 * any notation, CIDR ranges. Each entry is classified and normalized with ipaddr.js (whose
 * results src/rules/ip-fast.ts gives quicker for the common forms).
 */
import ipaddr from 'ipaddr.js';
import { hexIpv6, ipv6Text, plainIpv4, rangeOf } from './ip-fast.ts';
import { trimChars } from './trim.ts';

export type EntryKind = 'ipv4' | 'ipv6' | 'ipv4-range' | 'ipv6-range' | 'any' | 'invalid';

export interface ParsedEntry {
  /** The entry as the user wrote it (quotes removed). */
  input: string;
  kind: EntryKind;
  /** Canonical form: IPv6 compressed and lower-case, ranges as network/prefix. Absent when invalid. */
  normalized?: string;
  /** Why an entry is invalid, in plain words. */
  reason?: string;
}

const SEPARATORS = /[\s,;]+/;
/** Quotes around an entry, removed. */
const unquote = (token: string) => trimChars(token, '"\'`');

/** Splits pasted text into entries. A JSON array of strings is read as such. */
export function splitEntries(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        return (value as string[]).flatMap((v) => splitEntries(v));
      }
    } catch {
      // not JSON after all: read it as plain text below
    }
  }
  const out: string[] = [];
  for (const raw of trimmed.split(SEPARATORS)) {
    let token = unquote(raw);
    // Leftovers of a JSON array written loosely: ["1.2.3.4", "5.6.7.8"]
    if (token.startsWith('[') && !token.includes(']')) token = unquote(token.slice(1));
    if (token.endsWith(']') && !token.includes('[')) token = unquote(token.slice(0, -1));
    if (token !== '') out.push(token);
  }
  return out;
}

const DOTTED_NUMBERS = /^\d+(\.\d+)*$/;

function invalid(input: string, reason: string): ParsedEntry {
  return { input, kind: 'invalid', reason };
}

/** What is wrong with numbers and dots that plainIpv4 did not read as an address. */
function ipv4Problem(text: string): string {
  const parts = text.split('.');
  if (parts.length !== 4) return `an IPv4 address has four numbers separated by dots; this one has ${parts.length}`;
  if (parts.some((p) => p.length > 3 || Number(p) > 255)) return 'each number of an IPv4 address must be between 0 and 255';
  return 'a number with a leading zero is read differently by different systems; write it without the zero';
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An entry together with its parsed address, so that later rules do not parse it again. */
export interface Classified {
  entry: ParsedEntry;
  /** The address, or a range's network address. */
  address?: Address;
  prefix?: number;
  /** ipaddr.js's name for the special range the address is in ("unicast" when none), when already known. */
  range?: string;
}

function parseAddress(input: string, text: string): Classified {
  const octets = plainIpv4(text);
  // Four decimal numbers without leading zeros: the text is already the canonical form.
  if (octets) return { entry: { input, kind: 'ipv4', normalized: text }, address: new ipaddr.IPv4(octets) };
  if (DOTTED_NUMBERS.test(text)) return { entry: invalid(input, ipv4Problem(text)) };
  if (text.includes(':')) {
    if (text.includes('%')) return { entry: invalid(input, 'an IPv6 zone such as “%eth0” only has meaning on one machine; remove it') };
    if (/^[\d.]+:\d+$/.test(text)) return { entry: invalid(input, 'it has a port number; exchanges want the address alone, without “:port”') };
    // The longest IPv6 text is 45 characters (eight full groups, the last two written as IPv4);
    // a longer token is not one, and ipaddr.js would take time that grows faster than its length.
    if (text.length > 45) return { entry: invalid(input, 'it is not a valid IPv6 address') };
    let address: ipaddr.IPv6;
    try {
      const parts = hexIpv6(text);
      address = parts ? new ipaddr.IPv6(parts) : ipaddr.IPv6.parse(text);
    } catch {
      return { entry: invalid(input, 'it is not a valid IPv6 address') };
    }
    const range = rangeOf(address); // computed once: it also tells an IPv4-mapped address
    if (range === 'ipv4Mapped') {
      const v4 = address.toIPv4Address(); // ::ffff:192.0.2.1 stands for 192.0.2.1
      return { entry: { input, kind: 'ipv4', normalized: v4.toString() }, address: v4 };
    }
    return { entry: { input, kind: 'ipv6', normalized: ipv6Text(address.parts) }, address, range };
  }
  if (/[a-z]/i.test(text) && /^[a-z0-9.-]+$/i.test(text)) return { entry: invalid(input, 'it is a host name; exchanges accept IP addresses only') };
  return { entry: invalid(input, 'it is not an IP address') };
}

/** Classifies one entry and keeps its parsed address. */
export function classify(input: string): Classified {
  if (input === '*') return { entry: { input, kind: 'any', normalized: '*' } };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return { entry: invalid(input, 'it is a URL; enter the IP address alone') };
  let text = input;
  const bracketed = /^\[([^\]]*)\](.*)$/.exec(text);
  if (bracketed) {
    if (bracketed[2] !== '') return { entry: invalid(input, 'it has a port number; exchanges want the address alone, without “:port”') };
    text = bracketed[1]!;
  }
  const slash = text.indexOf('/');
  if (slash === -1) return parseAddress(input, text);

  const host = parseAddress(input, text.slice(0, slash));
  if (!host.address) return host;
  const prefixText = text.slice(slash + 1);
  const v4 = host.address.kind() === 'ipv4';
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return { entry: invalid(input, `the part after “/” must be a prefix length from 0 to ${max}`) };
  }
  const prefix = Number(prefixText);
  if (prefix === 0) return { entry: { input, kind: 'any', normalized: v4 ? '0.0.0.0/0' : '::/0' } };
  if (prefix === max) return { entry: { ...host.entry, input }, address: host.address }; // a one-address range is that address
  const cidr = `${host.address.toString()}/${prefix}`;
  const network = v4 ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return {
    entry: { input, kind: v4 ? 'ipv4-range' : 'ipv6-range', normalized: `${network.toString()}/${prefix}` },
    address: network,
    prefix,
  };
}

/** Classifies one entry. */
export function parseEntry(input: string): ParsedEntry {
  return classify(input).entry;
}

/**
 * Classifies every entry of a list, each distinct entry once: a long paste repeats itself, and its
 * copies share one result (read-only, like every Classified).
 */
export function classifyAll(inputs: readonly string[]): Classified[] {
  const known = new Map<string, Classified>();
  return inputs.map((input) => {
    let c = known.get(input);
    if (!c) known.set(input, (c = classify(input)));
    return c;
  });
}

export function parseList(text: string): ParsedEntry[] {
  return classifyAll(splitEntries(text)).map((c) => c.entry);
}

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'the “unspecified” address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address (this machine only)',
  carrierGradeNat: 'a carrier-grade NAT address (shared by an internet provider’s customers)',
  private: 'a private network address',
  uniqueLocal: 'a private (unique local) IPv6 address',
  reserved: 'a reserved or documentation address',
  benchmarking: 'a benchmarking address',
  discard: 'a discard-only address',
  ipv4Mapped: 'an IPv4-mapped address',
};

/** The special-purpose block named by ipaddr.js's range(), in plain words; undefined for a public address. */
export function nonPublicRange(range: string): string | undefined {
  if (range === 'unicast' || range === 'rfc6052' || range === '6to4' || range === 'teredo') return undefined;
  return RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
}

/** Whether the range network/prefix contains the address. */
export function rangeContains(network: Address, prefix: number, address: Address): boolean {
  return address.kind() === network.kind() && address.match(network, prefix);
}
