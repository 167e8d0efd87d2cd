/**
 * Facts in words, for the tables on the pages and their Markdown twins (one wording for both).
 */
import type { ApiLimit, Exchange, Fact, Network } from './schema.ts';
import { loopAssets } from './assets.ts';

type LoopAsset = (typeof loopAssets)[number];

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

/** The key facts of one exchange (key creation, not IP binding), labelled and worded. Empty until the data has them. */
export function keyFactRows(ex: Exchange): FactRow[] {
  const k = ex.key;
  if (!k) return [];
  return [
    { key: 'webPath', label: 'Where keys are created (web)', text: withStatus(k.webPath, (v) => v), fact: k.webPath },
    { key: 'appPath', label: 'Where keys are created (app)', text: withStatus(k.appPath, (v) => v), fact: k.appPath },
    { key: 'keyTypes', label: 'Key types', text: withStatus(k.keyTypes, (v) => v.options.map((o) => (o.id === v.recommended ? `${o.label} (use this)` : o.label)).join(', ')), fact: k.keyTypes },
    { key: 'passphrase', label: 'Passphrase', text: withStatus(k.passphrase, (v) => (v ? 'yes: you choose it when you create the key' : 'no')), fact: k.passphrase },
    { key: 'metadataEndpoint', label: 'Endpoint that reports a key’s permissions', text: withStatus(k.metadataEndpoint, (v) => (v ? `${v.method} ${v.path}` : 'none')), fact: k.metadataEndpoint },
    { key: 'subAccountCanWithdraw', label: 'Sub-account keys can withdraw', text: withStatus(k.subAccountCanWithdraw, yesNo), fact: k.subAccountCanWithdraw },
  ];
}

/** Every fact of an exchange in facts-box order: key facts, then IP facts. */
export const allFactRows = (ex: Exchange): FactRow[] => [...keyFactRows(ex), ...ipFactRows(ex)];

export type Level = 'readTrade' | 'readWrite';
export const levels: { id: Level; label: string }[] = [
  { id: 'readTrade', label: 'Read + Trade' },
  { id: 'readWrite', label: 'Read-Write' },
];

export const tickText = { tick: 'Tick', 'leave-off': 'Leave off', either: 'Either (XAPY does not use it)' } as const;

/** The boxes of an exchange's key form with what to do at one level; needed ones first. */
export function permissionRows(ex: Exchange, level: Level) {
  const list = ex.key?.permissions.value;
  if (!list || list === 'unknown') return [];
  const order = { tick: 0, either: 1, 'leave-off': 2 } as const;
  return list
    .map((p, i) => ({ ...p, rule: p[level], ruleText: tickText[p[level]], i }))
    .sort((a, b) => order[a.rule] - order[b.rule] || a.i - b.i);
}

/** A guide's URL for an exchange. */
export const guidePath = (id: string) => `/integration/exchanges/${id}/`;

