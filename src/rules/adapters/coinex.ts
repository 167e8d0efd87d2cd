/**
 * CoinEx has no endpoint that describes the calling key. The main account can read a sub-account
 * key: GET /v2/account/subs/api-detail → { code: 0, data: { trade_enabled, withdraw_enabled,
 * ip_whitelist, is_expired, expires_at, secret_key, … } }. Any valid key can read, so Read is implied.
 * https://docs.coinex.com/api/v2/account/subs/http/get-sub-api
 */
import { bindingOf, capabilitiesOf, emptyProfile, type KeyFlag } from '../profile.ts';
import { asText, describeWith, flagsFrom, isoFromEpoch, listOf, str, unwrap, type FlagSpec, type KeyAdapter } from './common.ts';

const READ: KeyFlag = { name: '(any key)', label: 'Read (every valid key)', on: true, capabilities: ['read'] };
const FLAGS: FlagSpec[] = [
  ['trade_enabled', 'Trade', ['futures-trade', 'spot-trade', 'margin', 'own-transfer']],
  ['withdraw_enabled', 'Withdraw', ['withdraw']],
];
const KNOWN = new Set(FLAGS.map(([n]) => n));

const looksLikeKey = (o: Record<string, unknown>) => 'trade_enabled' in o || 'withdraw_enabled' in o;

export const coinex: KeyAdapter = {
  id: 'coinex',
  endpoints: ['GET /v2/account/subs/api-detail', 'GET /v2/account/subs/api (one entry)'],
  extract(value) {
    const u = unwrap(value, { ok: (c) => c === 0 || c === '0', name: 'CoinEx' });
    if (u && 'error' in u) return u;
    const keys = listOf(u ? u.inner : value, looksLikeKey);
    return keys ? { keys } : null;
  },
  implied: [READ],
  describe: (key, i) => describeWith(str(key.remark) || undefined, key.access_id, i),
  toProfile(key) {
    const flags = [{ ...READ, capabilities: [...READ.capabilities] }, ...flagsFrom(FLAGS, (n) => key[n] === true)];
    const p = emptyProfile('coinex', 'metadata', 'GET /v2/account/subs/api-detail');
    p.flags = flags;
    p.capabilities = capabilitiesOf(flags);
    p.unknownFlags = Object.keys(key).filter((k) => /_enabled$/.test(k) && !KNOWN.has(k) && key[k] === true);
    p.ip = Array.isArray(key.ip_whitelist) ? bindingOf(key.ip_whitelist.map(asText)) : { binding: 'unknown', restricted: 'unknown' };
    const at = isoFromEpoch(key.expires_at);
    if (key.is_expired === true) p.expiry = { expired: true, ...(at ? { at } : {}), what: 'key' };
    else if (at) p.expiry = { at, what: 'key' };
    p.account = 'sub';
    p.keyType = 'HMAC-SHA256';
    p.label = str(key.remark) || null;
    return p;
  },
};
