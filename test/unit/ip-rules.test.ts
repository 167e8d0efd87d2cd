/**
 * The IP-whitelist rules, specified as cases: what a user pastes → the verdict and the
 * findings they see. Uses a fixed server list and exchange facts, not the site's data.
 */
import { describe, expect, it } from 'vitest';
import { checkIps, ipRules, type ExchangeIpFacts, type IpCheckContext } from '../../src/rules/ip-check.ts';
import { parseEntry, splitEntries } from '../../src/rules/ip-parse.ts';
import { reportToMarkdown } from '../../src/rules/report.ts';

const servers = {
  status: 'published' as const,
  servers: [
    { address: '8.8.4.4', label: 'A' },
    { address: '1.1.1.1', label: 'B' },
    { address: '2606:4700:4700::1111', label: 'C' },
  ],
};
const ALL = '8.8.4.4, 1.1.1.1, 2606:4700:4700::1111';

const strict: ExchangeIpFacts = { id: 'strict', name: 'Strict', maxPerKey: 4, cidr: false, ipv6: false, separator: 'newline', withoutIp: 'Such a key expires after 7 days.' };
const v4ranges: ExchangeIpFacts = { id: 'v4r', name: 'V4Ranges', maxPerKey: 20, cidr: 'ipv4-only', ipv6: true, separator: 'comma' };
const vague: ExchangeIpFacts = { id: 'vague', name: 'Vague', maxPerKey: 'unknown', cidr: 'unknown', ipv6: 'unknown', separator: 'unknown' };
const open: ExchangeIpFacts = { id: 'open', name: 'Open', maxPerKey: 20, cidr: true, ipv6: true, separator: 'comma' };

const ctx = (exchange: ExchangeIpFacts | null = open, s: IpCheckContext['servers'] = servers): IpCheckContext => ({ servers: s, exchange, site: 'https://docs.example' });
const ids = (text: string, c = ctx()) => checkIps(text, c).findings.map((f) => f.id);

describe('reading a pasted list', () => {
  it.each([
    ['commas', '8.8.4.4,1.1.1.1,2606:4700:4700::1111'],
    ['commas and spaces', '8.8.4.4, 1.1.1.1, 2606:4700:4700::1111'],
    ['new lines', '8.8.4.4\n1.1.1.1\n2606:4700:4700::1111\n'],
    ['Windows line ends', '8.8.4.4\r\n1.1.1.1\r\n2606:4700:4700::1111'],
    ['semicolons', '8.8.4.4;1.1.1.1; 2606:4700:4700::1111'],
    ['tabs (a spreadsheet column)', '8.8.4.4\t1.1.1.1\t2606:4700:4700::1111'],
    ['mixed separators', ' 8.8.4.4 ;\n1.1.1.1,\t2606:4700:4700::1111 '],
    ['quoted entries', '"8.8.4.4", \'1.1.1.1\', `2606:4700:4700::1111`'],
    ['a JSON array', '["8.8.4.4", "1.1.1.1", "2606:4700:4700::1111"]'],
    ['a pretty-printed JSON array', '[\n  "8.8.4.4",\n  "1.1.1.1",\n  "2606:4700:4700::1111"\n]'],
    ['a loose array with a trailing comma', '["8.8.4.4", "1.1.1.1", "2606:4700:4700::1111",]'],
    ['full IPv6 notation', '8.8.4.4 1.1.1.1 2606:4700:4700:0000:0000:0000:0000:1111'],
    ['upper-case IPv6', '8.8.4.4 1.1.1.1 2606:4700:4700::1111'.toUpperCase()],
    ['IPv4-mapped IPv6 for an IPv4 server', '::ffff:8.8.4.4 1.1.1.1 2606:4700:4700::1111'],
    ['bracketed IPv6', '8.8.4.4 1.1.1.1 [2606:4700:4700::1111]'],
    ['single-address ranges', '8.8.4.4/32 1.1.1.1 2606:4700:4700::1111/128'],
  ])('accepts %s and finds exactly XAPY’s servers', (_name, text) => {
    const report = checkIps(text, ctx());
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.entries).toHaveLength(3);
  });

  it('reports each entry with its kind and normal form', () => {
    expect(parseEntry('2001:0DB8:0:0:0:0:0:1')).toEqual({ input: '2001:0DB8:0:0:0:0:0:1', kind: 'ipv6', normalized: '2001:db8::1' });
    expect(parseEntry('::ffff:192.0.2.1')).toMatchObject({ kind: 'ipv4', normalized: '192.0.2.1' });
    expect(parseEntry('64:ff9b::192.0.2.1')).toMatchObject({ kind: 'ipv6', normalized: '64:ff9b::c000:201' });
    // The longest way to write an IPv6 address (45 characters) is still read.
    expect(parseEntry('0000:0000:0000:0000:0000:ffff:192.168.100.200')).toMatchObject({ kind: 'ipv4', normalized: '192.168.100.200' });
    expect(parseEntry('203.0.113.77/24')).toMatchObject({ kind: 'ipv4-range', normalized: '203.0.113.0/24' });
    expect(parseEntry('2001:db8:1::/48')).toMatchObject({ kind: 'ipv6-range', normalized: '2001:db8:1::/48' });
    expect(parseEntry('0.0.0.0/0')).toMatchObject({ kind: 'any' });
    expect(parseEntry('::/0')).toMatchObject({ kind: 'any' });
    expect(parseEntry('*')).toMatchObject({ kind: 'any' });
  });

  it('splits without losing or inventing entries', () => {
    expect(splitEntries('')).toEqual([]);
    expect(splitEntries(' \n\t ,;, ')).toEqual([]);
    expect(splitEntries('a,,b;;\n\nc')).toEqual(['a', 'b', 'c']);
    expect(splitEntries('[]')).toEqual([]);
  });
});

