/**
 * The withdrawal-address loop rules, specified as cases: the exchanges, deposit addresses and
 * whitelists a user gives → the verdict, the findings and the loop they see. Uses fixed networks
 * and exchange facts, not the site's data: none of these rules depends on a particular exchange.
 */
import { describe, expect, it } from 'vitest';
import type { Network } from '../../src/data/schema.ts';
import { checkAddress } from '../../src/rules/addresses.ts';
import { readDepositLines, readWhitelistLines } from '../../src/rules/address-lines.ts';
import { LoopInputError, parseLoopInput } from '../../src/rules/address-input.ts';
import {
  checkAddressLoopInput, loopLines, loopRules, resolveNetwork,
  type ExchangeInput, type LoopContext, type LoopExchangeFacts, type LoopInput, type LoopReport,
} from '../../src/rules/address-loop.ts';
import { reportToMarkdown } from '../../src/rules/report.ts';

const networks: Network[] = [
  { id: 'ethereum', name: 'Ethereum', aliases: ['ERC20', 'ETH'], format: 'evm', memo: 'none' },
  { id: 'tron', name: 'TRON', aliases: ['TRC20', 'Tron (TRC20)'], format: 'tron', memo: 'none' },
  { id: 'bsc', name: 'BNB Smart Chain', aliases: ['BEP20', 'BEP20(BSC)', 'BNB Smart Chain (BEP20)'], format: 'evm', memo: 'none' },
  { id: 'solana', name: 'Solana', aliases: ['SOL'], format: 'solana', memo: 'none' },
  { id: 'ton', name: 'TON', aliases: ['TON'], format: 'other', memo: 'depends', note: 'Some exchanges share one TON address and tell users apart by memo.' },
  { id: 'tagchain', name: 'Tag Chain', aliases: ['TAG'], format: 'other', memo: 'required' },
];

const everywhere = { deposit: ['ethereum', 'tron', 'bsc', 'solana', 'ton', 'tagchain'], withdraw: ['ethereum', 'tron', 'bsc', 'solana', 'ton', 'tagchain'] };
const facts = (id: string, name: string, over: Partial<LoopExchangeFacts> = {}): LoopExchangeFacts => ({
  id, name, networks: { USDT: everywhere, USDC: everywhere }, apiLimitedToWhitelist: 'always', separateApiWhitelist: false, ...over,
});
const exchanges: LoopExchangeFacts[] = [
  facts('alpha', 'Alpha'),
  facts('bravo', 'Bravo'),
  facts('charlie', 'Charlie'),
  facts('delta', 'Delta'),
  facts('narrow', 'Narrow', { networks: { USDT: { deposit: ['tron'], withdraw: ['ethereum'] }, USDC: { deposit: [], withdraw: [] } } }),
  facts('island', 'Island', { networks: { USDT: { deposit: ['solana'], withdraw: ['solana'] }, USDC: { deposit: [], withdraw: [] } } }),
  facts('vague', 'Vague', { networks: 'unknown', apiLimitedToWhitelist: 'unknown' }),
  facts('apart', 'Apart', { separateApiWhitelist: true }),
  facts('loose', 'Loose', { apiLimitedToWhitelist: 'no' }),
];
const ctx: LoopContext = { exchanges, networks, site: 'https://docs.example' };

// Valid addresses (checksums included); the tests below mistype them on purpose.
const TRON = { alpha: 'TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', bravo: 'TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW', charlie: 'TJ9fvTAoHLBnLRPwGDF6GTF3n2onLUNuCz', delta: 'TULQqdt4C2WY4mqxDBSpamc1MKmpgeoPGi' };
const EVM = { alpha: '0x2b13c64F7618CdB4CDAc33F3C6c074384F2994E4', bravo: '0x7D342f2f73CC253E4Dbe290104041252624Fa909', charlie: '0x099c95Dd907D1E5D1B80468967cc16aFD4dBc62b', delta: '0xF394A0F9e17142da3dF5725011300a4F9BA3FA1a', stranger: '0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66693' };
const SOL = { alpha: 'H9KWDKrC7yydhMm7XdY9buiA7LuBDxDJYbHiB5KcxUyi', bravo: '5KjLZaCtWbGXQrfXybgUJ1VLhxhXSCvVf649XGWh4LSQ' };

