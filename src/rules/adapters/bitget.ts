/**
 * Bitget: GET /api/v2/spot/account/info → { code: "00000", data: { userId, ips, authorities, parentId, … } }.
 * `authorities` lists permission codes (coow = futures orders, stow = spot, wwow = withdraw, …); the
 * documentation's own example shows the coarser words "trade" and "readonly", which are read too.
 * https://www.bitget.com/api-doc/spot/account/Get-Account-Info
 */
import { bindingOf, capabilitiesOf, emptyProfile, splitList } from '../profile.ts';
import { asText, describeWith, flagsFrom, isObject, str, unwrap, type FlagSpec, type KeyAdapter } from './common.ts';

const FLAGS: FlagSpec[] = [
  ['coor', 'Futures: Orders (read)', ['read']],
  ['cpor', 'Futures: Holdings (read)', ['read']],
  ['coow', 'Futures: Orders (read-write)', ['read', 'futures-trade']],
  ['cpow', 'Futures: Holdings (read-write)', ['read', 'futures-trade']],
  ['stor', 'Spot trade (read)', ['read']],
  ['stow', 'Spot trade (read-write)', ['read', 'spot-trade']],
  ['smor', 'Margin trade (read)', ['read']],
  ['smow', 'Margin trade (read-write)', ['read', 'margin']],
  ['ttor', 'Copy trading (read)', ['read']],
  ['ttow', 'Copy trading (read-write)', ['read', 'copy-trading']],
  ['wtor', 'Wallet: Transfer (read)', ['read']],
  ['wtow', 'Wallet: Transfer (read-write)', ['read', 'own-transfer']],
  ['wwow', 'Wallet: Withdraw', ['withdraw']],
  ['chor', 'Sub-accounts (read)', ['read']],
  ['chow', 'Sub-accounts (read-write)', ['read', 'sub-account-management']],
  ['p2pr', 'P2P (read)', ['read']],
  ['p2p', 'P2P (read-write)', ['read', 'p2p']],
  ['taxr', 'Tax (read)', ['read']],
  ['taxw', 'Tax (read-write)', ['read', 'other']],
  ['pllr', 'Loans (read)', ['read']],
  ['pllw', 'Loans (read-write)', ['read', 'other']],
  // The words in the documentation's example response.
  ['readonly', 'Read-only', ['read']],
  ['trade', 'Trade', ['read', 'futures-trade', 'spot-trade', 'margin']],
  ['transfer', 'Transfer', ['own-transfer']],
  ['withdraw', 'Withdraw', ['withdraw']],
];
const KNOWN = new Set(FLAGS.map(([n]) => n));
const looksLikeKey = (o: Record<string, unknown>) => Array.isArray(o.authorities);

export const bitget: KeyAdapter = {
  id: 'bitget',
  endpoints: ['GET /api/v2/spot/account/info'],
  extract(value) {
    const u = unwrap(value, { ok: (c) => c === '00000' || c === 0 || c === '0', name: 'Bitget' });
    if (u && 'error' in u) return u;
    const inner = u ? u.inner : value;
    return isObject(inner) && looksLikeKey(inner) ? { keys: [inner] } : null;
  },
  // On the form every key reads: the boxes choose what it may change (read-only or read-write per module).
  implied: [{ name: 'readonly', label: 'Read (every key)', on: true, capabilities: ['read'] }],
  describe: (key, i) => describeWith(undefined, key.userId, i),
  toProfile(key) {
    const auths = (key.authorities as unknown[]).map((a) => (str(a) ?? '').trim()).filter((a) => a !== '');
    const lower = auths.map((a) => a.toLowerCase());
    const flags = flagsFrom(FLAGS, (n) => lower.includes(n));
    const p = emptyProfile('bitget', 'metadata', 'GET /api/v2/spot/account/info');
    // Only the flags the response uses, so that the example's words do not show as "off" codes and vice versa.
    const usesWords = lower.some((a) => ['readonly', 'trade', 'transfer', 'withdraw'].includes(a));
    p.flags = flags.filter((f) => (['readonly', 'trade', 'transfer', 'withdraw'].includes(f.name) ? usesWords : !usesWords || f.on));
    p.capabilities = capabilitiesOf(flags);
    p.unknownFlags = auths.filter((a) => !KNOWN.has(a.toLowerCase()));
    p.ip = typeof key.ips === 'string' ? bindingOf(splitList(key.ips)) : Array.isArray(key.ips) ? bindingOf(key.ips.map(asText)) : { binding: 'unknown', restricted: 'unknown' };
    const user = str(key.userId);
    const parent = str(key.parentId);
    p.account = user && parent && parent !== '0' ? (parent === user ? 'master' : 'sub') : 'unknown';
    return p;
  },
};
