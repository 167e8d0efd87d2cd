/**
 * Key metadata in each exchange's own format for a chosen set of boxes, built from the official
 * example in test/fixtures/key-metadata: the example's shape and values, with its permission
 * fields set to the boxes given, its IP list set to `ips`, and its placeholders for secrets and
 * expiry left out (a real key bound to IPs has no expiry on these exchanges). Each box is named in
 * the response the way the exchange names it (`apiName` in the data, or the adapter's own word).
 */
import type { PermissionBox } from '../../src/rules/profile.ts';
import { boxLabel } from '../../src/rules/profile.ts';
import { sample } from './key-fixtures.ts';

/** The metadata for `on` (boxes of the exchange's form), plus the IPs to send alongside where the response hides them. */
export interface Written {
  metadata: unknown;
  /** For exchanges whose response does not list the IPs (Binance). */
  ips?: string;
}

type Writer = (on: readonly PermissionBox[], all: readonly PermissionBox[], ips: readonly string[]) => Written;

const names = (on: readonly PermissionBox[]) => on.map((b) => b.apiName ?? b.label);

/** Bybit's box names without a group ("BlockTrade") and the group and item the response uses. */
const BYBIT_ITEMS: Record<string, [string, string]> = { BlockTrade: ['BlockTrade', 'BlockTrade'], FiatP2P: ['FiatP2P', 'FiatP2POrder'] };

export const writers: Record<string, Writer> = {
  binance(on, all, ips) {
    const metadata: Record<string, unknown> = { ...sample('binance-api-restrictions'), ipRestrict: true };
    for (const b of all) metadata[b.apiName!] = on.includes(b);
    delete metadata.tradingAuthorityExpirationTime;
    return { metadata, ips: ips.join(',') };
  },
  okx(on, _all, ips) {
    const metadata = sample('okx-account-config');
    Object.assign(metadata.data[0], { perm: names(on).join(','), ip: ips.join(',') });
    return { metadata };
  },
  htx(on, _all, ips) {
    const metadata = sample('htx-user-api-key');
    Object.assign(metadata.data[0], { permission: names(on).join(','), ipAddresses: ips.join(','), validDays: -1 });
    return { metadata };
  },
  kucoin(on, _all, ips) {
    const metadata = sample('kucoin-user-api-key');
    Object.assign(metadata.data, { permission: names(on).join(','), ipWhitelist: ips.join(',') });
    return { metadata };
  },
  bitget(on, _all, ips) {
    const metadata = sample('bitget-account-info');
    Object.assign(metadata.data, { authorities: names(on), ips: ips.join(',') });
    return { metadata };
  },
  coinex(on, all, ips) {
    const metadata = sample('coinex-account-subs-api-detail');
    delete metadata.data.secret_key; // the example's placeholder; a pasted secret fails the check
    for (const b of all) metadata.data[`${b.label.toLowerCase()}_enabled`] = on.includes(b);
    Object.assign(metadata.data, { ip_whitelist: [...ips], is_expired: false, expires_at: 0 });
    return { metadata };
  },
  bybit(on, _all, ips) {
    const metadata = sample('bybit-query-api');
    const permissions: Record<string, string[]> = {};
    for (const b of on) {
      const [group, item] = b.apiName!.includes('.') ? b.apiName!.split('.') as [string, string] : BYBIT_ITEMS[b.apiName!]!;
      (permissions[group] ??= []).push(item);
    }
    Object.assign(metadata.result, { permissions, ips: [...ips], readOnly: 0, secret: '' });
    delete metadata.result.deadlineDay;
    delete metadata.result.expiredAt;
    return { metadata };
  },
  gate(on, _all, ips) {
    const [key] = sample('gate-account-main-keys');
    // "Group: Read only" and "Group: Read and write" are one entry of perms; read and write wins.
    const perms = new Map<string, boolean>();
    for (const b of on) {
      const name = b.apiName ?? (boxLabel(b).startsWith('Withdrawal') ? 'withdraw' : b.label);
      const readOnly = /Read only$/.test(b.label);
      perms.set(name, (perms.get(name) ?? true) && readOnly);
    }
    return { metadata: { ...key, perms: [...perms].map(([name, read_only]) => ({ name, read_only })), ip_whitelist: [...ips] } };
  },
};