type Id = keyof typeof TRON;

/** A closed USDT loop on TRON: every exchange whitelists every other one's deposit address. */
function closedLoop(ids: Id[]): LoopInput {
  return {
    exchanges: ids.map((id) => ({
      exchange: id,
      deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON[id] }],
      whitelist: ids.filter((o) => o !== id).map((o) => ({ network: 'TRC20', address: TRON[o] })),
    })),
  };
}

const check = (input: LoopInput, c: LoopContext = ctx) => checkAddressLoopInput(input, c);
const ids = (report: LoopReport) => report.findings.map((f) => f.id);
const only = (report: LoopReport, id: string) => report.findings.filter((f) => f.id === id);
const edge = (report: LoopReport, from: string, to: string, asset = 'USDT') => report.loop.edges.find((e) => e.from === from && e.to === to && e.asset === asset);
const ex = (input: LoopInput, id: string): ExchangeInput => input.exchanges.find((e) => e.exchange === id)!;

describe('address formats, read by the libraries', () => {
  it.each([
    ['evm', EVM.alpha],
    ['evm', EVM.alpha.toLowerCase()],
    ['tron', TRON.bravo],
    ['solana', SOL.alpha],
    ['bitcoin', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'],
    ['bitcoin', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'],
    ['bitcoin', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
    ['bitcoin', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'],
  ] as const)('accepts a valid %s address %s', (format, address) => {
    expect(checkAddress(address, format)).toEqual({ status: 'valid' });
  });

  it.each([
    ['evm', EVM.alpha.replace('F7618', 'f7618'), /checksum/],
    ['evm', EVM.alpha.slice(0, -1), /40 hexadecimal digits/],
    ['evm', TRON.alpha, /0x followed by 40/],
    ['tron', TRON.alpha.replace('gpj', 'gpk'), /Base58Check/],
    ['tron', EVM.alpha, /Base58Check/],
    ['tron', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', /not a TRON address/],
    ['solana', EVM.alpha, /32 bytes/],
    ['solana', `${SOL.alpha}x`, /32 bytes/],
    ['bitcoin', 'bc1qw508d6qejxtdg4c5u4c5u4c5u4c5u4c5u4c5', /checksum/],
    ['bitcoin', 'Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', /all small or all capital/],
    ['bitcoin', TRON.alpha, /not a Bitcoin mainnet address/],
    ['evm', '', /empty/],
    ['tron', `${TRON.alpha} x`, /space/],
  ] as const)('refuses a %s address %s, saying why', (format, address, reason) => {
    const result = checkAddress(address, format);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.reason).toMatch(reason);
  });

  it('does not pretend to validate a family no library reads', () => {
    expect(checkAddress('UQBvI0aFLnw2QbZgjMPCLRdtRHxhUyinQudg6sdiohIwg5jL', 'other')).toEqual({ status: 'unchecked' });
  });
});

describe('reading pasted lines', () => {
  it('reads asset, network names of several words, address and memo, in any separator', () => {
    const { entries, unreadable } = readDepositLines(
      `USDT TRC20 ${TRON.alpha}\nusdc, BNB Smart Chain (BEP20), ${EVM.alpha}\n- USDT\tTAG\tr9cZA1 memo: 12345\n\n# a comment\nUSDT Tron (TRC20) ${TRON.bravo}`,
      networks,
    );
    expect(unreadable).toEqual([]);
    expect(entries).toEqual([
      { asset: 'USDT', network: 'TRC20', address: TRON.alpha },
      { asset: 'USDC', network: 'BNB Smart Chain (BEP20)', address: EVM.alpha },
      { asset: 'USDT', network: 'TAG', address: 'r9cZA1', memo: '12345' },
      { asset: 'USDT', network: 'Tron (TRC20)', address: TRON.bravo },
    ]);
    expect(resolveNetwork('bep20 (bsc)', networks)?.id).toBe('bsc');
  });

  it('reads whitelist lines with or without an asset', () => {
    const { entries } = readWhitelistLines(`TRC20 ${TRON.alpha}\nUSDC ERC20 ${EVM.bravo}`, networks);
    expect(entries).toEqual([{ network: 'TRC20', address: TRON.alpha }, { asset: 'USDC', network: 'ERC20', address: EVM.bravo }]);
  });

  it('names the line and what is missing when it cannot read one', () => {
    const deposits = readDepositLines(`TRC20 ${TRON.alpha}\nUSDT\nUSDT TRC20`, networks).unreadable;
    expect(deposits.map((u) => [u.line, u.reason])).toEqual([
      [1, expect.stringMatching(/start with the asset/)],
      [2, expect.stringMatching(/network and the address are missing/)],
      [3, expect.stringMatching(/address is missing/)],
    ]);
    const report = check({ exchanges: [
      { exchange: 'alpha', deposits: [], whitelist: [], unreadable: deposits },
      { exchange: 'bravo', deposits: [], whitelist: [] },
    ] });
    expect(only(report, 'unreadable-entry')).toHaveLength(3);
    expect(only(report, 'unreadable-entry')[0]!.message).toMatch(/^Alpha, deposit addresses, line 1: “TRC20 T/);
  });
});

describe('closed loops pass', () => {
  it.each([
    [['alpha', 'bravo'] as Id[]],
    [['alpha', 'bravo', 'charlie'] as Id[]],
    [['alpha', 'bravo', 'charlie', 'delta'] as Id[]],
  ])('%j: every exchange whitelists every other one', (members) => {
    const report = check(closedLoop(members));
    expect(report.findings).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.assets).toEqual(['USDT']);
    expect(report.loop.nodes.map((n) => n.id)).toEqual(members);
    expect(report.loop.edges).toHaveLength(members.length * (members.length - 1));
    expect(report.loop.edges.every((e) => e.state === 'ok' && e.network === 'tron')).toBe(true);
    expect(loopLines(report)).toContain(`Alpha → Bravo, USDT on TRON: whitelisted`);
  });

  it('a loop in two assets on different networks, with EVM addresses in any letter case', () => {
    const input = closedLoop(['alpha', 'bravo', 'charlie']);
    for (const e of input.exchanges) {
      const id = e.exchange as Id;
      e.deposits.push({ asset: 'USDC', network: 'BEP20', address: EVM[id] });
      for (const o of ['alpha', 'bravo', 'charlie'] as Id[]) if (o !== id) e.whitelist.push({ network: 'BSC', address: EVM[o].toLowerCase(), asset: 'USDC' });
    }
    const report = check(input);
    expect(report.verdict).toBe('pass');
    expect(report.assets).toEqual(['USDT', 'USDC']);
    expect(report.loop.edges.filter((e) => e.asset === 'USDC' && e.state === 'ok')).toHaveLength(6);
  });
});

describe('the loop is broken or leaks', () => {
  it('missing-edge: a four-exchange loop with one entry gone names both ends, the asset and the networks both support', () => {
    const input = closedLoop(['alpha', 'bravo', 'charlie', 'delta']);
    ex(input, 'charlie').whitelist = ex(input, 'charlie').whitelist.filter((w) => w.address !== TRON.delta);
    const report = check(input);
    expect(report.verdict).toBe('fail');
    expect(ids(report)).toEqual(['missing-edge']);
    const f = report.findings[0]!;
    expect(f.message).toMatch(/^Charlie cannot withdraw USDT to your Delta account/);
    expect(f.message).toContain('TRON: “TULQ');
    expect(f.fix).toMatch(/Add Delta’s USDT deposit address.*to Charlie’s withdrawal whitelist/);
    expect(f.fix).toContain('Networks both document for USDT: Ethereum, TRON, BNB Smart Chain');
    expect(f.docs).toBe('https://docs.example/tools/address-loop-checker/#missing-edge');
    expect(edge(report, 'charlie', 'delta')).toMatchObject({ state: 'missing', network: null, text: 'Charlie → Delta, USDT: missing (no whitelisted deposit address)' });
    expect(edge(report, 'delta', 'charlie')!.state).toBe('ok');
  });

  it('missing-edge: says so when the two exchanges document no common network', () => {
    const input: LoopInput = { exchanges: [
      { exchange: 'narrow', deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.alpha }], whitelist: [] },
      { exchange: 'island', deposits: [{ asset: 'USDT', network: 'SOL', address: SOL.bravo }], whitelist: [] },
    ] };
    const fixes = only(check(input), 'missing-edge').map((f) => f.fix);
    expect(fixes).toEqual([
      expect.stringContaining('Narrow and Island document no common network for USDT.'),
      expect.stringContaining('Island and Narrow document no common network for USDT.'),
    ]);
  });

  it('outside-loop: a whitelisted address that is none of the deposit addresses, drawn to an outside node', () => {
    const input = closedLoop(['alpha', 'bravo', 'charlie']);
    ex(input, 'bravo').whitelist.push({ network: 'ERC20', address: EVM.stranger });
    const report = check(input);
    expect(ids(report)).toEqual(['outside-loop']);
    expect(report.findings[0]!.message).toContain(`Bravo’s whitelist has “${EVM.stranger}” (Ethereum), which is none of your deposit addresses`);
    expect(report.loop.nodes.at(-1)).toEqual({ id: 'outside', name: 'Outside the loop', kind: 'outside' });
    expect(report.loop.edges.filter((e) => e.state === 'outside')).toEqual([expect.objectContaining({ from: 'bravo', to: 'outside', network: 'ethereum' })]);
  });

  it('wrong-network: the right address whitelisted on another network of the same family', () => {
    const input = closedLoop(['alpha', 'bravo']);
    ex(input, 'bravo').deposits.push({ asset: 'USDC', network: 'BEP20', address: EVM.bravo });
    ex(input, 'alpha').deposits.push({ asset: 'USDC', network: 'BEP20', address: EVM.alpha });
    ex(input, 'bravo').whitelist.push({ network: 'BEP20', address: EVM.alpha });
    ex(input, 'alpha').whitelist.push({ network: 'ERC20', address: EVM.bravo });
    const report = check(input);
    expect(ids(report)).toEqual(['wrong-network']);
    expect(report.findings[0]!.message).toContain('Alpha’s whitelist has Bravo’s USDC deposit address');
    expect(report.findings[0]!.message).toMatch(/on Ethereum, but Bravo gave it for BNB Smart Chain/);
    expect(edge(report, 'alpha', 'bravo', 'USDC')).toMatchObject({ state: 'broken', network: 'ethereum' });
    expect(edge(report, 'alpha', 'bravo', 'USDC')!.text).toContain('wrong (whitelisted on Ethereum, but the deposit address is for BNB Smart Chain)');
  });

  it('invalid-address: a mistyped checksum in a whitelist, and a TRON deposit address with a typo', () => {
    const input = closedLoop(['alpha', 'bravo', 'charlie']);
    const typo = TRON.charlie.replace('fvT', 'fvt');
    ex(input, 'charlie').deposits[0]!.address = typo;
    for (const e of input.exchanges) e.whitelist = e.whitelist.map((w) => (w.address === TRON.charlie ? { ...w, address: typo } : w));
    ex(input, 'alpha').deposits.push({ asset: 'USDC', network: 'ERC20', address: EVM.alpha });
    ex(input, 'bravo').deposits.push({ asset: 'USDC', network: 'ERC20', address: EVM.bravo });
    ex(input, 'charlie').deposits.push({ asset: 'USDC', network: 'ERC20', address: EVM.charlie });
    ex(input, 'alpha').whitelist.push({ network: 'ERC20', address: EVM.bravo }, { network: 'ERC20', address: EVM.charlie });
    ex(input, 'bravo').whitelist.push({ network: 'ERC20', address: EVM.alpha }, { network: 'ERC20', address: EVM.charlie });
    const badChecksum = EVM.alpha.replace('b13c', 'B13c');
    ex(input, 'charlie').whitelist.push({ network: 'ERC20', address: badChecksum }, { network: 'ERC20', address: EVM.bravo });
    const report = check(input);
    const invalid = only(report, 'invalid-address');
    expect(invalid.map((f) => f.message)).toEqual([
      expect.stringMatching(/^Charlie’s USDT deposit address on TRON: “TJ9fvt.*” is not a valid TRON address: .*Base58Check/),
      expect.stringMatching(/^Alpha’s whitelist, TRON: “TJ9fvt/),
      expect.stringMatching(/^Bravo’s whitelist, TRON: “TJ9fvt/),
      expect.stringMatching(/^Charlie’s whitelist, Ethereum: “0x2B13c.*checksum/),
    ]);
    expect(edge(report, 'alpha', 'charlie')!.state).toBe('broken');
    expect(edge(report, 'charlie', 'alpha', 'USDC')!.state).toBe('broken');
    expect(edge(report, 'charlie', 'bravo', 'USDC')!.state).toBe('ok');
    expect(report.verdict).toBe('fail');
  });

  it('network-not-supported: a deposit on a network the exchange does not take, and a withdrawal it cannot send', () => {
    const input: LoopInput = { exchanges: [
      { exchange: 'narrow', deposits: [{ asset: 'USDT', network: 'ERC20', address: EVM.alpha }], whitelist: [{ network: 'TRC20', address: TRON.bravo }] },
      { exchange: 'bravo', deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.bravo }], whitelist: [{ network: 'ERC20', address: EVM.alpha }] },
    ] };
    const report = check(input);
    const f = only(report, 'network-not-supported');
    expect(f.map((x) => x.message)).toEqual([
      expect.stringMatching(/^Narrow does not list Ethereum for USDT deposits/),
      expect.stringMatching(/^Narrow does not list TRON for USDT withdrawals, so it cannot send to Bravo’s address/),
    ]);
    expect(f[0]!.fix).toBe('Narrow takes USDT on: TRON.');
    expect(f[1]!.fix).toMatch(/^Narrow sends USDT on: Ethereum\./);
    expect(edge(report, 'narrow', 'bravo')!.state).toBe('broken');
    expect(edge(report, 'bravo', 'narrow')!.state).toBe('broken');
    expect(report.verdict).toBe('fail');
  });

  it('an exchange without network data: the user’s own entries prove the network, so no warning and no false error', () => {
    const input = closedLoop(['alpha', 'bravo']);
    input.exchanges.push({ exchange: 'vague', deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.delta }], whitelist: [{ network: 'TRC20', address: TRON.alpha }, { network: 'TRC20', address: TRON.bravo }] });
    ex(input, 'alpha').whitelist.push({ network: 'TRC20', address: TRON.delta });
    ex(input, 'bravo').whitelist.push({ network: 'TRC20', address: TRON.delta });
    const report = check(input);
    expect(ids(report).filter((id) => id !== 'api-limit-unknown')).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(edge(report, 'alpha', 'vague')!.state).toBe('ok');
    expect(edge(report, 'vague', 'bravo')!.state).toBe('ok');
    expect(edge(report, 'alpha', 'bravo')!.state).toBe('ok');
  });

  it('an empty loop is not a pass: two exchanges and no entries give one finding', () => {
    const report = check({ exchanges: [{ exchange: 'alpha', deposits: [], whitelist: [] }, { exchange: 'bravo', deposits: [], whitelist: [] }] });
    expect(report.verdict).toBe('fail');
    expect(ids(report).filter((id) => id !== 'api-limit-unknown')).toEqual(['nothing-to-check']);
  });
});