describe('invalid entries say which and why', () => {
  it.each([
    ['1.2.3.4:443', /port/],
    ['[2606:4700:4700::1111]:443', /port/],
    ['300.1.1.1', /between 0 and 255/],
    ['1.2.3', /four numbers/],
    ['1.2.3.4.5', /four numbers/],
    ['010.1.1.1', /leading zero/],
    ['8.8.4.4/33', /prefix length from 0 to 32/],
    ['2606:4700::/129', /prefix length from 0 to 128/],
    ['8.8.4.4/abc', /prefix length/],
    ['api.xapy.io', /host name/],
    ['https://8.8.4.4/', /URL/],
    ['fe80::1%eth0', /zone/],
    ['2606:4700:::1', /not a valid IPv6/],
    ['2001:0db8:0000:0000:0000:0000:0000:0001:0000:1', /not a valid IPv6/],
    ['hello!', /not an IP address/],
  ])('%s is refused: %s', (input, reason) => {
    const report = checkIps(`${ALL}, ${input}`, ctx());
    const finding = report.findings.find((f) => f.id === 'invalid-entry');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(input);
    expect(finding?.message).toMatch(reason);
    expect(report.verdict).toBe('fail');
  });
});

describe('the list must be exactly XAPY’s servers', () => {
  it('an extra public address is an error that names it', () => {
    const r = checkIps(`${ALL}, 9.9.9.9`, ctx());
    expect(r.findings.map((f) => f.id)).toEqual(['not-xapy-server']);
    expect(r.findings[0]!.message).toContain('9.9.9.9');
    expect(r.verdict).toBe('fail');
  });

  it('each missing server is an error naming the server', () => {
    const r = checkIps('8.8.4.4', ctx());
    const missing = r.findings.filter((f) => f.id === 'missing-xapy-server');
    expect(missing.map((f) => f.message).join(' ')).toMatch(/1\.1\.1\.1.*2606:4700:4700::1111/s);
    expect(missing.every((f) => f.severity === 'error')).toBe(true);
  });

  it.each(['*', '0.0.0.0/0', '::/0', '0.0.0.0/0, 8.8.4.4'])('“%s” leaves the key open to anyone', (text) => {
    expect(ids(text)).toContain('unrestricted');
  });

  it('an empty list is unrestricted, with the exchange’s consequence', () => {
    const r = checkIps('  \n ', ctx(strict));
    const f = r.findings.find((x) => x.id === 'unrestricted')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('expires after 7 days');
    expect(r.verdict).toBe('fail');
  });

  it.each([
    ['10.1.2.3', /private/],
    ['192.168.0.10', /private/],
    ['172.16.5.4', /private/],
    ['127.0.0.1', /loopback/],
    ['::1', /loopback/],
    ['169.254.10.1', /link-local/],
    ['fe80::1', /link-local/],
    ['fd12:3456::1', /unique local/],
    ['100.64.0.1', /carrier-grade/],
    ['192.0.2.55', /reserved or documentation/],
    ['224.0.0.1', /multicast/],
    ['10.0.0.0/8', /private/],
  ])('%s is not a public address', (input, words) => {
    const r = checkIps(`${ALL} ${input}`, ctx());
    const f = r.findings.find((x) => x.id === 'non-public-address')!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(words);
    expect(r.findings.some((x) => x.id === 'not-xapy-server')).toBe(false);
  });

  it('a range that contains a XAPY server is too broad, and names the server to use instead', () => {
    const r = checkIps('8.8.4.0/24 1.1.1.1 2606:4700:4700::1111', ctx());
    const f = r.findings.find((x) => x.id === 'range-too-broad')!;
    expect(f.severity).toBe('error');
    expect(f.fix).toContain('8.8.4.4');
    expect(r.findings.map((x) => x.id)).toContain('missing-xapy-server');
  });

  it('a range that contains no XAPY server is simply not XAPY’s', () => {
    expect(ids(`${ALL} 9.9.9.0/24`)).toEqual(['not-xapy-server']);
  });

  it('XAPY’s own servers are never flagged as reserved, even when they are documentation addresses', () => {
    const example = { status: 'example' as const, servers: [{ address: '192.0.2.10', label: 'A' }, { address: '2001:db8::10', label: 'B' }] };
    const r = checkIps('192.0.2.10\n2001:db8::10', ctx(open, example));
    expect(r.findings.map((f) => f.id)).toEqual(['example-server-list']);
  });
});

