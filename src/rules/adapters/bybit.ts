/**
 * Bybit: GET /v5/user/query-api → { retCode: 0, result: { readOnly, permissions: { Group: [items] }, ips, deadlineDay, expiredAt, … } }.
 * Every key can read; `readOnly: 1` means the ticked groups are read-only. `ips: ["*"]` means no binding.
 * https://bybit-exchange.github.io/docs/v5/user/apikey-info
 */
import type { Capability } from '../../data/schema.ts';
import { bindingOf, capabilitiesOf, emptyProfile, type KeyFlag } from '../profile.ts';
import { asText, describeWith, isObject, str, unwrap, type KeyAdapter } from './common.ts';

/** [group, item, label, capabilities]; every item Bybit documents for the permissions object. */
const ITEMS: [string, string, string, Capability[]][] = [
  ['ContractTrade', 'Order', 'Contract: Orders', ['futures-trade']],
  ['ContractTrade', 'Position', 'Contract: Positions', ['futures-trade']],
  ['Derivatives', 'DerivativesTrade', 'Unified Trading: Trade', ['futures-trade']],
  ['Spot', 'SpotTrade', 'Spot: Trade', ['spot-trade']],
  ['Options', 'OptionsTrade', 'USDC Contracts: Trade', ['options']],
  ['Wallet', 'AccountTransfer', 'Assets: Account Transfer', ['own-transfer']],
  ['Wallet', 'SubMemberTransfer', 'Assets: Subaccount Transfer', ['sub-account-transfer']],
  ['Wallet', 'SubMemberTransferList', 'Assets: Subaccount Transfer', ['sub-account-transfer']],
  ['Wallet', 'Withdraw', 'Assets: Withdrawal', ['withdraw']],
  ['Exchange', 'ExchangeHistory', 'Exchange: Convert history', ['other']],
  ['Earn', 'Earn', 'Earn', ['earn']],
  ['CopyTrading', 'CopyTrading', 'Copy Trading', ['copy-trading']],
  ['BlockTrade', 'BlockTrade', 'Block Trade', ['other']],
  ['NFT', 'NFTQueryProductList', 'NFT', ['other']],
  ['Affiliate', 'Affiliate', 'Affiliate', ['other']],
  ['FiatP2P', 'FiatP2POrder', 'P2P', ['p2p']],
  ['FiatP2P', 'Advertising', 'P2P advertising', ['p2p']],
  ['FiatBitPay', 'FaitPayOrder', 'Bybit Pay', ['p2p']], // sic: the docs and responses spell it FaitPayOrder
  ['FiatConvertBroker', 'FiatConvertBrokerOrder', 'Fiat convert (broker)', ['p2p']],
  ['BitCard', 'BitCard', 'Bybit Card', ['other']],
  ['ByXPost', 'ByXPost', 'ByX post', ['other']],
];
const READ: KeyFlag = { name: 'readOnly', label: 'Read (every key)', on: true, capabilities: ['read'] };
const GROUPS = new Set(ITEMS.map(([g]) => g));
/** Groups whose write items are not trades: a read-only key keeps nothing of them either. */
const looksLikeKey = (o: Record<string, unknown>) => isObject(o.permissions) && ('readOnly' in o || 'ips' in o);

export const bybit: KeyAdapter = {
  id: 'bybit',
  endpoints: ['GET /v5/user/query-api'],
  extract(value) {
    const u = unwrap(value, { code: 'retCode', data: 'result', message: ['retMsg'], ok: (c) => c === 0 || c === '0', name: 'Bybit' });
    if (u && 'error' in u) return u;
    const inner = u ? u.inner : value;
    return isObject(inner) && looksLikeKey(inner) ? { keys: [inner] } : null;
  },
  implied: [READ],
  describe: (key, i) => describeWith(str(key.note), key.apiKey, i),
  toProfile(key) {
    const perms = isObject(key.permissions) ? key.permissions : {};
    const has = (group: string, item: string) => Array.isArray(perms[group]) && (perms[group] as unknown[]).includes(item);
    const readOnly = key.readOnly === 1 || key.readOnly === '1' || key.readOnly === true;
    const flags: KeyFlag[] = [{ ...READ, capabilities: [...READ.capabilities] }];
    for (const [group, item, label, caps] of ITEMS) {
      // On a read-only key the ticked groups only allow reading.
      flags.push({ name: `${group}.${item}`, label, on: has(group, item) && !readOnly, capabilities: caps });
    }
    const p = emptyProfile('bybit', 'metadata', 'GET /v5/user/query-api');
    p.flags = flags;
    p.capabilities = capabilitiesOf(flags);
    const known = new Set(ITEMS.map(([g, i]) => `${g}.${i}`));
    p.unknownFlags = readOnly ? [] : Object.entries(perms).flatMap(([g, items]) => {
      if (!Array.isArray(items)) return [];
      if (!GROUPS.has(g)) return items.length > 0 ? [`${g} (${items.map(asText).join(', ')})`] : [];
      return items.map(asText).filter((i) => !known.has(`${g}.${i}`)).map((i) => `${g}.${i}`);
    });
    p.ip = Array.isArray(key.ips) ? bindingOf(key.ips.map(asText)) : typeof key.ips === 'string' ? bindingOf(key.ips.split(',')) : { binding: 'unknown', restricted: 'unknown' };
    if (p.ip.binding === 'none') {
      // Bybit fills deadlineDay and expiredAt only for keys without an IP binding.
      const days = typeof key.deadlineDay === 'number' ? key.deadlineDay : undefined;
      const at = str(key.expiredAt);
      const valid = at && !at.startsWith('1970') ? at : undefined;
      if (days !== undefined && days >= 0) p.expiry = { daysLeft: days, ...(valid ? { at: valid } : {}), what: 'key' };
      else if (valid) p.expiry = { at: valid, what: 'key' };
    }
    p.account = key.isMaster === true ? 'master' : key.isMaster === false ? 'sub' : 'unknown';
    const rsa = str(key.rsaPublicKey);
    const kind = key.type === 2 ? 'third-party app' : key.type === 1 ? 'personal' : null;
    p.keyType = [rsa ? 'RSA (self-generated)' : 'HMAC (system-generated)', kind].filter(Boolean).join(', ');
    p.label = str(key.note) || null;
    return p;
  },
};
