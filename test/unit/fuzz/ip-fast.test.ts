/**
 * The IP reader's shortcuts (src/rules/ip-fast.ts) give what ipaddr.js gives, on random and
 * adversarial text (FUZZ_RUNS cases per property): same verdict, same numbers, same text.
 */
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { hexIpv6, ipv6Text, plainIpv4, rangeOf } from '../../../src/rules/ip-fast.ts';
import { property } from '../../helpers/fuzz.ts';

const chars = (alphabet: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), maxLength });
const group = fc.oneof(fc.constantFrom('0', '00', '0000', 'ffff', 'FFFF', '1', '10000', ''), fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)));
/** IPv6-like text: groups joined by ":" or "::", in any case, sometimes with leading zeros or too many groups. */
const ipv6Like = fc.oneof(
  fc.ipV6(),
  fc.ipV6().map((ip) => ip.toUpperCase()),
  fc.ipV6().map((ip) => ip.replace(/(^|:)([0-9a-f]{1,3})(?=:|$)/g, '$10$2')),
  fc.array(fc.tuple(group, fc.constantFrom(':', ':', ':', '::', ':::')), { maxLength: 10 }).map((gs) => gs.map(([g, s]) => g + s).join('')),
  fc.array(group, { maxLength: 10 }).map((gs) => gs.join(':')),
  fc.tuple(fc.array(group, { maxLength: 8 }), fc.array(group, { maxLength: 8 })).map(([a, b]) => `${a.join(':')}::${b.join(':')}`),
  fc.tuple(fc.ipV6(), fc.ipV4()).map(([a, b]) => `${a.split('::')[0]}::${b}`),
  chars('0123456789abcdefABCDEF:', 45),
  chars('0123456789abcdefg:.%/[] ', 45),
  fc.string({ maxLength: 45 }),
);
const ipv4Like = fc.oneof(
  fc.ipV4(),
  fc.ipV4Extended(),
  fc.array(fc.oneof(fc.nat(300).map(String), fc.constantFrom('0', '00', '01', '010', '255', '256', '1000', '')), { maxLength: 6 }).map((ns) => ns.join('.')),
  chars('0123456789.', 20),
  chars('0123456789.x: ', 20),
  fc.string({ maxLength: 20 }),
);

/** ipaddr.js's reading of `text`, or null when it refuses it. */
function ipaddrParts(text: string): number[] | null {
  return ipaddr.IPv6.isValid(text) ? ipaddr.IPv6.parse(text).parts : null;
}

describe('plain IPv4 (a char-by-char read)', () => {
  property('reads exactly what ipaddr.js reads as a four-part decimal address, as the same numbers', ipv4Like, (text) => {
    const mine = plainIpv4(text);
    expect(mine !== undefined, text).toBe(ipaddr.IPv4.isValidFourPartDecimal(text));
    if (mine) expect(mine).toEqual(ipaddr.IPv4.parse(text).octets);
  });
});

describe('hexadecimal IPv6 (a char-by-char read)', () => {
  property('what it reads, ipaddr.js reads as the same groups', ipv6Like, (text) => {
    const mine = hexIpv6(text);
    if (mine) expect(mine).toEqual(ipaddrParts(text));
  });

  property('it reads every address ipaddr.js reads that is written in hexadecimal groups alone', ipv6Like, (text) => {
    if (/^[0-9a-f:]+$/i.test(text) && ipaddrParts(text)) expect(hexIpv6(text), text).toEqual(ipaddrParts(text));
  });
});

describe('IPv6 text (RFC 5952)', () => {
  const part = fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.constantFrom(1, 0xffff, 0xdb8), fc.integer({ min: 0, max: 0xffff }));
  property('is what ipaddr.js writes', fc.array(part, { minLength: 8, maxLength: 8 }), (parts) => {
    expect(ipv6Text(parts)).toBe(new ipaddr.IPv6(parts).toString());
  });
});

describe('special ranges', () => {
  type Table = Record<string, [ipaddr.IPv4 | ipaddr.IPv6, number] | [ipaddr.IPv4 | ipaddr.IPv6, number][]>;
  const networks = (proto: object) => Object.values((proto as { SpecialRanges: Table }).SpecialRanges)
    .flatMap((v) => (Array.isArray(v[0]) ? v : [v]) as [ipaddr.IPv4 | ipaddr.IPv6, number][]);
  /** An address inside one of ipaddr.js's special ranges, or just next to one, or anywhere. */
  const nearSpecial = (kind: 'ipv4' | 'ipv6') => {
    const proto = kind === 'ipv4' ? ipaddr.IPv4.prototype : ipaddr.IPv6.prototype;
    const bytes = kind === 'ipv4' ? 4 : 16;
    return fc.tuple(fc.constantFrom(...networks(proto)), fc.uint8Array({ minLength: bytes, maxLength: bytes }), fc.integer({ min: -2, max: 2 }))
      .map(([[network, prefix], random, shift]) => {
        const keep = Math.max(0, Math.min(bytes * 8, prefix + shift));
        const base = network.toByteArray();
        return ipaddr.fromByteArray(base.map((b, i) => {
          const bits = Math.max(0, Math.min(8, keep - i * 8)); // bits of this byte kept from the network
          const mask = bits === 0 ? 0 : (0xff << (8 - bits)) & 0xff;
          return (b & mask) | (random[i]! & ~mask & 0xff);
        }));
      });
  };
  const address = fc.oneof(nearSpecial('ipv4'), nearSpecial('ipv6'), fc.ipV4().map((ip) => ipaddr.parse(ip)), fc.ipV6().map((ip) => ipaddr.parse(ip)));

  property('the range is ipaddr.js’s range()', address, (a) => {
    expect(rangeOf(a)).toBe(a.range());
  });

  it('is ipaddr.js’s range() for every first number (IPv4) and first group (IPv6)', () => {
    for (let u = 0; u < 256; u++) {
      for (const rest of [[0, 0, 0], [255, 255, 255], [1, 2, 3]]) {
        const a = new ipaddr.IPv4([u, ...rest]);
        expect(rangeOf(a), a.toString()).toBe(a.range());
      }
    }
    for (let u = 0; u <= 0xffff; u++) {
      for (const rest of [[0, 0, 0, 0, 0, 0, 0], [0xffff, 0, 0, 0, 0, 0, 1]]) {
        const a = new ipaddr.IPv6([u, ...rest]);
        if (rangeOf(a) !== a.range()) expect(rangeOf(a), a.toString()).toBe(a.range());
      }
    }
  });
});
