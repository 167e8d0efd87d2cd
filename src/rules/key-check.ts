/**
 * The API-key checker: is this key safe and sufficient for the mode the user chose? Reads the
 * exchange's key metadata (or the boxes ticked on the form) into a normalized profile, then
 * applies the rules below; IP lists go through the IP-whitelist rules. Secrets found in the
 * input are reported and redacted from every output. Pure: callers pass the facts.
 */
import type { Capability, Exchange } from '../data/schema.ts';
import { checkIps, ipFactsAmong, ipFactsOf, ipRules, type ExchangeIpFacts } from './ip-check.ts';
import { splitEntries } from './ip-parse.ts';
import { applyBoxes, boxLabel, emptyProfile, profileFromForm, type KeyFlag, type KeyProfile, type PermissionBox } from './profile.ts';
import { quote, sortFindings, verdictOf, type Finding, type Report, type RuleDoc } from './report.ts';
import { findSecrets, findSecretsInText, redact, type SecretHit } from './secrets.ts';
import { adapters } from './adapters/index.ts';
import { continueWith, exchangeName, listOf } from './sentence.ts';
import type { Json } from './adapters/common.ts';

export const modes = ['read-trade', 'read-write'] as const;
export type Mode = (typeof modes)[number];
export const modeLabel: Record<Mode, string> = {
  'read-trade': 'Read + Trade (you move funds yourself)',
  'read-write': 'Read-Write (automatic rebalancing)',
};

export const KEY_CHECKER_PATH = '/tools/api-key-checker/';
export const WHITELIST_GUIDE_PATH = '/setup/on-crypto-exchanges/whitelist-address/';
export const LOOP_CHECKER = '/tools/address-loop-checker/';

/** The facts the key checker needs about one exchange. */
export interface ExchangeKeyFacts extends ExchangeIpFacts {
  /** Whether withdrawals are possible from sub-account keys; undefined when unknown. */
  subAccountCanWithdraw?: boolean;
  /** The boxes on the exchange's key form, in its own labels; absent when not researched. */
  permissions?: PermissionBox[];
}

/**
 * Projects an exchange's data file onto the facts the key checker uses; with every exchange
 * (`all`), an undocumented IP limit is judged against the smallest documented one.
 */
export function keyFactsOf(exchange: Exchange, all?: readonly Exchange[]): ExchangeKeyFacts {
  const key = exchange.key;
  const boxes = key && key.permissions.value !== 'unknown' ? key.permissions.value : undefined;
  const sub = key?.subAccountCanWithdraw.value;
  return {
    ...(all ? ipFactsAmong(exchange, all) : ipFactsOf(exchange)),
    ...(typeof sub === 'boolean' ? { subAccountCanWithdraw: sub } : {}),
    ...(boxes ? { permissions: boxes.map((b) => ({
      label: b.label, capabilities: [...b.capabilities], readTrade: b.readTrade, readWrite: b.readWrite, explanation: b.explanation,
      ...(b.group ? { group: b.group } : {}), ...(b.apiName ? { apiName: b.apiName } : {}), ...(b.whenOn ? { whenOn: b.whenOn } : {}),
    })) } : {}),
  };
}

export interface KeyCheckContext {
  servers: Parameters<typeof checkIps>[1]['servers'];
  exchange: ExchangeKeyFacts;
  site: string;
}

export interface KeyCheckOptions {
  mode: Mode;
  /** The key's IP list as the user pasted it, for exchanges whose metadata hides it. */
  ips?: string;
  addressWhitelistConfirmed?: boolean;
  /** Where secrets were that the widget has already taken out of the input: the key stays exposed. */
  removedSecrets?: string[];
}

export interface KeyReport extends Report {
  exchange: string;
  mode: Mode;
  profile: KeyProfile;
}

/** Why an input could not be checked; `choices` when the response lists several keys. */
export interface KeyInputError {
  error: string;
  choices?: string[];
}

export type KeyCheckResult = { ok: true; report: KeyReport } | ({ ok: false } & KeyInputError);

