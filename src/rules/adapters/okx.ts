/**
 * OKX: GET /api/v5/account/config → { code: "0", data: [ { perm, ip, label, uid, mainUid, … } ] }.
 * `perm` holds read_only, trade and withdraw; one Trade permission covers every product and transfers.
 * https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-account-configuration
 */
import { commaListAdapter, str } from './common.ts';

export const okx = commaListAdapter({
  id: 'okx',
  name: 'OKX',
  endpoint: 'GET /api/v5/account/config',
  ok: (c) => c === '0' || c === 0,
  flags: [
    ['read_only', 'Read', ['read']],
    ['trade', 'Trade', ['futures-trade', 'spot-trade', 'margin', 'options', 'own-transfer']],
    ['withdraw', 'Withdraw', ['withdraw']],
  ],
  permissionField: 'perm',
  ipField: 'ip',
  labelField: 'label',
  idField: 'uid',
  looksLikeKey: (o) => typeof o.perm === 'string',
  finish(key, p) {
    const uid = str(key.uid);
    const main = str(key.mainUid);
    p.account = uid && main ? (uid === main ? 'master' : 'sub') : 'unknown';
    p.keyType = 'HMAC';
  },
});