describe('duplicates', () => {
  it.each([
    ['the same text twice', `${ALL}, 8.8.4.4`],
    ['full and compressed IPv6', `${ALL}, 2606:4700:4700:0:0:0:0:1111`],
    ['IPv4 and its IPv4-mapped IPv6 form', `${ALL}, ::ffff:8.8.4.4`],
    ['an address and its /32', `${ALL}, 8.8.4.4/32`],
  ])('%s is a warning (the key still works)', (_name, text) => {
    const r = checkIps(text, ctx());
    expect(r.findings.map((f) => f.id)).toEqual(['duplicate-entry']);
    expect(r.findings[0]!.severity).toBe('warning');
    expect(r.verdict).toBe('warn');
  });
});

describe('the chosen exchange’s limits', () => {
  it('more entries than the exchange allows is an error with the limit', () => {
    const r = checkIps(`8.8.4.4 1.1.1.1 9.9.9.9 9.9.9.8 9.9.9.7`, ctx(strict));
    const f = r.findings.find((x) => x.id === 'too-many-entries')!;
    expect(f.message).toMatch(/at most 4 entries.*has 5/);
  });

  it('ranges where the exchange takes single addresses only', () => {
    expect(ids('8.8.4.4 1.1.1.1 9.9.9.0/24', ctx(strict))).toContain('cidr-not-accepted');
  });

  it('IPv6 ranges where the exchange takes IPv4 ranges only; IPv4 ranges are fine', () => {
    expect(ids(`${ALL} 2606:4700:1::/48`, ctx(v4ranges))).toContain('cidr-not-accepted');
    expect(ids(`${ALL} 9.9.9.0/24`, ctx(v4ranges))).not.toContain('cidr-not-accepted');
  });

  it('IPv6 where the exchange takes IPv4 only', () => {
    const r = checkIps(ALL, ctx(strict));
    expect(r.findings.find((f) => f.id === 'ipv6-not-accepted')?.message).toContain('2606:4700:4700::1111');
  });

  it('an undocumented limit is a warning that says what to check, raised only when it matters', () => {
    const r = checkIps(ALL, ctx(vague));
    expect(r.findings.map((f) => f.id).sort()).toEqual(['ipv6-support-unknown', 'max-entries-unknown']);
    expect(r.findings.every((f) => f.severity === 'warning' && f.fix)).toBe(true);
    expect(r.verdict).toBe('warn');
    expect(ids('8.8.4.4 1.1.1.1 9.9.9.0/24', ctx(vague))).toContain('cidr-support-unknown');
    expect(ids('8.8.4.4 1.1.1.1', { ...ctx(vague), servers: { status: 'published', servers: servers.servers.slice(0, 2) } })).not.toContain('ipv6-support-unknown');
  });

  it('“any exchange” applies no exchange limits', () => {
    expect(ids(`${ALL} 9.9.9.0/24`, ctx(null))).toEqual(['not-xapy-server']);
  });
});