export const keyRules: RuleDoc[] = [
  { id: 'secret-pasted', severity: 'error', title: 'A secret was pasted',
    explanation: 'The input contained a secret key, a passphrase, a private key or a value that looks like one. The checker never needs it, never shows it and leaves it out of every report, but a secret that has been pasted somewhere may have been seen or stored on the way: treat this key as exposed: delete it on the exchange and create a new one. Paste only the metadata response, never the key’s secret.' },
  { id: 'no-ip-binding', severity: 'error', title: 'The key is not bound to any IP address',
    explanation: 'A key without an IP binding can be used from any computer by anyone who obtains it and its secret. Most exchanges also limit such keys: they expire after a number of days, lapse when unused, or lose their trading permission. Bind the key to XAPY’s servers.' },
  { id: 'ip-list-not-checked', severity: 'warning', title: 'The exchange does not show the IP list',
    explanation: 'Some exchanges report only that a key is bound to IP addresses (Binance) or show the addresses partly hidden (KuCoin, e.g. “203.**.154”). The checker cannot compare such a list with XAPY’s servers. Paste the addresses from the exchange’s key page into the IP field to have them checked.' },
  { id: 'ip-list-mismatch', severity: 'warning', title: 'The pasted IPs do not match what the exchange shows',
    explanation: 'The addresses you pasted do not fit the partly hidden list the exchange reports for this key, so they are probably not the ones on the key. Copy them again from the key’s page on the exchange.' },
  { id: 'key-expired', severity: 'error', title: 'The key has expired',
    explanation: 'The exchange reports that this key no longer works. Create a new key, bound to XAPY’s servers so that it does not expire again.' },
  { id: 'key-expires', severity: 'warning', title: 'The key, or one of its permissions, will expire',
    explanation: 'The exchange has set a date after which the key stops working (Bybit and CoinEx, for keys without an IP binding; HTX counts days of validity) or a permission is switched off (Binance switches off spot and margin trading on keys without trusted IPs). Binding the key to XAPY’s servers removes the limit on these exchanges.' },
  { id: 'permissions-not-reported', severity: 'warning', title: 'The response does not list the key’s permissions',
    explanation: 'Gate’s account detail shows the key’s IP list but not its permissions. Paste the key’s entry from GET /api/v4/account/main_keys instead, or tick the boxes in the form, so that the permissions can be checked.' },
  { id: 'missing-read', severity: 'error', title: 'The key cannot read the account',
    explanation: 'XAPY reads balances, positions and orders before it places any order. Without the read permission it cannot work.' },
  { id: 'read-only-key', severity: 'error', title: 'The key is read-only',
    explanation: 'A read-only key lets XAPY see the account but not trade. Both modes need futures trading.' },
  { id: 'missing-futures-trade', severity: 'error', title: 'The key cannot trade futures',
    explanation: 'XAPY trades perpetual futures. On exchanges with a separate futures permission (Binance, Bybit, KuCoin, Bitget, Gate) it must be switched on. On Binance, a key created before the futures account was opened cannot trade futures at all: create a new key.' },
  { id: 'withdraw-enabled', severity: 'error', title: 'Withdrawals are on, but the mode is Read + Trade',
    explanation: 'In Read + Trade mode you move funds yourself, so the key must not be able to withdraw. A key that can withdraw is far more valuable to a thief than the mode needs. Switch withdrawals off, or choose Read-Write if you want automatic rebalancing.' },
  { id: 'own-transfer-enabled', severity: 'warning', title: 'Transfers are on, but the mode is Read + Trade',
    explanation: 'Read + Trade mode does not move funds between your accounts. Where the exchange lets you switch transfers off separately, do so: the key then cannot move funds at all.' },
  { id: 'missing-transfer', severity: 'error', title: 'Read-Write mode needs transfers between your accounts',
    explanation: 'Automatic rebalancing moves funds between the exchange’s accounts (for example funding and futures) before it withdraws or after it receives. Without this permission rebalancing stops halfway.' },
  { id: 'missing-withdraw', severity: 'error', title: 'Read-Write mode needs withdrawals',
    explanation: 'Automatic rebalancing sends funds from one exchange to another, which is a withdrawal. Several exchanges allow withdrawals only from the main account’s keys, not from sub-account keys.' },
  { id: 'address-whitelist-unconfirmed', severity: 'warning', title: 'The address whitelist is not confirmed',
    explanation: 'A key that can withdraw must only be able to send funds to your own addresses on your other exchanges. Set up the exchange’s withdrawal address whitelist with those addresses, following the whitelist guide, check that the whitelists form a closed loop with the withdrawal loop checker, and confirm it here.' },
  { id: 'unneeded-permission', severity: 'warning', title: 'A permission XAPY never uses is on',
    explanation: 'XAPY trades perpetual futures and, in Read-Write mode, moves funds between your accounts and exchanges. Spot, margin, options, earn, P2P, copy trading, sub-account transfers and the like are never used. Each extra permission is one more thing a stolen key could do: untick it.' },
  { id: 'bundled-permission', severity: 'info', title: 'A permission XAPY needs also allows more',
    explanation: 'Some exchanges bundle several abilities into one permission (OKX’s and HTX’s Trade covers every market and transfers; CoinEx’s Trade too). These cannot be switched off without losing what XAPY needs, so they are only noted.' },
  { id: 'unknown-permission', severity: 'warning', title: 'A permission this checker does not know is on',
    explanation: 'Exchanges add permissions over time. The response has a permission-like flag switched on that the checker does not recognise, so it cannot tell whether XAPY needs it. Look it up on the exchange’s key page and switch it off unless you know it is needed.' },
];

