/**
 * Binance: GET /sapi/v1/account/apiRestrictions. The reply is the key object itself, with one
 * boolean per permission and `ipRestrict` (whether IPs are bound, not which).
 * https://developers.binance.com/docs/wallet/account/api-key-permission
 */
import { capabilitiesOf, emptyProfile } from '../profile.ts';
import { flagsFrom, isObject, isoFromEpoch, str, type FlagSpec, type KeyAdapter } from './common.ts';

const FLAGS: FlagSpec[] = [
  ['enableReading', 'Enable Reading', ['read']],
  ['enableFutures', 'Enable Futures', ['futures-trade']],
  ['enablePortfolioMarginTrading', 'Enable Portfolio Margin Trading', ['futures-trade', 'margin']],
  ['enableSpotAndMarginTrading', 'Enable Spot & Margin Trading', ['spot-trade', 'margin']],
  ['enableMargin', 'Enable Margin Loan, Repay & Transfer', ['margin']],
  ['enableVanillaOptions', 'Enable Vanilla Options', ['options']],
  ['permitsUniversalTransfer', 'Permits Universal Transfer', ['own-transfer']],
  ['enableInternalTransfer', 'Enable Internal Transfer', ['sub-account-transfer']],
  ['enableWithdrawals', 'Enable Withdrawals', ['withdraw']],
  ['enableFixApiTrade', 'Enable FIX API Trade', ['other']],
  ['enableFixReadOnly', 'Enable FIX API Read Only', ['read']],
];
const KNOWN = new Set(FLAGS.map(([n]) => n));

export const binance: KeyAdapter = {
  id: 'binance',
  endpoints: ['GET /sapi/v1/account/apiRestrictions'],
  extract(value) {
    if (isObject(value) && typeof value.code === 'number' && typeof value.msg === 'string' && !('enableReading' in value)) {
      return { error: `This is an error reply from Binance (code ${value.code}: ${value.msg.slice(0, 120)}), not key metadata. Fix the request and paste the successful response.` };
    }
    return isObject(value) && typeof value.enableReading === 'boolean' ? { keys: [value] } : null;
  },
  implied: [],
  describe: (_key, i) => `Key ${i + 1}`,
  toProfile(key) {
    const flags = flagsFrom(FLAGS, (n) => key[n] === true);
    const p = emptyProfile('binance', 'metadata', 'GET /sapi/v1/account/apiRestrictions');
    p.flags = flags;
    p.capabilities = capabilitiesOf(flags);
    p.unknownFlags = Object.keys(key).filter((k) => /^(enable|permits?)[A-Z]/.test(k) && !KNOWN.has(k) && key[k] === true);
    p.ip = key.ipRestrict === false ? { binding: 'none' } : { binding: 'unknown', restricted: key.ipRestrict === true ? true : 'unknown' };
    const lapse = isoFromEpoch(key.tradingAuthorityExpirationTime);
    if (lapse && key.enableSpotAndMarginTrading === true) p.expiry = { at: lapse, what: 'trading-permission' };
    p.label = str(key.label) ?? null;
    return p;
  },
};