describe('the example-list notice', () => {
  it('is an info finding that never changes the verdict', () => {
    const example = { ...servers, status: 'example' as const };
    const r = checkIps(ALL, ctx(open, example));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ id: 'example-server-list', severity: 'info' });
    expect(r.verdict).toBe('pass');
  });
});

describe('the report', () => {
  it('formats the corrected list in the exchange’s separator', () => {
    expect(checkIps('', ctx(open)).formatted).toBe('8.8.4.4,1.1.1.1,2606:4700:4700::1111');
    expect(checkIps('', ctx(strict)).formatted).toBe('8.8.4.4\n1.1.1.1\n2606:4700:4700::1111');
    expect(checkIps('', ctx(null)).formatted).toBe('8.8.4.4\n1.1.1.1\n2606:4700:4700::1111');
  });

  it('sorts errors before warnings before notes', () => {
    const r = checkIps(`${ALL}, 8.8.4.4, 9.9.9.9`, ctx(open, { ...servers, status: 'example' }));
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'warning', 'info']);
  });

  it('links every finding to its rule’s anchor, and every rule id is documented', () => {
    const r = checkIps('*, 10.0.0.1, x, 8.8.4.4, 8.8.4.4, 9.9.9.0/24, 2606::/32', ctx(strict, { ...servers, status: 'example' }));
    const documented = new Set(ipRules.map((x) => x.id));
    for (const f of r.findings) {
      expect(documented.has(f.id), f.id).toBe(true);
      expect(f.docs).toBe(`https://docs.example/tools/ip-whitelist-checker/#${f.id}`);
    }
  });

  it('names at most 20 entries per rule and counts the rest', () => {
    const many = Array.from({ length: 50 }, (_, i) => `9.9.${i}.1`).join('\n');
    const r = checkIps(many, ctx(null));
    const extra = r.findings.filter((f) => f.id === 'not-xapy-server');
    expect(extra).toHaveLength(21);
    expect(extra.at(-1)!.message).toContain('30 more entries');
  });

  it('names at most 20 “any address” entries too (a paste of 50 “*” once gave 50 findings)', () => {
    const r = checkIps(Array(50).fill('*').join(','), ctx(null));
    const any = r.findings.filter((f) => f.id === 'unrestricted');
    expect(any).toHaveLength(21);
    expect(any.at(-1)!.message).toContain('30 more entries');
  });

  it('quotes long input shortened, so one huge token cannot flood the report', () => {
    const r = checkIps('x'.repeat(100_000), ctx());
    expect(r.findings[0]!.message.length).toBeLessThan(200);
  });

  it('prints as Markdown with the verdict and every finding', () => {
    const r = checkIps(`${ALL}, 9.9.9.9`, ctx());
    const md = reportToMarkdown('IP whitelist check', r);
    expect(md).toMatch(/^## IP whitelist check\n\n\*\*Verdict:\*\* Fail \(`fail`\)/);
    expect(md).toContain('- **Error** (`not-xapy-server`): “9.9.9.9” is not one of XAPY’s servers');
  });
});
