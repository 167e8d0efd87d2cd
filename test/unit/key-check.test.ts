/**
 * The API-key checker, specified per exchange: an exchange's official example response (its
 * source URL is in the fixture file and named in each describe) and variants made from it →
 * the verdict and finding ids a user sees, in each mode. The facts (consequences, form labels,
 * what each box allows) come from the site's data; the server list is a fixed test list.
 */
import { describe, expect, it } from 'vitest';
import { checkKeyForm, checkKeyMetadata, keyRules, type KeyCheckResult, type KeyReport, type Mode } from '../../src/rules/key-check.ts';
import { ipRules } from '../../src/rules/ip-check.ts';
import { boxLabel } from '../../src/rules/profile.ts';
import { adapters } from '../../src/rules/adapters/index.ts';
import { fixtures, keyCtx, sample, SERVERS } from '../helpers/key-fixtures.ts';

function run(exchange: string, metadata: unknown, mode: Mode = 'read-trade', extra: { ips?: string; addressWhitelistConfirmed?: boolean; keyIndex?: number } = {}): KeyCheckResult {
  return checkKeyMetadata({ exchange, metadata, mode, ...extra }, keyCtx(exchange in adapters ? exchange : 'okx'));
}
/** The note an exchange's undocumented IP limit adds to every checked list (from the data, not assumed). */
const limitNote = (exchange: string) => (keyCtx(exchange).exchange.maxPerKey === 'unknown' ? ['max-entries-unknown'] : []);
function report(exchange: string, metadata: unknown, mode: Mode = 'read-trade', extra: Parameters<typeof run>[3] = {}): KeyReport {
  const r = run(exchange, metadata, mode, extra);
  if (!r.ok) throw new Error(`expected a report, got: ${r.error}`);
  return r.report;
}
const ids = (r: KeyReport) => [...new Set(r.findings.map((f) => f.id))].sort();
const sorted = (a: string[]) => [...a].sort();
const finding = (r: KeyReport, id: string) => r.findings.find((f) => f.id === id);