const docsOf = (ctx: KeyCheckContext, id: string) => `${ctx.site}${KEY_CHECKER_PATH}#${id}`;

/** What each mode needs. Read-Write rebalances: it also transfers and withdraws. */
export function neededFor(mode: Mode): Capability[] {
  return mode === 'read-trade' ? ['read', 'futures-trade'] : ['read', 'futures-trade', 'own-transfer', 'withdraw'];
}

/** What a capability allows, as the object of "allows …". */
const capPhrase: Record<Capability, string> = {
  read: 'reading the account', 'futures-trade': 'futures trading', 'spot-trade': 'spot trading', margin: 'margin trading and borrowing',
  options: 'options trading', 'own-transfer': 'transfers between your own accounts', 'sub-account-transfer': 'transfers to and from sub-accounts',
  withdraw: 'withdrawals', earn: 'Earn products', p2p: 'P2P and fiat trading', 'copy-trading': 'copy trading',
  'sub-account-management': 'managing sub-accounts', other: 'other exchange features',
};
const capText = (caps: readonly Capability[]) => listOf(caps.map((c) => capPhrase[c]));
/** A box's explanation continuing a sentence: "Lets the key …" → "it lets the key …". */
const because = (explanation: string) => {
  const rest = continueWith(explanation).replace(/\.$/, '');
  return /^(lets|allows|gives|makes) /.test(rest) ? `it ${rest}` : rest;
};