describe('memos and tags', () => {
  const tagLoop = (alphaMemo?: string, entryMemo?: string): LoopInput => ({ exchanges: [
    { exchange: 'alpha', deposits: [{ asset: 'USDT', network: 'TAG', address: 'shared-alpha', ...(alphaMemo ? { memo: alphaMemo } : {}) }], whitelist: [{ network: 'TRC20', address: TRON.bravo }] },
    { exchange: 'bravo', deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.bravo }], whitelist: [{ network: 'TAG', address: 'shared-alpha', ...(entryMemo ? { memo: entryMemo } : {}) }] },
  ] });

  it('a complete memo loop only notes that the format cannot be validated', () => {
    const report = check(tagLoop('4711', '4711'));
    expect(report.verdict).toBe('pass');
    expect(new Set(ids(report))).toEqual(new Set(['address-unchecked']));
    expect(report.findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('memo-missing: a deposit on a network that needs a memo, given without one', () => {
    const report = check(tagLoop());
    expect(only(report, 'memo-missing')[0]!.message).toBe('Alpha’s USDT deposit address on Tag Chain has no memo, and Tag Chain deposits need one.');
    expect(edge(report, 'bravo', 'alpha')!.state).toBe('broken');
  });

  it('memo-missing: a whitelist entry without the memo the deposit has', () => {
    const report = check(tagLoop('4711'));
    expect(ids(report)).toContain('memo-missing');
    expect(only(report, 'memo-missing')[0]!.fix).toBe('Add the memo “4711” to that entry.');
    expect(edge(report, 'bravo', 'alpha')!.text).toContain('wrong (the memo is missing)');
  });

  it('memo-mismatch: a whitelist entry with another memo', () => {
    const report = check(tagLoop('4711', '4712'));
    expect(only(report, 'memo-mismatch')[0]!.message).toContain('with the memo “4712”, but Alpha’s deposit page gives “4711”');
    expect(report.verdict).toBe('fail');
  });

  it('memo-unconfirmed: a TON deposit without memo is a warning that says what to check, not an error', () => {
    const input = closedLoop(['alpha', 'bravo']);
    ex(input, 'alpha').deposits.push({ asset: 'USDC', network: 'TON', address: 'UQ-alpha' });
    ex(input, 'bravo').deposits.push({ asset: 'USDC', network: 'TON', address: 'UQ-bravo' });
    ex(input, 'alpha').whitelist.push({ network: 'TON', address: 'UQ-bravo' });
    ex(input, 'bravo').whitelist.push({ network: 'TON', address: 'UQ-alpha' });
    const report = check(input);
    expect(report.verdict).toBe('warn');
    expect(only(report, 'memo-unconfirmed').map((f) => f.message)).toEqual([
      'Alpha’s USDC deposit address on TON has no memo. Some exchanges share one TON address and tell users apart by memo.',
      'Bravo’s USDC deposit address on TON has no memo. Some exchanges share one TON address and tell users apart by memo.',
    ]);
    expect(only(report, 'address-unchecked').length).toBeGreaterThan(0);
  });
});

describe('tidiness and input problems', () => {
  it('duplicate-entry: the same whitelist entry twice, and one address given as two exchanges’ deposit address', () => {
    const input = closedLoop(['alpha', 'bravo', 'charlie']);
    ex(input, 'alpha').whitelist.push({ network: 'Tron (TRC20)', address: TRON.bravo });
    expect(ids(check(input))).toEqual(['duplicate-entry']);
    expect(check(input).verdict).toBe('warn');

    const shared = closedLoop(['alpha', 'bravo']);
    ex(shared, 'bravo').deposits.push({ asset: 'USDT', network: 'TRC20', address: TRON.alpha });
    expect(only(check(shared), 'duplicate-entry')[0]!.message).toBe(`“${TRON.alpha}” is given as a deposit address on both Alpha and Bravo; at most one of them is right.`);
  });

  it('unknown-network: an entry on a network the checker does not know is a warning, and still not outside the loop', () => {
    const input = closedLoop(['alpha', 'bravo']);
    ex(input, 'alpha').whitelist.push({ network: 'Moonchain', address: TRON.bravo });
    const report = check(input);
    expect(ids(report)).toEqual(['unknown-network']);
    expect(report.findings[0]!.message).toContain('“Moonchain”');

    ex(input, 'alpha').whitelist.push({ network: 'Moonchain', address: 'moon-stranger' });
    expect(ids(check(input))).toEqual(['outside-loop', 'unknown-network', 'unknown-network']);
  });

  it('own-deposit-address: an exchange that whitelists itself', () => {
    const input = closedLoop(['alpha', 'bravo']);
    ex(input, 'alpha').whitelist.push({ network: 'TRC20', address: TRON.alpha });
    expect(ids(check(input))).toEqual(['own-deposit-address']);
  });

  it('too-few-exchanges and missing-deposit-address', () => {
    expect(ids(check({ exchanges: [] }))).toEqual(['too-few-exchanges']);
    const single = check({ exchanges: [{ exchange: 'alpha', deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.alpha }], whitelist: [] }] });
    expect(ids(single)).toEqual(['too-few-exchanges']);
    expect(single.findings[0]!.message).toContain('Only Alpha is listed');

    const input = closedLoop(['alpha', 'bravo', 'charlie']);
    ex(input, 'alpha').deposits.push({ asset: 'USDC', network: 'ERC20', address: EVM.alpha });
    ex(input, 'bravo').whitelist.push({ network: 'ERC20', address: EVM.alpha });
    ex(input, 'charlie').whitelist.push({ network: 'ERC20', address: EVM.alpha });
    const report = check(input);
    expect(only(report, 'missing-deposit-address').map((f) => f.message)).toEqual([
      'Bravo has no USDC deposit address on a known network, so no other exchange can send USDC to it.',
      'Charlie has no USDC deposit address on a known network, so no other exchange can send USDC to it.',
    ]);
    expect(only(report, 'missing-edge')).toEqual([]);
    expect(edge(report, 'alpha', 'bravo', 'USDC')!.state).toBe('missing');
  });

  it('says what the data knows about API withdrawals on each exchange', () => {
    const input: LoopInput = { exchanges: [
      { exchange: 'apart', deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.alpha }], whitelist: [{ network: 'TRC20', address: TRON.bravo }] },
      { exchange: 'loose', deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.bravo }], whitelist: [{ network: 'TRC20', address: TRON.alpha }] },
    ] };
    const report = check(input);
    expect(ids(report)).toEqual(['api-not-limited', 'separate-api-whitelist']);
    expect(report.verdict).toBe('warn');
  });

  it('caps a flood of one problem at 20 findings plus a count', () => {
    const input = closedLoop(['alpha', 'bravo']);
    for (let i = 0; i < 30; i++) ex(input, 'alpha').whitelist.push({ network: 'ERC20', address: `0x${i.toString(16).padStart(40, '0')}` });
    const outside = only(check(input), 'outside-loop');
    expect(outside).toHaveLength(21);
    expect(outside[20]!.message).toBe('…and 10 more entries with the same problem.');
  });
});