describe('every fixture names its official source', () => {
  it.each(Object.values(fixtures))('$file', (f) => {
    expect(f.source).toMatch(/^https:\/\//);
    expect(f.endpoint).toMatch(/^(GET|POST) \//);
  });
});

describe(`Binance: ${fixtures['binance-api-restrictions']!.source}`, () => {
  const base = () => sample('binance-api-restrictions');

  it('the example key: no IP binding is an error; Portfolio Margin never stands in for Enable Futures', () => {
    const r = report('binance', base());
    expect(r.verdict).toBe('fail');
    expect(ids(r)).toEqual(sorted(['no-ip-binding', 'missing-futures-trade', 'unneeded-permission']));
    expect(finding(r, 'missing-futures-trade')!.fix).toMatch(/^Tick “Enable Futures”: it lets the key open and close/);
    expect(finding(r, 'missing-futures-trade')!.fix).not.toContain('Portfolio');
    expect(finding(r, 'unneeded-permission')!.message).toMatch(/^“Enable Portfolio Margin Trading” is on, and XAPY needs it off: it lets the key trade through a portfolio-margin account/);
    // Binance's limit for keys without trusted IPs touches spot and margin trading only: not this key.
    expect(finding(r, 'no-ip-binding')!.message).not.toContain('Spot & Margin');
    const spot = report('binance', { ...base(), enableSpotAndMarginTrading: true });
    expect(finding(spot, 'no-ip-binding')!.message).toContain(keyCtx('binance').exchange.withoutIp);
    expect(r.profile.ip).toEqual({ binding: 'none' });
    expect(r.profile.capabilities.read).toBe(true);
  });

  it('in Read-Write mode the example also lacks transfer and withdraw, and the whitelist is unconfirmed', () => {
    expect(ids(report('binance', base(), 'read-write'))).toEqual(sorted(['no-ip-binding', 'missing-futures-trade', 'unneeded-permission', 'missing-transfer', 'missing-withdraw', 'address-whitelist-unconfirmed']));
  });

  it('bound to IPs, Binance does not list them: the checker asks for them, then checks them', () => {
    const key = { ...base(), ipRestrict: true, enableFutures: true, enablePortfolioMarginTrading: false };
    const asked = report('binance', key);
    expect(asked.verdict).toBe('warn');
    expect(ids(asked)).toEqual(['ip-list-not-checked']);
    expect(report('binance', key, 'read-trade', { ips: SERVERS.join(', ') }).verdict).toBe('pass');
    const wrong = report('binance', key, 'read-trade', { ips: `${SERVERS[0]}, 8.8.8.8` });
    expect(ids(wrong)).toEqual(sorted(['missing-xapy-server', 'not-xapy-server']));
    expect(finding(wrong, 'not-xapy-server')!.docs).toMatch(/\/tools\/ip-whitelist-checker\/#not-xapy-server$/);
  });

  it('withdrawals on a Read + Trade key are an error; in Read-Write they are what is needed', () => {
    const key = { ...base(), ipRestrict: true, enableFutures: true, enablePortfolioMarginTrading: false, enableWithdrawals: true, permitsUniversalTransfer: true };
    expect(ids(report('binance', key, 'read-trade', { ips: SERVERS.join(',') }))).toEqual(sorted(['withdraw-enabled', 'own-transfer-enabled']));
    const rw = report('binance', key, 'read-write', { ips: SERVERS.join(','), addressWhitelistConfirmed: true });
    expect(rw.verdict).toBe('pass');
  });

  it('spot trading that lapses without IPs: unneeded, with the date it is switched off', () => {
    const key = { ...base(), enableFutures: true, enablePortfolioMarginTrading: false, enableSpotAndMarginTrading: true, tradingAuthorityExpirationTime: 1_900_000_000_000 };
    const r = report('binance', key);
    expect(ids(r)).toEqual(sorted(['no-ip-binding', 'unneeded-permission', 'key-expires']));
    expect(finding(r, 'key-expires')!.message).toContain(new Date(1_900_000_000_000).toISOString().slice(0, 10));
    expect(finding(r, 'unneeded-permission')!.message).toContain('Enable Spot & Margin Trading');
  });

  it('a new permission flag that is on is a warning; off, it is ignored', () => {
    const on = report('binance', { ...base(), enableFutures: true, enableCryptoLoans: true });
    expect(finding(on, 'unknown-permission')!.message).toContain('enableCryptoLoans');
    expect(on.profile.unknownFlags).toEqual(['enableCryptoLoans']);
    expect(ids(report('binance', { ...base(), enableCryptoLoans: false }))).not.toContain('unknown-permission');
  });

  it('a key without futures or reading', () => {
    expect(ids(report('binance', { ...base(), enablePortfolioMarginTrading: false }))).toContain('read-only-key');
    expect(ids(report('binance', { ...base(), enableReading: false, enableFixReadOnly: false }))).toContain('missing-read');
    // FIX Read Only reads, but over another protocol: it never stands in for Enable Reading.
    expect(ids(report('binance', { ...base(), enableReading: false, enableFixReadOnly: true }))).toContain('missing-read');
    expect(ids(report('binance', { ...base(), enablePortfolioMarginTrading: false, enableSpotAndMarginTrading: true }))).toContain('missing-futures-trade');
  });
});

describe(`Bybit: ${fixtures['bybit-query-api']!.source}`, () => {
  it('the example key: unbound with its expiry date, transfers on, spot/options/sub-account transfer unneeded, Derivatives trade off', () => {
    const r = report('bybit', sample('bybit-query-api'));
    expect(r.verdict).toBe('fail');
    // The guide ticks Derivatives trade as well as the Contract boxes; this 2023 example has it off.
    expect(ids(r)).toEqual(sorted(['no-ip-binding', 'key-expires', 'own-transfer-enabled', 'unneeded-permission', 'missing-futures-trade']));
    expect(finding(r, 'key-expires')!.message).toMatch(/2023-12-22.*66 days left/);
    expect(r.findings.filter((f) => f.id === 'unneeded-permission')).toHaveLength(3);
    expect(r.profile).toMatchObject({ account: 'master', keyType: 'HMAC (system-generated), personal', label: 'readwrite api key' });
  });

  it('the inner object alone reads the same as the whole envelope', () => {
    const whole = report('bybit', sample('bybit-query-api'));
    expect(report('bybit', sample('bybit-query-api').result)).toEqual(whole);
    expect(report('bybit', JSON.stringify(sample('bybit-query-api')))).toEqual(whole);
  });

  it('a clean futures key bound to XAPY passes Read + Trade', () => {
    const key = sample('bybit-query-api');
    key.result.ips = [...SERVERS];
    key.result.permissions = { ContractTrade: ['Order', 'Position'], Derivatives: ['DerivativesTrade'], Spot: [], Wallet: [] };
    const r = report('bybit', key);
    expect(ids(r)).toEqual(limitNote('bybit'));
    // An undocumented limit cannot matter for XAPY's short list: a note, never a warning.
    expect(r.findings.every((f) => f.severity === 'info')).toBe(true);
    expect(r.verdict).toBe('pass');
    expect(r.profile.expiry).toBeNull(); // deadlineDay applies only to keys without IPs
  });

  it('a read-only key is an error whatever groups it lists', () => {
    const key = sample('bybit-query-api');
    key.result.readOnly = 1;
    key.result.ips = [...SERVERS];
    expect(ids(report('bybit', key))).toEqual(sorted(['read-only-key', ...limitNote('bybit')]));
  });

  it('Read-Write: Account Transfer is needed, Withdrawal is missing', () => {
    const key = sample('bybit-query-api');
    key.result.ips = [...SERVERS];
    key.result.permissions.Derivatives = ['DerivativesTrade'];
    expect(ids(report('bybit', key, 'read-write'))).toEqual(sorted(['missing-withdraw', 'address-whitelist-unconfirmed', 'unneeded-permission', ...limitNote('bybit')]));
  });

  it('an unknown group that is on is reported; an empty one is not', () => {
    const key = sample('bybit-query-api');
    key.result.permissions.Lending = ['LendingTrade'];
    key.result.permissions.Future = [];
    expect(report('bybit', key).profile.unknownFlags).toEqual(['Lending (LendingTrade)']);
  });
});

describe(`OKX: ${fixtures['okx-account-config']!.source}`, () => {
  it('the example key: Withdraw is on in Read + Trade, no IP, Trade bundles the rest', () => {
    const r = report('okx', sample('okx-account-config'));
    expect(ids(r)).toEqual(sorted(['no-ip-binding', 'withdraw-enabled', 'bundled-permission']));
    expect(finding(r, 'no-ip-binding')!.message).toContain('14 days');
    expect(finding(r, 'bundled-permission')!.severity).toBe('info');
    expect(r.profile).toMatchObject({ account: 'master', label: 'v5 test', endpoint: 'GET /api/v5/account/config' });
  });

  it('the same key is what Read-Write needs, apart from IPs and the whitelist confirmation', () => {
    const key = sample('okx-account-config');
    key.data[0].ip = SERVERS.join(',');
    expect(ids(report('okx', key, 'read-write'))).toEqual(sorted(['bundled-permission', 'address-whitelist-unconfirmed']));
    expect(report('okx', key, 'read-write', { addressWhitelistConfirmed: true }).verdict).toBe('pass');
  });

  it('a sub-account key cannot withdraw on OKX, and the message says so', () => {
    const key = sample('okx-account-config');
    Object.assign(key.data[0], { ip: SERVERS.join(','), perm: 'read_only,trade', uid: '1' });
    const r = report('okx', key, 'read-write', { addressWhitelistConfirmed: true });
    expect(ids(r)).toEqual(sorted(['missing-withdraw', 'bundled-permission']));
    expect(finding(r, 'missing-withdraw')!.message).toMatch(/only main-account keys can withdraw/);
  });

  it('an OKX error reply is a clear input error, not a report', () => {
    const r = run('okx', { code: '50111', msg: 'Invalid OK-ACCESS-KEY.', data: [] });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/error reply from OKX \(code 50111: Invalid OK-ACCESS-KEY\.\)/) });
  });
});

