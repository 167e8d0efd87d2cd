/**
 * The normalized key profile: what one API key may do and where it may be used from, in
 * the same words for every exchange. Each adapter in ./adapters turns an exchange's key
 * metadata into one; the form path builds one from the boxes a user ticked. Pure.
 */
import { capabilities, type Capability } from '../data/capabilities.ts';

export { capabilities, type Capability };

/** One permission flag or box of the exchange, as the exchange names it. */
export interface KeyFlag {
  /** The name in the exchange's response (or the box's label on the form path). */
  name: string;
  /** The label readers know it by. */
  label: string;
  on: boolean;
  /** What the flag lets the key do; empty for flags that grant nothing XAPY's rules care about. */
  capabilities: Capability[];
}

export type IpBinding =
  /** The key accepts requests from any address. */
  | { binding: 'none' }
  /** The key is bound to these addresses. */
  | { binding: 'list'; ips: string[] }
  /** Bound, but the exchange shows the addresses only partly (e.g. "203.**.154"). */
  | { binding: 'masked'; shown: string[] }
  /** Bound, but the response does not list the addresses; or the response says nothing about IPs. */
  | { binding: 'unknown'; restricted: boolean | 'unknown' };

export interface KeyExpiry {
  /** When the key (or, for Binance, its trading permission) stops working, ISO 8601. */
  at?: string;
  /** Days left, as the exchange counts them. */
  daysLeft?: number;
  /** The key has already expired. */
  expired?: boolean;
  /** What expires: the whole key, or only its trading permission. */
  what: 'key' | 'trading-permission';
}

export interface KeyProfile {
  exchange: string;
  /** Where the profile came from: the exchange's key metadata, or the form. */
  source: 'metadata' | 'form';
  /** The endpoint whose response was read, e.g. "GET /api/v5/account/config". */
  endpoint: string | null;
  /** Every capability: on, off, or unknown when the source does not report permissions. */
  capabilities: Record<Capability, boolean | 'unknown'>;
  /** The exchange's own flags, on and off, in its order. */
  flags: KeyFlag[];
  /** Permission-like flags that are on but that this checker does not know (exchanges add flags). */
  unknownFlags: string[];
  ip: IpBinding;
  expiry: KeyExpiry | null;
  /** e.g. "HMAC (system-generated)", "RSA (self-generated)", "personal", "third-party app". */
  keyType: string | null;
  account: 'master' | 'sub' | 'unknown';
  /** The key's name or note as the user gave it. */
  label: string | null;
}

/** Capability states from the flags: a capability is on when any flag that grants it is on. */
export function capabilitiesOf(flags: readonly KeyFlag[], reported = true): Record<Capability, boolean | 'unknown'> {
  const out = {} as Record<Capability, boolean | 'unknown'>;
  for (const c of capabilities) out[c] = reported ? flags.some((f) => f.on && f.capabilities.includes(c)) : 'unknown';
  return out;
}

export function emptyProfile(exchange: string, source: KeyProfile['source'], endpoint: string | null): KeyProfile {
  return {
    exchange, source, endpoint,
    capabilities: capabilitiesOf([], false),
    flags: [], unknownFlags: [],
    ip: { binding: 'unknown', restricted: 'unknown' },
    expiry: null, keyType: null, account: 'unknown', label: null,
  };
}

/** Readers' names for the capabilities, for tables and messages. */
export const capabilityLabel: Record<Capability, string> = {
  read: 'Read balances, positions and orders',
  'futures-trade': 'Trade futures (perpetuals)',
  'spot-trade': 'Trade spot',
  margin: 'Margin trading or borrowing',
  options: 'Trade options',
  'own-transfer': 'Transfer between your own accounts',
  'sub-account-transfer': 'Transfer to or from sub-accounts',
  withdraw: 'Withdraw',
  earn: 'Earn products',
  p2p: 'P2P or fiat',
  'copy-trading': 'Copy trading',
  'sub-account-management': 'Manage sub-accounts',
  other: 'Other exchange features',
};

/** Splits "a,b, c" into ["a","b","c"]; empty items dropped. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== ''); // the pieces have no spaces left to trim
}

/** IP binding from a list the exchange returned: empty or "*" means none. */
export function bindingOf(ips: readonly string[]): IpBinding {
  const list = ips.map((s) => s.trim()).filter((s) => s !== '');
  if (list.length === 0 || list.every((s) => s === '*')) return { binding: 'none' };
  if (list.some((s) => s.includes('*'))) return { binding: 'masked', shown: list };
  return { binding: 'list', ips: list };
}

/** One box on the exchange's key form, from the data (`key.permissions`). */
export interface PermissionBox {
  label: string;
  group?: string;
  capabilities: Capability[];
  /** The flag's name in the key-metadata response, when there is one. */
  apiName?: string;
  /** The guide's rule for the box in each mode (its permission table); absent in hand-made facts. */
  readTrade?: TickRule;
  readWrite?: TickRule;
  /** How the checker rates the box when it is on where the rule is leave-off. */
  whenOn?: 'error' | 'warning';
  /** What the box lets the key do, in the guide's words. */
  explanation?: string;
}

