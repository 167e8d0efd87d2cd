/**
 * Facts in words, for the tables on the pages and their Markdown twins (one wording for both).
 */
import type { Exchange, Fact } from './schema.ts';

export const NOT_DOCUMENTED = 'not documented';

function withStatus<T>(f: Fact<T>, text: (v: T) => string): string {
  if (f.value === 'unknown') return NOT_DOCUMENTED;
  const base = text(f.value as T);
  return f.disputed ? `${base} (sources disagree)` : base;
}

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

export interface FactRow {
  key: string;
  label: string;
  text: string;
  fact: Fact<unknown>;
}

/** The IP facts of one exchange, labelled and worded, in display order. */
export function ipFactRows(ex: Exchange): FactRow[] {
  const { ip } = ex;
  return [
    { key: 'maxPerKey', label: 'IP addresses per key', text: withStatus(ip.maxPerKey, (v) => `up to ${v}`), fact: ip.maxPerKey },
    { key: 'cidr', label: 'Ranges (CIDR)', text: withStatus(ip.cidr, (v) => (v === 'ipv4-only' ? 'IPv4 ranges only' : yesNo(v))), fact: ip.cidr },
    { key: 'ipv6', label: 'IPv6 addresses', text: withStatus(ip.ipv6, yesNo), fact: ip.ipv6 },
    { key: 'separator', label: 'List format in the key form', text: withStatus(ip.separator, (v) => (v === 'comma' ? 'comma-separated' : 'one per line')), fact: ip.separator },
    { key: 'withoutIp', label: 'A key without IP binding', text: withStatus(ip.withoutIp, (v) => v.summary), fact: ip.withoutIp },
    { key: 'withdrawRequiresIp', label: 'Withdrawal permission needs IP binding', text: withStatus(ip.withdrawRequiresIp, yesNo), fact: ip.withdrawRequiresIp },
  ];
}

/** A short cell for the comparison table: e.g. "expires after 90 days". */
export function withoutIpShort(ex: Exchange): string {
  return withStatus(ex.ip.withoutIp, (v) => {
    switch (v.effect) {
      case 'expires': return `expires after ${v.days} days`;
      case 'expires-if-inactive': return `expires after ${v.days} days unused`;
      case 'trading-disabled': return `trading switched off after ${v.days} days`;
      default: return 'keeps working';
    }
  });
}