describe(`Bitget: ${fixtures['bitget-account-info']!.source}`, () => {
  it('the example’s words ("trade", "readonly") are read; a loopback IP is never XAPY', () => {
    const r = report('bitget', sample('bitget-account-info'));
    expect(ids(r)).toEqual(sorted(['non-public-address', 'missing-xapy-server', 'bundled-permission']));
    expect(r.profile.capabilities).toMatchObject({ read: true, 'futures-trade': true, withdraw: false });
  });

  it('permission codes: futures orders and holdings, bound to XAPY → pass; wallet withdrawal → error', () => {
    const key = sample('bitget-account-info');
    Object.assign(key.data, { ips: SERVERS.join(','), authorities: ['coow', 'cpow', 'coor', 'cpor'] });
    expect(report('bitget', key).verdict).toBe('pass');
    key.data.authorities.push('wwow', 'stow');
    expect(ids(report('bitget', key))).toEqual(sorted(['withdraw-enabled', 'unneeded-permission']));
  });
});

describe(`Gate: ${fixtures['gate-account-main-keys']!.source}`, () => {
  it('main_keys lists several keys: the checker asks which one', () => {
    const r = run('gate', sample('gate-account-main-keys'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/lists 2 keys/);
    expect(r.choices).toEqual([expect.stringContaining('“test1”'), expect.stringContaining('“test2”')]);
  });

  it('one key of main_keys: no futures, spot and account writes unneeded, no IP', () => {
    const r = report('gate', sample('gate-account-main-keys'), 'read-trade', { keyIndex: 0 });
    expect(ids(r)).toEqual(sorted(['no-ip-binding', 'missing-futures-trade', 'unneeded-permission']));
    expect(report('gate', sample('gate-account-main-keys')[1])).toEqual(report('gate', sample('gate-account-main-keys'), 'read-trade', { keyIndex: 1 }));
  });

  it(`account/detail has the IPs but no permissions (${fixtures['gate-account-detail']!.source})`, () => {
    const r = report('gate', sample('gate-account-detail'));
    expect(ids(r)).toEqual(sorted(['permissions-not-reported', 'non-public-address', 'missing-xapy-server']));
    expect(finding(r, 'permissions-not-reported')!.fix).toMatch(/main_keys/);
  });

  it('a futures read-write key bound to XAPY passes', () => {
    const key = { ...sample('gate-account-main-keys')[0], perms: [{ name: 'futures', read_only: false }], ip_whitelist: [...SERVERS] };
    expect(report('gate', key).verdict).toBe('pass');
  });
});

describe(`HTX: ${fixtures['htx-user-api-key']!.source}`, () => {
  it('the example key: bound to two addresses that are not XAPY’s; Trade bundles spot and transfers', () => {
    const r = report('htx', sample('htx-user-api-key'));
    expect(ids(r)).toEqual(sorted(['not-xapy-server', 'missing-xapy-server', 'bundled-permission']));
    expect(r.profile.ip).toEqual({ binding: 'list', ips: ['1.1.1.1', '1.1.1.2'] });
  });

  it('days left and an expired key', () => {
    const key = sample('htx-user-api-key');
    Object.assign(key.data[0], { ipAddresses: SERVERS.join(','), validDays: 12 });
    expect(finding(report('htx', key), 'key-expires')!.message).toContain('12 days left');
    key.data[0].status = 'expired';
    expect(report('htx', key).verdict).toBe('fail');
    expect(ids(report('htx', key))).toContain('key-expired');
  });
});

describe(`KuCoin: ${fixtures['kucoin-user-api-key']!.source}`, () => {
  it('the example key: the masked IP list is a warning asking for the IPs; extras follow the form’s boxes', () => {
    const r = report('kucoin', sample('kucoin-user-api-key'));
    expect(r.profile.ip).toEqual({ binding: 'masked', shown: ['203.**.154', '103.**.34'] });
    expect(finding(r, 'ip-list-not-checked')).toMatchObject({ severity: 'warning', fix: expect.stringMatching(/Paste the addresses/) });
    expect(ids(r)).toEqual(expect.arrayContaining(['ip-list-not-checked', 'unneeded-permission']));
  });

  it('pasted IPs are checked, and compared with the masked list', () => {
    const key = sample('kucoin-user-api-key');
    Object.assign(key.data, { permission: 'General,Futures', ipWhitelist: '192.**.10,198.**.20' });
    expect(report('kucoin', key, 'read-trade', { ips: SERVERS.join(',') }).verdict).toBe('pass');
    const other = report('kucoin', key, 'read-trade', { ips: '8.8.8.8, 9.9.9.9' });
    expect(ids(other)).toEqual(sorted(['ip-list-mismatch', 'not-xapy-server', 'missing-xapy-server']));
  });
});

describe(`CoinEx (main account reading a sub-account key): ${fixtures['coinex-account-subs-api-detail']!.source}`, () => {
  it('the example: its secret_key is reported and never shown; Trade bundles transfers', () => {
    const r = run('coinex', sample('coinex-account-subs-api-detail'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(ids(r.report)).toEqual(sorted(['secret-pasted', 'not-xapy-server', 'missing-xapy-server', 'bundled-permission']));
    expect(finding(r.report, 'secret-pasted')!.message).toContain('metadata.data.secret_key');
    expect(JSON.stringify(r)).not.toContain(sample('coinex-account-subs-api-detail').data.secret_key);
    expect(r.report.profile).toMatchObject({ account: 'sub', label: 'spot market maker' });
  });

  it(`account/info proves the key works but says nothing about it (${fixtures['coinex-account-info']!.source})`, () => {
    expect(run('coinex', sample('coinex-account-info'))).toEqual({ ok: false, error: expect.stringMatching(/not the key metadata CoinEx returns.*api-detail/) });
  });

  it('an expiry date for a key without IPs', () => {
    const key = sample('coinex-account-subs-api-detail');
    Object.assign(key.data, { ip_whitelist: [], expires_at: 1_900_000_000_000, secret_key: '' });
    expect(ids(report('coinex', key))).toEqual(sorted(['no-ip-binding', 'key-expires', 'bundled-permission']));
  });
});

describe('inputs that cannot be checked get a clear message', () => {
  it.each([
    ['not JSON', 'okx', '{"perm": read_only', /not valid JSON\. Paste the GET \/api\/v5\/account\/config response/],
    ['empty', 'okx', '  ', /metadata is empty.*GET \/api\/v5\/account\/config/],
    ['a number', 'okx', 42, /must be a JSON object/],
    ['another exchange’s response', 'okx', sample('bybit-query-api'), /not the key metadata OKX returns\. It looks like a response from Bybit/],
    ['an unknown exchange', 'mtgox', {}, /Unknown exchange “mtgox”/],
  ])('%s', (_name, exchange, metadata, message) => {
    expect(run(exchange as string, metadata)).toEqual({ ok: false, error: expect.stringMatching(message as RegExp) });
  });

  it('a JSON error never quotes the pasted text', () => {
    const r = run('okx', '{"secret": "do-not-echo-this-value" oops');
    expect(JSON.stringify(r)).not.toContain('do-not-echo');
  });
});

describe('the form path gives the same profile as the metadata for the same key', () => {
  const cases: [string, unknown][] = [
    ['okx', sample<any>('okx-account-config')],
    ['bybit', sample<any>('bybit-query-api')],
    ['binance', { ...sample<any>('binance-api-restrictions'), ipRestrict: false, enableFutures: true }],
    ['htx', sample<any>('htx-user-api-key')],
    ['kucoin', { ...sample<any>('kucoin-user-api-key').data, ipWhitelist: SERVERS.join(',') }],
    ['bitget', { ips: SERVERS.join(','), authorities: ['coow', 'cpow', 'wtow'] }],
    ['gate', { ...sample<any>('gate-account-main-keys')[0], perms: [{ name: 'futures', read_only: false }, { name: 'wallet', read_only: false }], ip_whitelist: [...SERVERS] }],
    ['coinex', sample<any>('coinex-account-subs-api-detail')],
  ];
  it.each(cases)('%s', (exchange, metadata) => {
    const fromJson = report(exchange, metadata);
    const boxes = keyCtx(exchange).exchange.permissions!;
    const onLabels = new Set(fromJson.profile.flags.filter((f) => f.on).map((f) => f.label));
    const ticked = boxes.map((b) => onLabels.has(boxLabel(b)));
    expect(ticked.some(Boolean)).toBe(true);
    const ip = fromJson.profile.ip;
    const ips = ip.binding === 'list' ? ip.ips.join('\n') : '';
    const fromForm = checkKeyForm({ mode: 'read-trade', ticked, ips }, keyCtx(exchange));
    if (!fromForm.ok) throw new Error(fromForm.error);
    expect(fromForm.report.profile.capabilities).toEqual(fromJson.profile.capabilities);
    expect(fromForm.report.profile.ip).toEqual(fromJson.profile.ip);
    // Expiry dates and pasted secrets exist only in metadata; every other rule must agree.
    const metadataOnly = ['secret-pasted', 'key-expires', 'key-expired'];
    const rulesOnly = (r: KeyReport) => r.findings.filter((f) => !metadataOnly.includes(f.id)).map((f) => f.id).sort();
    expect(rulesOnly(fromForm.report)).toEqual(rulesOnly(fromJson));
  });
});

describe('the rule catalogue', () => {
  it('every finding id the checker can produce is documented, here or in the IP rules', () => {
    const documented = new Set([...keyRules, ...ipRules].map((r) => r.id));
    for (const name of Object.keys(fixtures)) {
      const ex = name.split('-')[0]!;
      for (const mode of ['read-trade', 'read-write'] as const) {
        const r = run(ex, sample(name), mode, { keyIndex: 0 });
        if (r.ok) for (const f of r.report.findings) expect(documented, f.id).toContain(f.id);
      }
    }
    expect(new Set(keyRules.map((r) => r.id)).size).toBe(keyRules.length);
  });

  it('verdicts: errors fail, warnings warn, notes alone pass', () => {
    for (const name of Object.keys(fixtures)) {
      const r = run(name.split('-')[0]!, sample(name), 'read-trade', { keyIndex: 0 });
      if (!r.ok) continue;
      const sev = r.report.findings.map((f) => f.severity);
      expect(r.report.verdict).toBe(sev.includes('error') ? 'fail' : sev.includes('warning') ? 'warn' : 'pass');
    }
  });
});
