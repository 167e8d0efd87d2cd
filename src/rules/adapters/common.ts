/**
 * What every exchange adapter provides, and the small helpers they share: unwrapping a
 * response envelope, reading flags from a table, spotting permission-like fields.
 */
import type { Capability } from '../../data/schema.ts';
import { bindingOf, capabilitiesOf, emptyProfile, splitList, type KeyFlag, type KeyProfile } from '../profile.ts';

export type Json = Record<string, unknown>;

/** The key objects found in a pasted response, or why none could be read. */
export type Extracted =
  | { keys: Json[] }
  /** The response is the exchange's error reply, not key metadata. */
  | { error: string };

export interface KeyAdapter {
  id: string;
  /** The endpoints whose responses this adapter reads, for messages and docs. */
  endpoints: string[];
  /** Finds the key objects in a parsed response (whole envelope or inner object); null when it is not this exchange's shape. */
  extract(value: unknown): Extracted | null;
  /** A short description of one key, to let the user choose among several (never a secret). */
  describe(key: Json, index: number): string;
  toProfile(key: Json): KeyProfile;
  /** Flags every key of the exchange has without a box (e.g. reading on Bybit and CoinEx). */
  implied: KeyFlag[];
}

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
/**
 * Any JSON value as text, for lists that should hold strings. Never calls an object's own
 * toString (pasted JSON may set it to anything): objects and arrays become a placeholder.
 */
export const asText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : v === null ? 'null' : '(not text)';

/** One row of an adapter's flag table: the response's name, the label readers know, what it grants. */
export type FlagSpec = readonly [name: string, label: string, capabilities: readonly Capability[]];

/** Flags read from a table; `isOn(name)` tells whether the response has it on. */
export function flagsFrom(table: readonly FlagSpec[], isOn: (name: string) => boolean): KeyFlag[] {
  return table.map(([name, label, caps]) => ({ name, label, on: isOn(name), capabilities: [...caps] }));
}

/**
 * The usual envelope: `{ code, data, msg }`. Returns the inner value when `ok(code)`, an error
 * when the code says the call failed, undefined when the value has no such envelope.
 */
export function unwrap(
  value: unknown,
  { code = 'code', data = 'data', message = ['msg', 'message'], ok, name }: {
    code?: string; data?: string; message?: string[]; ok: (code: unknown) => boolean; name: string;
  },
): { inner: unknown } | { error: string } | undefined {
  if (!isObject(value) || !(code in value)) return undefined;
  if (!ok(value[code])) {
    const text = message.map((m) => str(value[m])).find((m) => m) ?? '';
    const codeText = str(value[code]) ?? ''; // only strings and numbers: any other JSON value is not shown
    const shown = /^-?[\w.]{1,16}$/.test(codeText) ? ` (code ${codeText}${text ? `: ${text.slice(0, 120)}` : ''})` : '';
    return { error: `This is an error reply from ${name}${shown}, not key metadata. Fix the request and paste the successful response.` };
  }
  if (!(data in value)) return undefined;
  return { inner: value[data] };
}

/** Items of a list-valued `data`, or the single object. */
export function listOf(inner: unknown, looksLikeKey: (o: Json) => boolean): Json[] | undefined {
  if (Array.isArray(inner)) return inner.every((o) => isObject(o) && looksLikeKey(o)) ? (inner as Json[]) : undefined;
  if (isObject(inner) && looksLikeKey(inner)) return [inner];
  return undefined;
}

/** Shortens an identifier for display: enough to recognise it, not the whole value. */
export function shortId(value: unknown): string {
  const s = str(value);
  if (!s) return '';
  return s.length > 10 ? `${s.slice(0, 6)}…${s.slice(-4)}` : s;
}

export function describeWith(label: string | undefined, id: unknown, index: number): string {
  const parts = [`Key ${index + 1}`];
  if (label) parts.push(`“${label.slice(0, 40)}”`);
  const sid = shortId(id);
  if (sid) parts.push(`(${sid})`);
  return parts.join(' ');
}

/** Milliseconds or seconds since 1970 → ISO date-time; undefined for 0, negative or nonsense. */
export function isoFromEpoch(value: unknown): string | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  const ms = n < 1e11 ? n * 1000 : n;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999 ? undefined : d.toISOString();
}

/**
 * An adapter for the common case: a `{ code, data }` envelope around one key object (or a list),
 * whose permissions are one comma-separated string of names and whose IPs are another.
 * `finish` reads what is particular to the exchange (account, expiry, key type).
 */
export function commaListAdapter(spec: {
  id: string;
  name: string;
  endpoint: string;
  ok: (code: unknown) => boolean;
  flags: readonly FlagSpec[];
  permissionField: string;
  ipField: string;
  labelField: string;
  idField: string;
  looksLikeKey: (o: Json) => boolean;
  finish?: (key: Json, profile: KeyProfile) => void;
}): KeyAdapter {
  const known = new Set(spec.flags.map(([n]) => n));
  return {
    id: spec.id,
    endpoints: [spec.endpoint],
    implied: [],
    extract(value) {
      const u = unwrap(value, { ok: spec.ok, name: spec.name });
      if (u && 'error' in u) return u;
      const keys = listOf(u ? u.inner : value, spec.looksLikeKey);
      return keys ? { keys } : null;
    },
    describe: (key, i) => describeWith(str(key[spec.labelField]), key[spec.idField], i),
    toProfile(key) {
      const perms = splitList(str(key[spec.permissionField]) ?? '');
      const flags = flagsFrom(spec.flags, (n) => perms.includes(n));
      const p = emptyProfile(spec.id, 'metadata', spec.endpoint);
      p.flags = flags;
      p.capabilities = capabilitiesOf(flags);
      p.unknownFlags = perms.filter((x) => !known.has(x));
      const ips = key[spec.ipField];
      p.ip = typeof ips === 'string' ? bindingOf(splitList(ips)) : { binding: 'unknown', restricted: 'unknown' };
      p.label = str(key[spec.labelField]) || null;
      spec.finish?.(key, p);
      return p;
    },
  };
}
