/**
 * HTX: GET /v2/user/api-key → { code: 200, data: [ { accessKey, permission, ipAddresses, validDays, status, … } ] }.
 * One key serves spot and derivatives; `trade` also allows transfers.
 * https://www.htx.com/en-us/opend/newApiPages/?id=7ec52c92-7773-11ed-9966-0242ac110003
 */
import { commaListAdapter, str } from './common.ts';

export const htx = commaListAdapter({
  id: 'htx',
  name: 'HTX',
  endpoint: 'GET /v2/user/api-key',
  ok: (c) => c === 200 || c === '200',
  flags: [
    ['readOnly', 'Read-only', ['read']],
    ['trade', 'Trade', ['futures-trade', 'spot-trade', 'margin', 'options', 'own-transfer']],
    ['withdraw', 'Withdraw', ['withdraw']],
  ],
  permissionField: 'permission',
  ipField: 'ipAddresses',
  labelField: 'note',
  idField: 'accessKey',
  looksLikeKey: (o) => typeof o.permission === 'string' && ('accessKey' in o || 'ipAddresses' in o || 'validDays' in o),
  finish(key, p) {
    const days = typeof key.validDays === 'number' ? key.validDays : Number(str(key.validDays) ?? NaN);
    if (key.status === 'expired') p.expiry = { expired: true, what: 'key' };
    else if (Number.isFinite(days) && days >= 0) p.expiry = { daysLeft: days, what: 'key' };
  },
});