/** The rules, applied to a profile. `secrets` are the secrets found in the input (reported, never shown). */
export function checkProfile(profile: KeyProfile, opts: KeyCheckOptions, ctx: KeyCheckContext, secrets: readonly SecretHit[] = []): KeyReport {
  const ex = ctx.exchange;
  const findings: Finding[] = [];
  const add = (id: string, severity: Finding['severity'], message: string, fix?: string) =>
    findings.push({ id, severity, message, ...(fix ? { fix } : {}), docs: docsOf(ctx, id) });
  const servers = ctx.servers.servers.map((s) => s.address);
  const ipCtx = { servers: ctx.servers, exchange: ex, site: ctx.site };
  let ipsChecked = false;

  if (secrets.length > 0) findings.push(secretFinding(secrets, ctx));

  // IP binding.
  const ip = profile.ip;
  const pasted = opts.ips?.trim() ? opts.ips : undefined;
  if (ip.binding === 'none') {
    // A limit that only touches spot and margin trading (Binance) says nothing about a futures key.
    const touches = ex.withoutIp && (ex.withoutIpEffect !== 'trading-disabled' || profile.capabilities['spot-trade'] === true);
    add('no-ip-binding', 'error', `The key accepts requests from any IP address.${touches ? ` On ${ex.name}: ${ex.withoutIp}` : ''}`,
      `Bind the key to XAPY’s servers: ${servers.join(', ')}.`);
  } else if (ip.binding === 'list') {
    findings.push(...ipFindings(ip.ips.join('\n'), ipCtx));
    ipsChecked = true;
  } else if (pasted) {
    findings.push(...ipFindings(pasted, ipCtx));
    ipsChecked = true;
    if (ip.binding === 'masked' && !fitsMasked(ip.shown, splitEntries(pasted))) {
      add('ip-list-mismatch', 'warning', `The pasted addresses do not fit the list ${ex.name} shows for this key (${ip.shown.join(', ')}).`,
        'Copy the addresses again from the key’s page on the exchange.');
    }
  } else {
    const how = ip.binding === 'masked'
      ? `${ex.name} shows the key’s IP list only partly (${ip.shown.slice(0, 5).join(', ')}), so it cannot be compared with XAPY’s servers.`
      : ip.restricted === true
        ? `${ex.name} reports that the key is bound to IP addresses but not which ones.`
        : 'The response does not say whether the key is bound to IP addresses.';
    add('ip-list-not-checked', 'warning', how, 'Paste the addresses from the key’s page on the exchange into the IP field (“ips” in the API).');
  }

  // Expiry.
  const exp = profile.expiry;
  if (exp?.expired) {
    add('key-expired', 'error', `${ex.name} reports that this key has expired${exp.at ? ` (${exp.at.slice(0, 10)})` : ''}.`, 'Create a new key bound to XAPY’s servers.');
  } else if (exp && (exp.at || exp.daysLeft !== undefined)) {
    const when = [exp.at ? `on ${exp.at.slice(0, 10)}` : '', exp.daysLeft !== undefined ? `(${exp.daysLeft} day${exp.daysLeft === 1 ? '' : 's'} left)` : ''].filter(Boolean).join(' ');
    add('key-expires', 'warning',
      exp.what === 'trading-permission'
        ? `${ex.name} will switch off the key’s spot and margin trading permission ${when}, because no trusted IP is set.`
        : `${ex.name} will disable this key ${when}.`,
      ip.binding === 'none' ? 'Bind the key to XAPY’s servers; the limit then no longer applies.' : 'Renew or replace the key before then.');
  }

  // Permissions: each box the data describes is judged by its own rule for this mode (the guide's
  // table); flags the data does not describe, by what they allow.
  const caps = profile.capabilities;
  const needed = neededFor(opts.mode);
  if (Object.values(caps).every((c) => c === 'unknown')) {
    add('permissions-not-reported', 'warning', `The ${profile.endpoint ?? 'pasted'} response does not list the key’s permissions, so they cannot be checked.`,
      ex.id === 'gate' ? 'Paste the key’s entry from GET /api/v4/account/main_keys, or tick the boxes in the form.' : 'Tick the boxes in the form instead.');
  } else {
    const boxes = ex.permissions ?? [];
    const ruleOf = (b: PermissionBox) => (opts.mode === 'read-trade' ? b.readTrade : b.readWrite);
    const boxOf = (f: KeyFlag) => boxes.find((b) => b.label === f.label || boxLabel(b) === f.label);
    const judged = profile.flags.map((flag) => ({ flag, box: boxOf(flag) }));
    /** A flag counts toward what the mode needs when the data asks for it, or when the data does not describe it. */
    const counts = ({ flag, box }: { flag: KeyFlag; box?: PermissionBox }) => flag.on && (!box || !ruleOf(box) || ruleOf(box) === 'tick');
    const writes = profile.flags.some((f) => f.on && f.capabilities.some((c) => c !== 'read'));

    // What the mode needs, one finding per missing need: the guide's Tick boxes that are off, or,
    // where the response does not show those boxes, the capability itself.
    const missed = new Set<string>();
    // Reading last: on Gate the futures box is what reads, and a missing box is reported once.
    for (const cap of [...needed.filter((c) => c !== 'read'), 'read' as const]) {
      const tickBoxes = boxes.filter((b) => ruleOf(b) === 'tick' && primaryNeed(b.capabilities, needed) === cap);
      const shown = judged.filter((j) => j.box && tickBoxes.includes(j.box));
      const off = [...new Set(shown.filter((j) => !j.flag.on).map((j) => j.flag.label))];
      let missing: string[] | null = null;
      if (shown.length > 0) {
        if (off.length > 0) missing = off;
      } else if (caps[cap] !== 'unknown' && !judged.some((j) => counts(j) && j.flag.capabilities.includes(cap))) {
        const granting = boxes.filter((b) => ruleOf(b) === 'tick' && b.capabilities.includes(cap)).map(boxLabel);
        // One mistake, one finding: a box already reported as off is not reported again for what else it allows.
        if (granting.length > 0 && granting.every((g) => missed.has(g))) continue;
        missing = granting;
      }
      if (!missing) continue;
      for (const m of missing) missed.add(m);
      const names = missing.map((m) => `“${m}”`);
      const why = missing.length === 1 ? boxes.find((b) => boxLabel(b) === missing![0] || b.label === missing![0])?.explanation : undefined;
      const fix = names.length ? `Tick ${listOf(names)}${why ? `: ${because(why)}.` : '.'}` : `Switch on the permission that allows ${capPhrase[cap]}.`;
      const offText = '';
      if (cap === 'read') add('missing-read', 'error', `The key cannot read the account. ${offText}`.trim(), fix);
      else if (cap === 'futures-trade') {
        if (!writes && caps.read === true) add('read-only-key', 'error', `The key is read-only: XAPY could see the account but not trade. ${offText}`.trim(), fix);
        else add('missing-futures-trade', 'error', `The key cannot trade futures. ${offText}`.trim(), fix);
      } else if (cap === 'own-transfer') {
        add('missing-transfer', 'error', `The key cannot transfer between your accounts, so automatic rebalancing will not work. ${offText}`.trim(), fix);
      } else if (cap === 'withdraw') {
        const sub = profile.account === 'sub' && ex.subAccountCanWithdraw === false ? ` On ${ex.name} only main-account keys can withdraw; this is a sub-account key.` : '';
        add('missing-withdraw', 'error', `The key cannot withdraw, so automatic rebalancing will not work.${sub} ${sub ? '' : offText}`.trim(), sub ? 'Create the key on the main account.' : fix);
      }
    }
    if (opts.mode === 'read-write' && opts.addressWhitelistConfirmed !== true) {
      add('address-whitelist-unconfirmed', 'warning', 'You have not confirmed that the exchange’s withdrawal address whitelist holds your addresses on your other exchanges, and only those.',
        `Set it up as the whitelist guide explains (${ctx.site}${WHITELIST_GUIDE_PATH}), check it with the withdrawal loop checker (${ctx.site}${LOOP_CHECKER}), then confirm it.`);
    }

    const reported = new Set<string>();
    for (const { flag, box } of judged.filter((j) => j.flag.on)) {
      if (reported.has(flag.label)) continue;
      reported.add(flag.label);
      const rule = box ? ruleOf(box) : undefined;
      const extra = flag.capabilities.filter((c) => !needed.includes(c) && c !== 'read');
      if (box && rule === 'leave-off') {
        // The guide says to leave this box off: its own reason, at the severity the data gives.
        const id = opts.mode === 'read-trade' && flag.capabilities.includes('withdraw') ? 'withdraw-enabled'
          : opts.mode === 'read-trade' && flag.capabilities.includes('own-transfer') ? 'own-transfer-enabled'
          : 'unneeded-permission';
        const mode = id === 'unneeded-permission' ? 'XAPY' : 'Read + Trade mode';
        add(id, box.whenOn ?? 'warning', `“${flag.label}” is on, and ${mode} needs it off: ${box.explanation ? because(box.explanation) : `it allows ${capText(flag.capabilities)}`}.`,
          id === 'withdraw-enabled' ? `Untick “${flag.label}”, or choose Read-Write mode if you want automatic rebalancing.` : `Untick “${flag.label}”.`);
        continue;
      }
      if (box && rule === 'either') continue;
      if (extra.length === 0) continue;
      if (box || flag.capabilities.some((c) => needed.includes(c) && c !== 'read')) {
        // A box XAPY needs that also allows more.
        add('bundled-permission', 'info', `${ex.name}’s “${flag.label}” also allows ${capText(extra)}, which XAPY does not use; it cannot be switched off separately.`);
      } else if (extra.includes('withdraw') && opts.mode === 'read-trade') {
        add('withdraw-enabled', 'error', `“${flag.label}” is on: the key can withdraw funds, which Read + Trade mode never needs.`, `Untick “${flag.label}”, or choose Read-Write mode.`);
      } else if (extra.includes('own-transfer') && opts.mode === 'read-trade') {
        add('own-transfer-enabled', 'warning', `“${flag.label}” is on: it allows ${capText(extra)}, which Read + Trade mode does not need.`, `Untick “${flag.label}”.`);
      } else {
        add('unneeded-permission', 'warning', `“${flag.label}” is on: it allows ${capText(extra)}, which XAPY never uses.`, `Untick “${flag.label}”.`);
      }
    }
  }
  for (const name of profile.unknownFlags.slice(0, 20)) {
    add('unknown-permission', 'warning', `${quote(name, 80)} is on, and this checker does not know what it allows.`, 'Look it up on the exchange’s key page and switch it off unless you know XAPY needs it.');
  }

  if (!ipsChecked && ctx.servers.status === 'example') {
    const rule = ipRules.find((r) => r.id === 'example-server-list')!;
    findings.push({ id: rule.id, severity: 'info', message: 'The XAPY server list used here is an example (documentation addresses), not XAPY’s real servers.',
      fix: 'Do not put these addresses on a real key until XAPY publishes its list on this site.', docs: `${ctx.site}/tools/ip-whitelist-checker/#${rule.id}` });
  }
  const sorted = sortFindings(findings);
  return { verdict: verdictOf(sorted), findings: sorted, exchange: ex.id, mode: opts.mode, profile };
}

