/**
 * Gate: GET /api/v4/account/main_keys → [ { perms: [{ name, read_only }], ip_whitelist, state, mode, … } ]
 * (each group is off, read-only or read-write), and GET /api/v4/account/detail → { user_id, ip_whitelist,
 * key: { mode }, … }, which has the IPs but no permissions. Gate replies without an envelope.
 * https://www.gate.com/docs/developers/apiv4/en/#getaccountdetail
 */
import type { Capability } from '../../data/schema.ts';
import { bindingOf, capabilitiesOf, emptyProfile, type KeyFlag } from '../profile.ts';
import { asText, describeWith, isObject, str, type Json, type KeyAdapter } from './common.ts';

/** [group, label, capabilities when read-write]; read-only on any group lets the key read. */
const GROUPS: [string, string, Capability[]][] = [
  ['futures', 'Perpetual Futures', ['futures-trade']],
  ['delivery', 'Delivery', ['other']],
  ['spot', 'Spot/Margin', ['spot-trade', 'margin']],
  ['margin', 'Margin', ['margin']],
  ['unified', 'Unified Account', ['other']],
  ['account', 'Account', ['other']],
  ['wallet', 'Wallet', ['own-transfer']],
  ['withdraw', 'Withdrawal', ['withdraw']],
  ['withdrawal', 'Withdrawal', ['withdraw']],
  ['options', 'Options', ['options']],
  ['earn', 'Earn', ['earn']],
  ['loan', 'Loan', ['margin']],
  ['copy', 'Copy Trading', ['copy-trading']],
  ['otc', 'OTC', ['p2p']],
  ['custody', 'Custody', ['other']],
  ['pilot', 'Pilot', ['other']],
  ['alpha', 'Alpha', ['other']],
  ['crossx', 'CrossEx', ['other']],
];
const KNOWN = new Map(GROUPS.map((g) => [g[0], g]));

const isMainKey = (o: Json) => Array.isArray(o.perms);
const isDetail = (o: Json) => 'ip_whitelist' in o && ('user_id' in o || isObject(o.key)) && !isMainKey(o);

export const gate: KeyAdapter = {
  id: 'gate',
  endpoints: ['GET /api/v4/account/main_keys', 'GET /api/v4/account/detail'],
  extract(value) {
    if (isObject(value) && typeof value.label === 'string' && typeof value.message === 'string' && !('perms' in value)) {
      return { error: `This is an error reply from Gate (${value.label.slice(0, 40)}: ${value.message.slice(0, 120)}), not key metadata. Fix the request and paste the successful response.` };
    }
    if (Array.isArray(value)) return value.length > 0 && value.every((o) => isObject(o) && isMainKey(o)) ? { keys: value as Json[] } : null;
    if (isObject(value) && (isMainKey(value) || isDetail(value))) return { keys: [value] };
    return null;
  },
  implied: [],
  describe: (key, i) => describeWith(str(key.name) || undefined, key.key, i),
  toProfile(key) {
    const p = emptyProfile('gate', 'metadata', isMainKey(key) ? 'GET /api/v4/account/main_keys' : 'GET /api/v4/account/detail');
    if (isMainKey(key)) {
      const perms = (key.perms as unknown[]).filter(isObject);
      const byName = new Map(perms.map((g) => [str(g.name) ?? '', g.read_only === true ? 'read' : 'write'] as const));
      const flags: KeyFlag[] = [];
      for (const [name, label, caps] of GROUPS) {
        const level = byName.get(name);
        if (name === 'withdrawal' && !byName.has('withdrawal')) continue; // one of the two spellings is shown
        if (name === 'withdraw' && byName.has('withdrawal')) continue;
        flags.push({ name: `${name}:read`, label: `${label}: Read only`, on: level !== undefined, capabilities: ['read'] });
        flags.push({ name: `${name}:write`, label: `${label}: Read and write`, on: level === 'write', capabilities: caps });
      }
      p.flags = flags;
      p.capabilities = capabilitiesOf(flags);
      p.unknownFlags = [...byName].filter(([n]) => !KNOWN.has(n)).map(([n, l]) => `${n} (${l === 'read' ? 'read only' : 'read and write'})`);
      p.keyType = 'HMAC-SHA512';
      p.account = 'master';
      p.label = str(key.name) || null;
    }
    p.ip = Array.isArray(key.ip_whitelist) ? bindingOf(key.ip_whitelist.map(asText)) : { binding: 'unknown', restricted: 'unknown' };
    return p;
  },
};
