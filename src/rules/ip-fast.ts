/**
 * Shortcuts for the forms almost every pasted address takes, so that a long paste is read quickly:
 * ipaddr.js reads every other form. Each one gives exactly what ipaddr.js gives (fast-check
 * properties in test/unit/fuzz/ip-fast.test.ts compare them on random and adversarial text).
 */
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const DOT = 46;
const ZERO = 48;
const NINE = 57;

/**
 * The four numbers of a plain IPv4 address (0 to 255, no leading zero: what
 * ipaddr.IPv4.isValidFourPartDecimal accepts), or undefined for any other text.
 */
export function plainIpv4(text: string): number[] | undefined {
  const octets: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : DOT; // a dot after the end closes the last number
    if (c >= ZERO && c <= NINE) {
      if (digits === 1 && value === 0) return undefined; // a leading zero
      value = value * 10 + (c - ZERO);
      if (value > 255) return undefined;
      digits++;
    } else if (c === DOT && digits > 0 && octets.length < 4) {
      octets.push(value);
      value = 0;
      digits = 0;
    } else return undefined;
  }
  return octets.length === 4 ? octets : undefined;
}

const COLON = 58;
const hexValue = (c: number) => (c >= ZERO && c <= NINE ? c - ZERO : (c | 32) >= 97 && (c | 32) <= 102 ? (c | 32) - 87 : -1);

/**
 * The eight groups of an IPv6 address written in hexadecimal groups alone ("2001:db8::1"), or
 * undefined for any other text: an IPv4 tail, a zone or a mistake, which ipaddr.js then reads.
 */
export function hexIpv6(text: string): number[] | undefined {
  const parts: number[] = [];
  let gap = -1; // where "::" stands in `parts`
  let i = 0;
  if (text.charCodeAt(0) === COLON && text.charCodeAt(1) === COLON) {
    gap = 0;
    i = 2;
  }
  while (i < text.length) {
    let value = 0;
    let j = i;
    for (let h; j < text.length && j - i <= 4 && (h = hexValue(text.charCodeAt(j))) >= 0; j++) value = value * 16 + h;
    if (j === i || j - i > 4) return undefined; // a group is one to four digits
    parts.push(value);
    if (j === text.length) break;
    if (text.charCodeAt(j) !== COLON) return undefined;
    if (text.charCodeAt(j + 1) === COLON) {
      if (gap >= 0) return undefined; // one "::" at most
      gap = parts.length;
      i = j + 2;
    } else if ((i = j + 1) === text.length) return undefined; // a single ":" at the end
  }
  if (gap < 0) return parts.length === 8 ? parts : undefined;
  if (parts.length > 7) return undefined; // "::" stands for one group or more
  parts.splice(gap, 0, ...Array<number>(8 - parts.length).fill(0));
  return parts;
}

/**
 * An IPv6 address as ipaddr.js's toString() writes it (RFC 5952: small letters, no leading zeros,
 * the longest run of two or more zero groups as "::", the first of equal runs), built by one join.
 */
export function ipv6Text(parts: readonly number[]): string {
  let at = -1;
  let length = 1;
  for (let i = 0, j = 0; i < 8; i = j + 1) {
    for (j = i; j < 8 && parts[j] === 0; j++);
    if (j - i > length) [at, length] = [i, j - i];
  }
  const hex = parts.map((p) => p.toString(16));
  if (at >= 0) hex.splice(at, length, ...(at === 0 ? [''] : []), '', ...(at + length === 8 ? [''] : []));
  return hex.join(':');
}

type RangeTable = Record<string, [Address, number] | [Address, number][]>;

/**
 * The first units (IPv4: the first number; IPv6: the first group) of the addresses in ipaddr.js's
 * special ranges: an address whose first unit is not among them is in none of the ranges.
 */
function specialFirstUnits(table: RangeTable, unitBits: number): Set<number> {
  const units = new Set<number>();
  for (const value of Object.values(table)) {
    for (const [network, prefix] of (Array.isArray(value[0]) ? value : [value]) as [Address, number][]) {
      const first = network instanceof ipaddr.IPv4 ? network.octets[0]! : network.parts[0]!;
      const free = Math.max(0, unitBits - prefix);
      for (let u = (first >> free) << free, end = u + 2 ** free; u < end; u++) units.add(u);
    }
  }
  return units;
}

const special = {
  ipv4: specialFirstUnits((ipaddr.IPv4.prototype as unknown as { SpecialRanges: RangeTable }).SpecialRanges, 8),
  ipv6: specialFirstUnits((ipaddr.IPv6.prototype as unknown as { SpecialRanges: RangeTable }).SpecialRanges, 16),
};

/**
 * ipaddr.js's range() ("unicast" when the address is in no special range), which tries its ranges
 * one by one: skipped for the many addresses whose first unit no special range has.
 */
export function rangeOf(address: Address): string {
  return address instanceof ipaddr.IPv4
    ? (special.ipv4.has(address.octets[0]!) ? address.range() : 'unicast')
    : (special.ipv6.has(address.parts[0]!) ? address.range() : 'unicast');
}
