/**
 * Where a Read-Write key can send funds comes from one fact per exchange
 * (`withdrawal.apiLimitedToWhitelist`): the guides' steps, the withdrawal tables, the loop checker
 * and every page say no more than that fact. The site test (test/site/withdrawal-claims.test.ts)
 * runs the same check on the built HTML pages and their Markdown twins.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exchanges, getExchange, networks } from '../../src/data/index.ts';
import type { Exchange } from '../../src/data/schema.ts';
import { apiLimitOf, apiLimitSentence, apiLimitText, keySteps, weakestApiLimit, withdrawalFactRows } from '../../src/data/describe.ts';
import { checkAddressLoopInput, loopFactsOf } from '../../src/rules/address-loop.ts';
import { overclaims } from '../helpers/withdrawal-claims.ts';

const withLimit = (ex: Exchange, value: Exchange['withdrawal'] extends infer W ? W extends { apiLimitedToWhitelist: { value: infer V } } ? V : never : never): Exchange =>
  ({ ...ex, withdrawal: { ...ex.withdrawal!, apiLimitedToWhitelist: { ...ex.withdrawal!.apiLimitedToWhitelist, value } } });

describe('the data', () => {
  it.each(exchanges.map((e) => [e.name, e] as const))('%s: an exchange that limits keys only by a switch names the switch', (_n, ex) => {
    if (apiLimitOf(ex) !== 'when-switch-on') return;
    const sw = ex.withdrawal!.whitelistOnlySwitch.value;
    expect(sw && sw !== 'unknown' ? sw.label : undefined, `${ex.id}: withdrawal.whitelistOnlySwitch`).toBeTruthy();
  });

  it('Binance: the value and its note agree (the switch limits API withdrawals)', () => {
    const f = getExchange('binance')!.withdrawal!.apiLimitedToWhitelist;
    expect(f.value).toBe('when-switch-on');
    expect(f.note).toMatch(/Withdrawal Address Whitelist on/);
    expect(f.note).not.toMatch(/no official page/i);
  });

  it('KuCoin: API withdrawals follow favourite addresses while the setting is on, and 260325 is in its error table', () => {
    const ku = getExchange('kucoin')!;
    expect(apiLimitOf(ku)).toBe('when-switch-on');
    expect(ku.errors.map((e) => e.code)).toContain('260325');
  });
});

describe('one wording from the fact', () => {
  const okx = getExchange('okx')!;

  it('words each value differently, and the table cell matches the value', () => {
    const texts = (['always', 'when-switch-on', 'no', 'unknown'] as const).map((v) => [apiLimitText(withLimit(okx, v)), apiLimitSentence(withLimit(okx, v))]);
    expect(new Set(texts.map((t) => t[0])).size).toBe(4);
    expect(new Set(texts.map((t) => t[1])).size).toBe(4);
    expect(apiLimitText(withLimit(okx, 'when-switch-on'))).toContain('“Allowlist”');
    expect(apiLimitSentence(withLimit(okx, 'no'))).toMatch(/any address.*Read \+ Trade/);
    expect(apiLimitSentence(withLimit(okx, 'unknown'))).toMatch(/Read \+ Trade/);
  });

  it.each(exchanges.map((e) => [e.name, e] as const))('%s: the Read-Write step and the withdrawal table say what the fact says', (_n, ex) => {
    const step = keySteps(ex).find((s) => s.startsWith('For Read-Write'));
    expect(step).toContain(apiLimitSentence(ex));
    expect(withdrawalFactRows(ex, networks).find((r) => r.key === 'apiLimitedToWhitelist')!.text).toBe(apiLimitText(ex));
  });

  it('the weakest value is the least protective one', () => {
    expect(weakestApiLimit([okx, withLimit(okx, 'when-switch-on')])).toBe('when-switch-on');
    expect(weakestApiLimit([withLimit(okx, 'unknown'), withLimit(okx, 'when-switch-on')])).toBe('unknown');
    expect(weakestApiLimit([withLimit(okx, 'no'), withLimit(okx, 'unknown')])).toBe('no');
  });
});

describe('the loop checker', () => {
  const TRON = { a: 'TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', b: 'TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW' };
  const run = (a: Exchange, b: Exchange) => checkAddressLoopInput({ exchanges: [
    { exchange: a.id, deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.a }], whitelist: [{ network: 'TRC20', address: TRON.b }] },
    { exchange: b.id, deposits: [{ asset: 'USDT', network: 'TRC20', address: TRON.b }], whitelist: [{ network: 'TRC20', address: TRON.a }] },
  ] }, { exchanges: [a, b].map(loopFactsOf), networks, site: 'https://docs.example' });

  it('tells a Binance user to keep the whitelist switch on, by its name, without a warning', () => {
    const report = run(getExchange('binance')!, getExchange('okx')!);
    const found = report.findings.filter((f) => f.id.startsWith('api-'));
    expect(found.map((f) => [f.id, f.severity])).toEqual([['api-limit-needs-switch', 'info']]);
    expect(found[0]!.message).toContain('“Withdrawal Address Whitelist”');
    expect(report.findings.some((f) => f.id === 'api-not-limited')).toBe(false);
  });

  it('says nothing about API limits between exchanges that always keep keys to the whitelist', () => {
    expect(run(getExchange('okx')!, getExchange('bybit')!).findings.filter((f) => f.id.startsWith('api-'))).toEqual([]);
  });

  it('warns where keys are not limited or the exchange does not say', () => {
    const okx = getExchange('okx')!;
    const ids = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.id.startsWith('api-')).map((f) => f.id);
    expect(ids(run(withLimit(okx, 'no'), getExchange('bybit')!))).toEqual(['api-not-limited']);
    expect(ids(run(withLimit(okx, 'unknown'), getExchange('bybit')!))).toEqual(['api-limit-unknown']);
  });
});

describe('promises on pages', () => {
  const okx = getExchange('okx')!;
  const binance = getExchange('binance')!;
  const oldFaq = 'With a Read-Write key, only to the deposit addresses you have whitelisted on your other exchanges, so your funds can only travel between your own accounts.';

  it('flags a generic promise while some exchange limits keys only by a switch', () => {
    expect(overclaims(oldFaq, exchanges)).toHaveLength(1);
    expect(overclaims('| Withdraw anywhere else | Cannot | Cannot: the exchange refuses addresses outside your whitelist |', exchanges)).toHaveLength(1);
  });

  it('lets a promise stand when every exchange keeps keys to the whitelist', () => {
    expect(overclaims(oldFaq, [okx, getExchange('bybit')!])).toEqual([]);
  });

  it('judges a sentence that names exchanges by their own facts', () => {
    expect(overclaims('OKX sends withdrawals only to addresses on your verified list.', exchanges)).toEqual([]);
    expect(overclaims('Binance sends withdrawals only to addresses on your whitelist.', exchanges)).toHaveLength(1);
    expect(overclaims('With its whitelist-only switch on, Binance sends withdrawals only to addresses on your whitelist.', exchanges)).toEqual([]);
    // On an exchange's own guide, a sentence that names no exchange speaks for that exchange.
    expect(overclaims('It sends withdrawals only to addresses on your whitelist.', exchanges, okx)).toEqual([]);
    expect(overclaims('It sends withdrawals only to addresses on your whitelist.', exchanges, binance)).toHaveLength(1);
  });

  it('lets a switch-conditioned promise stand only while no exchange is weaker than "when-switch-on"', () => {
    const text = 'With whitelist-only withdrawals switched on everywhere, funds can only travel between your own accounts.';
    expect(overclaims(text, [okx, binance])).toEqual([]);
    expect(overclaims(text, [okx, withLimit(binance, 'unknown')])).toHaveLength(1);
    expect(overclaims(text, [okx, withLimit(binance, 'no')])).toHaveLength(1);
  });

  it('no page source promises more than the data', () => {
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(join(d, e.name)) : /\.mdx?$/.test(e.name) && files.push(join(d, e.name))));
    walk('src/content/docs');
    const found = files.flatMap((f) => overclaims(readFileSync(f, 'utf8'), exchanges).map((o) => `${f}: ${o.reason}: “${o.sentence}”`));
    expect(found).toEqual([]);
  });
});