/** The one finding for every secret in the input: the key is exposed. */
function secretFinding(secrets: readonly SecretHit[], ctx: KeyCheckContext): Finding {
  const where = [...new Set(secrets.map((s) => s.path))].slice(0, 5).join(', ');
  return {
    id: 'secret-pasted', severity: 'error',
    message: `The input contains ${secrets.length === 1 ? 'a secret' : `${secrets.length} secrets`} (in ${where}), so treat this key as exposed: delete it on the exchange and create a new one. The secret is left out of this report.`,
    fix: 'Create the new key, bind it to XAPY’s servers, and never paste its secret, passphrase or private key anywhere but XAPY’s own form.',
    docs: docsOf(ctx, 'secret-pasted'),
  };
}

/** The report for an input that holds a secret and nothing the checker can read: the secret decides. */
function secretOnlyReport(exchange: string, mode: Mode, secrets: readonly SecretHit[], ctx: KeyCheckContext): KeyReport {
  return { verdict: 'fail', findings: [secretFinding(secrets, ctx)], exchange, mode, profile: emptyProfile(exchange, 'metadata', null) };
}

/** The IP rules' findings for the key's list; a pasted secret is reported once, by the key's own rule. */
function ipFindings(text: string, ctx: Parameters<typeof checkIps>[1]): Finding[] {
  return checkIps(text, ctx).findings.filter((f) => f.id !== 'secret-pasted');
}

