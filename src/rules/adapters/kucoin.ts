/**
 * KuCoin: GET /api/v1/user/api-key → { code: "200000", data: { permission, ipWhitelist, isMaster, … } }.
 * `ipWhitelist` comes back masked ("203.**.154"), so the addresses cannot be checked from it.
 * https://www.kucoin.com/docs-new/api-3470130
 */
import { commaListAdapter } from './common.ts';

export const kucoin = commaListAdapter({
  id: 'kucoin',
  name: 'KuCoin',
  endpoint: 'GET /api/v1/user/api-key',
  ok: (c) => c === '200000' || c === 200000,
  flags: [
    ['General', 'General', ['read']],
    ['Futures', 'Futures', ['futures-trade']],
    ['Spot', 'Spot', ['spot-trade']],
    ['Margin', 'Margin', ['margin']],
    ['Earn', 'Earn', ['earn']],
    ['InnerTransfer', 'Flex Transfer', ['own-transfer', 'sub-account-transfer']],
    ['Transfer', 'Withdrawal', ['withdraw']],
    ['LeadtradeFutures', 'LeadtradeFutures', ['copy-trading']],
  ],
  permissionField: 'permission',
  ipField: 'ipWhitelist',
  labelField: 'remark',
  idField: 'apiKey',
  looksLikeKey: (o) => typeof o.permission === 'string' && ('ipWhitelist' in o || 'apiVersion' in o || 'isMaster' in o),
  finish(key, p) {
    p.account = key.isMaster === true ? 'master' : key.isMaster === false ? 'sub' : 'unknown';
    p.keyType = typeof key.apiVersion === 'number' ? `HMAC, key version ${key.apiVersion}` : null;
  },
});