describe('the rule catalogue and the report', () => {
  it('has one unique kebab-case id per rule, with a title and an explanation', () => {
    const ruleIds = loopRules.map((r) => r.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const r of loopRules) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(r.explanation.length).toBeGreaterThan(40);
    }
  });

  it('every finding the cases above produce is in the catalogue, with the catalogue’s severity', () => {
    const input = closedLoop(['alpha', 'bravo']);
    const report = check({ exchanges: [...input.exchanges, { exchange: 'vague', deposits: [{ asset: 'USDT', network: 'TON', address: 'x' }, { asset: 'USDT', network: 'Moon', address: 'y' }], whitelist: [{ network: 'ERC20', address: EVM.stranger }, { network: 'TRC20', address: 'Tbad' }] }] });
    expect(report.findings.length).toBeGreaterThan(5);
    for (const f of report.findings) {
      const rule = loopRules.find((r) => r.id === f.id);
      expect(rule, f.id).toBeDefined();
      expect(f.severity).toBe(rule!.severity);
      expect(f.docs).toBe(`https://docs.example/tools/address-loop-checker/#${f.id}`);
    }
  });

  it('prints as Markdown with the verdict and every finding id', () => {
    const input = closedLoop(['alpha', 'bravo']);
    ex(input, 'alpha').whitelist = [];
    const report = check(input);
    const md = reportToMarkdown('Withdrawal loop check', report);
    expect(md).toContain('**Verdict:** Fail (`fail`)');
    expect(md).toContain('(`missing-edge`)');
  });
});