/** The need a Tick box serves first, in the order the mode lists them (Gate's futures box also reads). */
function primaryNeed(caps: readonly Capability[], needed: readonly Capability[]): Capability | undefined {
  const served = needed.filter((c) => caps.includes(c));
  return served.find((c) => c !== 'read') ?? served[0];
}

/** Whether pasted addresses fit a masked list such as "203.**.154": same count, every pattern matched. */
export function fitsMasked(shown: readonly string[], pasted: readonly string[]): boolean {
  if (shown.length !== pasted.length) return false;
  const lower = pasted.map((p) => p.toLowerCase());
  return shown.every((s) => lower.some((p) => fitsMask(s.toLowerCase().split(/\*+/), p)));
}

/**
 * Whether `text` is the mask's parts with anything (or nothing) between them: the first part at
 * its start, the last at its end, each of the others found after the one before. Not a regular
 * expression: "^a.*b.*c$" from a mask with many stars backtracks in time that grows with the
 * text's length to the power of the number of stars.
 */
function fitsMask(parts: readonly string[], text: string): boolean {
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (parts.length === 1) return text === first;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** Reads pasted metadata (a JSON string or a parsed value) into the key objects it holds. */
export function readMetadata(exchange: string, metadata: unknown): { keys: Json[]; describe: (k: Json, i: number) => string } | KeyInputError {
  const adapter = adapters[exchange];
  if (!adapter) return { error: `Unknown exchange ${quote(String(exchange), 30)}. Use one of: ${Object.keys(adapters).join(', ')}.` };
  const expected = `${adapter.endpoints.join(' or ')} response (whole, or just the key object inside it)`;
  let value = metadata;
  if (typeof metadata === 'string') {
    if (metadata.trim() === '') return { error: `The metadata is empty. Paste the ${expected}.` };
    try {
      value = JSON.parse(metadata);
    } catch (e) {
      const at = /position (\d+)/.exec((e as Error).message)?.[1];
      return { error: `The metadata is not valid JSON${at ? ` (the problem is near character ${Number(at) + 1})` : ''}. Paste the ${expected} exactly as the exchange returned it.` };
    }
  }
  if (value === null || typeof value !== 'object') {
    return { error: `The metadata must be a JSON object (or a JSON array for Gate’s main_keys), not ${value === null ? 'null' : typeof value}. Paste the ${expected}.` };
  }
  const found = adapter.extract(value);
  if (found && 'error' in found) return { error: found.error };
  if (!found || found.keys.length === 0) {
    const other = Object.values(adapters).find((a) => a.id !== exchange && a.extract(value) && !('error' in a.extract(value)!));
    const hint = other ? ` It looks like a response from ${exchangeName(other.id)} (${other.endpoints[0]}): choose that exchange.` : '';
    return { error: `This is not the key metadata ${exchangeName(exchange)} returns.${hint} Expected the ${expected}.` };
  }
  return { keys: found.keys, describe: adapter.describe };
}

export interface KeyCheckRequest extends KeyCheckOptions {
  exchange: string;
  metadata: unknown;
  /** Which key to check when the response lists several (0-based). */
  keyIndex?: number;
}

/**
 * Fields of a result that hold the checker's own words, never the input: a pasted secret such as
 * "withdraw" is not redacted from them (the rule missing-withdraw keeps its id, the profile its shape).
 */
const VOCABULARY = new Set(['verdict', 'id', 'severity', 'docs', 'exchange', 'mode', 'source', 'endpoint', 'capabilities', 'binding', 'restricted', 'what', 'account']);

/** The whole check from pasted metadata: read, profile, rules, redaction. Never throws for any input. */
export function checkKeyMetadata(req: KeyCheckRequest, ctx: KeyCheckContext): KeyCheckResult {
  const secrets = [...secretsIn(req.metadata, req.ips), ...removed(req)];
  const secretValues = secrets.map((s) => s.value);
  const read = readMetadata(req.exchange, req.metadata);
  if ('error' in read) {
    // A bare secret or private key is not "invalid JSON": it is an exposed key.
    if (secrets.length > 0 && adapters[req.exchange]) return redact({ ok: true, report: secretOnlyReport(req.exchange, req.mode, secrets, ctx) }, secretValues, VOCABULARY);
    return redact({ ok: false, ...read }, secretValues, VOCABULARY);
  }
  let index = 0;
  if (read.keys.length > 1) {
    const choices = read.keys.map((k, i) => read.describe(k, i));
    if (req.keyIndex === undefined || !Number.isInteger(req.keyIndex) || req.keyIndex < 0 || req.keyIndex >= read.keys.length) {
      return redact({ ok: false, error: `The response lists ${read.keys.length} keys. Choose one (keyIndex 0 to ${read.keys.length - 1}), or paste only that key’s object.`, choices }, secretValues, VOCABULARY);
    }
    index = req.keyIndex;
  }
  const profile = applyBoxes(adapters[req.exchange]!.toProfile(read.keys[index]!), ctx.exchange.permissions);
  return redact({ ok: true, report: checkProfile(profile, req, ctx, secrets) }, secretValues, VOCABULARY);
}

export interface KeyFormRequest extends KeyCheckOptions {
  /** One entry per box of `ctx.exchange.permissions`, in order: ticked or not. */
  ticked: boolean[];
}

/**
 * The ticks of the form from box labels as a person or agent names them ("Enable Futures",
 * "Wallet: Account Transfer"; case and spacing ignored), or an error that lists the labels.
 */
export function tickedFromLabels(labels: readonly string[], facts: ExchangeKeyFacts): { ticked: boolean[] } | KeyInputError {
  const boxes = facts.permissions;
  if (!boxes) return { error: `The permission boxes of ${facts.name}’s key form are not described yet; send the key metadata instead.` };
  const norm = (t: string) => t.toLowerCase().replace(/[\s“”"]+/g, ' ').trim();
  const ticked = boxes.map(() => false);
  const unknown: string[] = [];
  for (const label of labels) {
    const n = norm(label);
    const i = boxes.findIndex((b) => norm(boxLabel(b)) === n || norm(b.group ? `${b.group} ${b.label}` : b.label) === n || norm(b.apiName ?? '') === n);
    const byLabel = i === -1 ? boxes.map((b, j) => [b, j] as const).filter(([b]) => norm(b.label) === n) : [];
    if (i !== -1) ticked[i] = true;
    else if (byLabel.length === 1) ticked[byLabel[0]![1]] = true;
    else unknown.push(label);
  }
  if (unknown.length) {
    return { error: `${listOf(unknown.slice(0, 5).map((u) => quote(u, 60)))} ${unknown.length === 1 ? 'is not a box' : 'are not boxes'} on ${facts.name}’s key form. Its boxes: ${boxes.map((b) => `“${boxLabel(b)}”`).join(', ')}.` };
  }
  return { ticked };
}

/** The check from the form: the boxes ticked on the exchange's key screen plus the IP list. */
export function checkKeyForm(req: KeyFormRequest, ctx: KeyCheckContext): KeyCheckResult {
  const boxes = ctx.exchange.permissions;
  if (!boxes) return { ok: false, error: `The permission boxes of ${ctx.exchange.name}’s key form are not described yet; paste the key metadata instead.` };
  const ips = req.ips ?? '';
  const secrets = [...findSecretsInText(ips, 'ips'), ...removed(req)];
  const profile = profileFromForm(ctx.exchange.id, boxes, req.ticked, ips, adapters[ctx.exchange.id]?.implied ?? []);
  // The IP list is the key's list on this path, so it is checked as such, never as a supplement.
  return redact({ ok: true, report: checkProfile(profile, { ...req, ips: undefined }, ctx, secrets) }, secrets.map((s) => s.value), VOCABULARY);
}

const removed = (opts: KeyCheckOptions): SecretHit[] => (opts.removedSecrets ?? []).map((path) => ({ path, value: '' }));

/** Secrets anywhere in the input: the metadata (parsed or as text) and the pasted IP list. */
export function secretsIn(metadata: unknown, ips?: string): SecretHit[] {
  const hits: SecretHit[] = [];
  if (typeof metadata === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(metadata);
    } catch {
      hits.push(...findSecretsInText(metadata, 'metadata'));
    }
    if (parsed !== undefined) hits.push(...findSecrets(parsed, 'metadata'));
  } else hits.push(...findSecrets(metadata, 'metadata'));
  if (typeof ips === 'string') hits.push(...findSecretsInText(ips, 'ips'));
  return hits;
}

export type { KeyFlag, KeyProfile };