export type TickRule = 'tick' | 'leave-off' | 'either';

/** The box's label as a reader finds it on the form: "Wallet: Account Transfer". */
export function boxLabel(box: PermissionBox): string {
  return box.group && !box.label.toLowerCase().startsWith(box.group.toLowerCase()) ? `${box.group}: ${box.label}` : box.label;
}

/**
 * Puts the data's word on each flag: a flag that matches a box (by its name in the response, or
 * by label where the response has none) takes the box's label and capabilities, and a flag the
 * adapter did not know but the data does stops being unknown. The data is where facts live.
 */
export function applyBoxes(profile: KeyProfile, boxes: readonly PermissionBox[] | undefined): KeyProfile {
  if (!boxes || boxes.length === 0 || profile.flags.length === 0) return profile;
  const match = (f: KeyFlag) =>
    boxes.find((b) => b.apiName === f.name && !boxes.some((o) => o !== b && o.apiName === f.name)) ??
    boxes.find((b) => boxLabel(b) === f.label || b.label === f.label);
  const flags = profile.flags.map((f) => {
    const box = match(f);
    // The box's capabilities, and reading where the response says the flag reads (Bitget's read-write codes).
    const caps: Capability[] = box ? [...box.capabilities, ...(f.capabilities.includes('read') && !box.capabilities.includes('read') ? ['read' as const] : [])] : [];
    return box ? { ...f, label: boxLabel(box), capabilities: caps } : f;
  });
  const unknownFlags: string[] = [];
  for (const name of profile.unknownFlags) {
    const box = boxes.find((b) => b.apiName === name);
    if (box) flags.push({ name, label: boxLabel(box), on: true, capabilities: [...box.capabilities] });
    else unknownFlags.push(name);
  }
  return { ...profile, flags, unknownFlags, capabilities: capabilitiesOf(flags) };
}

/**
 * The profile of a key described on the form: the boxes ticked (by index into `boxes`), the
 * flags every key of the exchange has (`implied`, e.g. Bybit's read), and the IP list typed in.
 */
export function profileFromForm(exchange: string, boxes: readonly PermissionBox[], ticked: readonly boolean[], ips: string, implied: readonly KeyFlag[] = []): KeyProfile {
  const flags: KeyFlag[] = [
    ...implied.map((f) => ({ ...f, capabilities: [...f.capabilities] })),
    ...boxes.map((b, i) => ({ name: b.apiName ?? boxLabel(b), label: boxLabel(b), on: ticked[i] === true, capabilities: [...b.capabilities] })),
  ];
  const p = emptyProfile(exchange, 'form', null);
  p.flags = flags;
  p.capabilities = capabilitiesOf(flags);
  p.ip = bindingOf(splitList(ips));
  return p;
}

/** The profile in words, one row a fact, for the widget's table, the Markdown report and agents. */
export function describeProfile(p: KeyProfile): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  for (const c of capabilities) {
    const state = p.capabilities[c];
    if (state === 'unknown') {
      rows.push({ label: capabilityLabel[c], value: 'not reported' });
      continue;
    }
    const via = [...new Set(p.flags.filter((f) => f.on && f.capabilities.includes(c)).map((f) => `“${f.label}”`))];
    rows.push({ label: capabilityLabel[c], value: state ? `yes, through ${via.join(', ')}` : 'no' });
  }
  const ip = p.ip;
  rows.push({
    label: 'IP binding',
    value: ip.binding === 'none' ? 'none: any address can use the key'
      : ip.binding === 'list' ? `${ip.ips.length} address${ip.ips.length === 1 ? '' : 'es'}: ${ip.ips.join(', ')}`
      : ip.binding === 'masked' ? `bound, shown partly hidden: ${ip.shown.join(', ')}`
      : ip.restricted === true ? 'bound, addresses not shown' : 'not reported',
  });
  const e = p.expiry;
  rows.push({
    label: 'Expiry',
    value: !e ? 'none reported'
      : e.expired ? 'expired'
      : `${e.what === 'trading-permission' ? 'trading permission lapses' : 'key expires'}${e.at ? ` on ${e.at.slice(0, 10)}` : ''}${e.daysLeft !== undefined ? ` (${e.daysLeft} days left)` : ''}`,
  });
  rows.push({ label: 'Account', value: p.account === 'master' ? 'main account' : p.account === 'sub' ? 'sub-account' : 'not reported' });
  if (p.keyType) rows.push({ label: 'Key type', value: p.keyType });
  if (p.label) rows.push({ label: 'Name on the exchange', value: p.label });
  if (p.unknownFlags.length) rows.push({ label: 'Unrecognised permissions that are on', value: p.unknownFlags.join(', ') });
  rows.push({ label: 'Read from', value: p.source === 'form' ? 'the boxes ticked on the form' : (p.endpoint ?? 'the pasted metadata') });
  return rows;
}