describe('JSON input (API and MCP)', () => {
  const parse = (body: unknown) => parseLoopInput(body, ['alpha', 'bravo'], networks);
  const error = (body: unknown) => {
    try {
      parse(body);
    } catch (e) {
      expect(e).toBeInstanceOf(LoopInputError);
      return (e as Error).message;
    }
    throw new Error('expected a LoopInputError');
  };

  it('accepts structured entries and text with one entry per line', () => {
    const input = parse({ exchanges: [
      { exchange: 'alpha', deposits: [{ asset: 'usdt', network: 'TRC20', address: TRON.alpha, memo: null }], whitelist: `TRC20 ${TRON.bravo}\nnonsense` },
      { exchange: 'bravo', deposits: `USDT TRC20 ${TRON.bravo}`, whitelist: [{ network: 'TRC20', address: TRON.alpha }] },
    ] });
    expect(input.exchanges[0]!.whitelist).toEqual([{ network: 'TRC20', address: TRON.bravo }]);
    expect(input.exchanges[0]!.unreadable).toEqual([expect.objectContaining({ list: 'whitelist', line: 2, text: 'nonsense' })]);
    expect(input.exchanges[1]!.deposits).toEqual([{ asset: 'USDT', network: 'TRC20', address: TRON.bravo }]);
  });

  it.each([
    ['null', null, /^\(body\): expected a JSON object/],
    ['case 1', {}, /^exchanges: is missing/],
    ['case 2', { exchanges: {} }, /^exchanges: expected a list of exchanges, found an object/],
    ['case 3', { exchanges: [], extra: 1 }, /^\(body\): unknown field "extra"; expected only exchanges/],
    ['case 4', { exchanges: [{ exchange: 'mtgox' }] }, /^exchanges\.0\.exchange: unknown exchange "mtgox"; use one of: alpha, bravo/],
    ['case 5', { exchanges: [{}] }, /^exchanges\.0\.exchange: unknown exchange null/],
    ['case 6', { exchanges: [{ exchange: 'alpha' }, { exchange: 'alpha' }] }, /^exchanges\.1\.exchange: "alpha" is listed twice/],
    ['case 7', { exchanges: [{ exchange: 'alpha', deposits: [{ asset: 'BTC', network: 'x', address: 'y' }] }] }, /^exchanges\.0\.deposits\.0\.asset: expected one of USDT, USDC/],
    ['case 8', { exchanges: [{ exchange: 'alpha', deposits: [{ asset: 'USDT', network: 'TRC20' }] }] }, /^exchanges\.0\.deposits\.0\.address: is missing/],
    ['case 9', { exchanges: [{ exchange: 'alpha', whitelist: [{ network: 5, address: 'x' }] }] }, /^exchanges\.0\.whitelist\.0\.network: expected text, found number 5/],
    ['case 10', { exchanges: [{ exchange: 'alpha', whitelist: 7 }] }, /^exchanges\.0\.whitelist: expected a list of entries/],
    ['case 11', { exchanges: [{ exchange: 'alpha', whitelist: [{ network: 'TRC20', address: 'x', adress: 'y' }] }] }, /^exchanges\.0\.whitelist\.0: unknown field "adress"/],
    ['case 12', { exchanges: [{ exchange: 'alpha', whitelist: Array(201).fill({ network: 'a', address: 'b' }) }] }, /at most 200/],
  ])('refuses bad input (%s), naming the path', (_name, body, message) => {
    expect(error(body)).toMatch(message);
  });
});