/** A stable anchor for an error code, e.g. "okx-50110", "gate-ip-forbidden". */
export const errorAnchor = (exchange: string, code: string) =>
  `${exchange}-${code.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

export const errorKindLabel = {
  ip: 'IP not whitelisted',
  permission: 'missing permission',
  'invalid-key': 'invalid key',
  'expired-key': 'expired key',
  signature: 'signature',
  passphrase: 'passphrase',
  'futures-account': 'futures account',
  other: 'other',
} as const;

/** The comparison table of all exchanges: one header, one row of worded facts per exchange. */
export function overviewRows(list: Exchange[]) {
  const header = ['Exchange', 'Passphrase', 'IP addresses per key', 'Without an IP binding', 'Sub-account keys can withdraw', 'Reports its own permissions'];
  const rows = list.map((ex) => {
    const key = Object.fromEntries(keyFactRows(ex).map((r) => [r.key, r.text]));
    const ip = Object.fromEntries(ipFactRows(ex).map((r) => [r.key, r.text]));
    return {
      id: ex.id,
      name: ex.name,
      guide: guidePath(ex.id),
      cells: [
        key.passphrase === undefined ? NOT_DOCUMENTED : key.passphrase.startsWith('yes') ? 'yes' : key.passphrase,
        ip.maxPerKey!,
        withoutIpShort(ex),
        key.subAccountCanWithdraw ?? NOT_DOCUMENTED,
        key.metadataEndpoint === undefined ? NOT_DOCUMENTED : key.metadataEndpoint === 'none' ? 'no' : `yes: ${key.metadataEndpoint}`,
      ],
    };
  });
  return { header, rows };
}

/** One worded fact by its key (e.g. "webPath", "maxPerKey", "apiLimitedToWhitelist"), for inline use in a guide. */
export function factText(ex: Exchange, key: string): string {
  const rows = [...allFactRows(ex), ...withdrawalFactRows(ex, [])];
  const row = rows.find((r) => r.key === key);
  if (!row) throw new Error(`No fact "${key}" for ${ex.id}; known: ${rows.map((r) => r.key).join(', ')}`);
  return row.text;
}

/** The exchange's whitelist-only switch by name, or a description when its name is not documented. */
function switchName(ex: Exchange): string {
  const v = ex.withdrawal?.whitelistOnlySwitch.value;
  return v && v !== 'unknown' ? `“${v.label}”` : 'its whitelist-only setting';
}

/** How far an exchange keeps API withdrawals to the whitelist; `unknown` when it does not say. */
export function apiLimitOf(ex: Exchange): ApiLimit | 'unknown' {
  return ex.withdrawal?.apiLimitedToWhitelist.value ?? 'unknown';
}

/** Safest first: the order in which exchanges protect a Read-Write key from sending funds elsewhere. */
export const apiLimitRank: Record<ApiLimit | 'unknown', number> = { always: 0, 'when-switch-on': 1, unknown: 2, no: 3 };

/** The least protective value among the exchanges: what a sentence about all of them may promise. */
export const weakestApiLimit = (list: Exchange[]): ApiLimit | 'unknown' =>
  list.map(apiLimitOf).reduce((a, b) => (apiLimitRank[b] > apiLimitRank[a] ? b : a), 'always' as ApiLimit | 'unknown');

/** Whether API withdrawals follow the whitelist, in a short phrase (tables). */
export function apiLimitText(ex: Exchange): string {
  const limit = apiLimitOf(ex);
  const f = ex.withdrawal?.apiLimitedToWhitelist;
  const base = {
    always: 'yes, always',
    'when-switch-on': `only while ${switchName(ex)} is on`,
    no: 'no: a key can send funds anywhere',
    unknown: NOT_DOCUMENTED,
  }[limit];
  return f?.disputed && limit !== 'unknown' ? `${base} (sources disagree)` : base;
}

/**
 * Where a Read-Write key on this exchange can send funds, and what to do about it, in sentences:
 * the one wording the guide's steps and any page about this exchange use.
 */
export function apiLimitSentence(ex: Exchange): string {
  const n = ex.name;
  switch (apiLimitOf(ex)) {
    case 'always':
      return `${n} lets a key withdraw only to addresses you have approved on ${n} (the withdrawal facts below say how), whatever your other settings.`;
    case 'when-switch-on':
      return `${n} keeps a key’s withdrawals to your whitelist only while ${switchName(ex)} is on; with it off, a key that may withdraw can send funds to any address. Switch it on before you give the key withdrawal permission, and leave it on.`;
    case 'no':
      return `${n} does not keep a key’s withdrawals to your whitelist: a key that may withdraw can send funds to any address. Use Read + Trade on ${n} and move funds there by hand.`;
    default:
      return `${n} does not say whether a key’s withdrawals follow your whitelist, so treat a key that may withdraw as able to send funds to any address. Use Read + Trade on ${n} unless ${n}’s support confirms that API withdrawals follow the whitelist.`;
  }
}

/** The key-creation steps of a guide, in the order the exchange's form works (an ordered list on the page and in Markdown). */
export function keySteps(ex: Exchange): string[] {
  const k = ex.key;
  if (!k) return [];
  const known = <T>(f: Fact<T> | undefined) => (f === undefined || f.value === 'unknown' ? undefined : (f.value as T));
  const web = known(k.webPath);
  const app = known(k.appPath);
  const types = known(k.keyTypes);
  const phrase = known(k.passphrase);
  const ipLabel = known(ex.ip.formLabel);
  /** "“A” under G, “B” and “C”": each box by its label, with its group where the form has one. */
  const quoted = (rows: { label: string; group?: string }[]) => {
    const names = rows.map((p) => (p.group ? `“${p.label}” under ${p.group}` : `“${p.label}”`));
    return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  };
  const ticked = (level: Level) => permissionRows(ex, level).filter((p) => p.rule === 'tick');
  const readTrade = ticked('readTrade');
  const extra = ticked('readWrite').filter((b) => !readTrade.some((r) => r.label === b.label && r.group === b.group));
  const withdrawBox = ticked('readWrite').find((p) => p.capabilities.includes('withdraw'));
  const futuresFirst = ex.pitfalls.find((p) => /open-futures/.test(p.id));
  const recommended = types?.options.find((o) => o.id === types.recommended);
  const n = ex.name;
  return [
    `Before you start: turn on two-factor authentication for your ${n} account, and open your ${n} futures account if you have not yet, since XAPY trades perpetual futures.${futuresFirst ? ` ${futuresFirst.text}` : ''}${phrase ? ` Think of a new passphrase for the key: ${n} asks for it on the key form, XAPY needs it with the key, and ${n} cannot show it again or recover it.` : ''}`,
    `Open the API management page: ${web ?? 'its location is not documented; look for “API” in your account menu'}${app ? ` (in the app: ${app})` : ''}.`,
    `${recommended && types!.options.length > 1 ? `Create a new key of the type “${recommended.label}”. ${types!.why}` : 'Create a new key.'} Name it so you can recognise it later, for example “XAPY”, and use it only for XAPY.${phrase ? ' Enter the passphrase you chose.' : ''}`,
    `Bind the key to XAPY’s servers before you tick any box: ${ipLabel ? `choose “${ipLabel}” and enter` : 'in the key’s IP restriction, enter'} XAPY’s server addresses, and only those, as the next section shows them.${withdrawBox && known(ex.ip.withdrawRequiresIp) === true ? ` ${n} lets you tick “${withdrawBox.label}” only on a key bound to IP addresses.` : ''}`,
    `For Read + Trade, tick ${quoted(readTrade) || 'the boxes marked “Tick” in the table above'}. Leave every other box off.`,
    ...(extra.length ? [`For Read-Write, also tick ${quoted(extra)}, once your withdrawal whitelist is in place. ${apiLimitSentence(ex)}`] : []),
    `Confirm with your two-factor code. ${n} then shows the API key and its secret: copy both now, as the secret is usually shown only once.`,
    `In XAPY, open Settings → API keys, choose ${n}, and enter ${phrase ? 'the API key, the secret and the passphrase' : 'the API key and the secret'}. XAPY asks for your XAPY two-factor code to save them.`,
  ];
}

/** The withdrawal-whitelist facts of one exchange, labelled and worded. Empty until the data has them. */
export function withdrawalFactRows(ex: Exchange, networks: readonly Network[]): FactRow[] {
  const w = ex.withdrawal;
  if (!w) return [];
  const name = (id: string) => networks.find((n) => n.id === id)?.name ?? id;
  const list = (ids: string[]) => (ids.length ? ids.map(name).join(', ') : 'none');
  return [
    { key: 'addressBookPath', label: 'Where the address book is', text: withStatus(w.addressBookPath, (v) => v), fact: w.addressBookPath },
    { key: 'whitelistOnlySwitch', label: 'Whitelist-only switch', text: withStatus(w.whitelistOnlySwitch, (v) => (v ? `“${v.label}”` : 'none')), fact: w.whitelistOnlySwitch },
    { key: 'apiLimitedToWhitelist', label: 'API withdrawals limited to the whitelist', text: apiLimitText(ex), fact: w.apiLimitedToWhitelist },
    { key: 'separateApiWhitelist', label: 'Separate whitelist for API keys', text: withStatus(w.separateApiWhitelist, yesNo), fact: w.separateApiWhitelist },
    { key: 'newAddressDelay', label: 'Delay before a new address can be used', text: withStatus(w.newAddressDelay, (v) => v.summary), fact: w.newAddressDelay },
    {
      key: 'networks',
      label: 'Networks for USDT and USDC',
      text: withStatus(w.networks, (v) => loopAssets.map((a) => `${a}: deposits on ${list(v[a].deposit)}; withdrawals on ${list(v[a].withdraw)}`).join('. ')),
      fact: w.networks,
    },
  ];
}

export type NetworkCell = 'both' | 'deposit only' | 'withdraw only' | 'no';

/**
 * For one asset, which networks the exchanges that document them support for deposits and
 * withdrawals: one row per network that at least one of them supports, one cell per exchange.
 * A path works on a network where the sender says "both" or "withdraw only" and the receiver
 * "both" or "deposit only". Exchanges without a documented list are named apart.
 */
export function networkSupportView(list: Exchange[], networks: readonly Network[], asset: LoopAsset) {
  const known = list.flatMap((ex) => {
    const v = ex.withdrawal?.networks.value;
    return v && v !== 'unknown' ? [{ ex, support: v[asset] }] : [];
  });
  const rows = networks
    .map((n) => ({
      network: n,
      cells: known.map(({ support }): NetworkCell => {
        const d = support.deposit.includes(n.id);
        const w = support.withdraw.includes(n.id);
        return d && w ? 'both' : d ? 'deposit only' : w ? 'withdraw only' : 'no';
      }),
    }))
    .filter((r) => r.cells.some((c) => c !== 'no'));
  return { columns: known.map((k) => k.ex), rows, undocumented: list.filter((ex) => !known.some((k) => k.ex === ex)) };
}

/**
 * The withdrawal whitelists of all exchanges side by side, short: one row per exchange, each value
 * with its first source. Each exchange's guide holds the full facts with notes and dates.
 */
export function withdrawalOverview(list: Exchange[], networks: readonly Network[]) {
  const keys = ['whitelistOnlySwitch', 'apiLimitedToWhitelist', 'separateApiWhitelist', 'newAddressDelay'] as const;
  const header = ['Exchange', 'Whitelist-only switch', 'API withdrawals limited to the whitelist', 'Separate list for API keys', 'Delay for a new address'];
  const rows = list.map((ex) => {
    const facts = Object.fromEntries(withdrawalFactRows(ex, networks).map((r) => [r.key, r]));
    return {
      id: ex.id,
      name: ex.name,
      guide: `${guidePath(ex.id)}#withdrawal-whitelist`,
      cells: keys.map((k) => (facts[k] ? { text: facts[k].text, source: facts[k].fact.sources[0]!.url } : { text: NOT_DOCUMENTED, source: undefined })),
    };
  });
  return { header, rows };
}
