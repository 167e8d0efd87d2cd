/**
 * Finds secrets in pasted key metadata, so the checker can warn and keep them out of every
 * output. A secret is a non-empty value of a field named like a secret, passphrase, password
 * or private key, a PEM private key anywhere, or a long random-looking token where an IP list
 * or a key's description was expected. Pure.
 */

/** Field names that hold secrets. "rsaPublicKey" and "apiKey" do not match. */
const SECRET_FIELD = /secret|passphrase|pass_phrase|password|passwd|private|mnemonic|seed/i;
const PEM_PRIVATE = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;
/** Long tokens of letters and digits (hex, base64, base64url), with both letters and digits. */
const TOKEN = /^[A-Za-z0-9+/=_-]{24,}$/;
const TOKEN_SEPARATORS = /[\s,;"'`[\]{}:()<>|*]+/;
/** Fields that identify a key or an account: long random-looking values there are expected. */
const IDENTIFIER_FIELD = /(key|id|uid)$/i;

/** Shorter values are not redacted from fixed text (they would mangle it) but are never echoed. */
export const MIN_REDACTED = 4;

export interface SecretHit {
  /** Where the secret was found, e.g. "data.secret_key" or "ips". */
  path: string;
  value: string;
}

export function looksLikeToken(value: string): boolean {
  return value.length >= 24 && TOKEN.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** Secrets in a parsed JSON value. */
export function findSecrets(value: unknown, path = ''): SecretHit[] {
  const hits: SecretHit[] = [];
  const walk = (v: unknown, p: string, field: string) => {
    if (typeof v === 'string') {
      if (v.trim() !== '' && SECRET_FIELD.test(field) && !/public/i.test(field)) hits.push({ path: p, value: v });
      else if (IDENTIFIER_FIELD.test(field)) for (const m of v.matchAll(PEM_PRIVATE)) hits.push({ path: p, value: m[0] });
      else hits.push(...findSecretsInText(v, p));
      return;
    }
    if (typeof v === 'number' && SECRET_FIELD.test(field) && !/public/i.test(field)) {
      hits.push({ path: p, value: String(v) });
      return;
    }
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${p}[${i}]`, field));
    else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) walk(item, p ? `${p}.${k}` : k, k);
    }
  };
  walk(value, path, '');
  return hits;
}

/** Secrets in free text (an IP list, or metadata that is not JSON): PEM blocks and long tokens. */
export function findSecretsInText(text: string, path: string): SecretHit[] {
  const hits: SecretHit[] = [];
  if (text.length < 24) return hits; // shorter than a token, and than a PEM block
  if (text.includes('-----BEGIN ')) for (const m of text.matchAll(PEM_PRIVATE)) hits.push({ path, value: m[0] });
  for (const token of text.split(TOKEN_SEPARATORS)) if (looksLikeToken(token)) hits.push({ path, value: token });
  return hits;
}

/** Whether text holds one of these secrets as one of its tokens (as findSecretsInText splits it). */
export function holdsSecret(text: string, secrets: ReadonlySet<string>): boolean {
  return text.split(TOKEN_SEPARATORS).some((t) => secrets.has(t));
}

const REDACTED = '[redacted]';
/** The shortest piece of a secret that is redacted on its own. */
const PIECE = 12;

/**
 * A deep copy of `value` in which every string has every secret replaced by "[redacted]", and every
 * piece of one too (a message may cut a value short): each run of PIECE characters or more of a
 * secret, a shorter secret whole. Runs that touch or overlap become one "[redacted]". Object keys,
 * and the values of the fields in `keep`, are the caller's own words and stay as they are.
 * The secrets' runs of PIECE characters (a shorter secret: itself) are put in one set, and each
 * string is read once, window by window: time grows with the sizes, not with their product.
 */
export function redact<T>(value: T, secrets: readonly string[], keep: ReadonlySet<string> = new Set()): T {
  const list = [...new Set(secrets)].filter((s) => s.length >= MIN_REDACTED);
  if (list.length === 0) return value;
  const runs = new Set<string>();
  const lengths = new Set<number>();
  for (const secret of list) {
    const n = Math.min(PIECE, secret.length);
    lengths.add(n);
    for (let i = 0; i + n <= secret.length; i++) runs.add(secret.slice(i, i + n));
  }
  const clean = (s: string) => {
    let marked: Uint8Array | undefined;
    for (const n of lengths) {
      for (let i = 0; i + n <= s.length; i++) if (runs.has(s.slice(i, i + n))) (marked ??= new Uint8Array(s.length)).fill(1, i, i + n);
    }
    if (!marked) return s;
    let out = '';
    for (let i = 0; i < s.length;) {
      const start = i;
      const secret = marked[i];
      while (i < s.length && marked[i] === secret) i++;
      out += secret ? REDACTED : s.slice(start, i);
    }
    return out;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, keep.has(k) ? item : walk(item)]));
    return v;
  };
  return walk(value) as T;
}
