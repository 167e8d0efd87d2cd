/**
 * The withdrawal-address "closed loop" checker: can each of the user's exchanges withdraw to
 * the user's deposit addresses on every other one, and to nothing else? Pure: callers pass
 * the exchanges' facts and the network list; the result is a report plus the loop as a graph.
 */
import { loopAssets } from '../data/assets.ts';
import type { ApiLimit, Exchange, Network } from '../data/schema.ts';
import { addressKey, checkAddress } from './addresses.ts';
import { withArticle } from './sentence.ts';
import { findingCollector, quote, reportToMarkdown, verdictOf, type Report, type RuleDoc, type Severity } from './report.ts';

export type LoopAsset = (typeof loopAssets)[number];
type Support = Record<LoopAsset, { deposit: string[]; withdraw: string[] }>;

/** The facts the checker needs about one exchange (a projection of its `withdrawal` data). */
export interface LoopExchangeFacts {
  id: string;
  name: string;
  /** Networks per asset for deposits and withdrawals; 'unknown' when not documented. */
  networks: Support | 'unknown';
  /** Whether API withdrawals follow the whitelist: always, only while the switch is on, never, or not documented. */
  apiLimitedToWhitelist: ApiLimit | 'unknown';
  /** The whitelist-only switch's label, when the exchange names it. */
  whitelistSwitch?: string;
  separateApiWhitelist: boolean | 'unknown';
}

export interface LoopContext {
  exchanges: LoopExchangeFacts[];
  networks: Network[];
  /** Site origin for rule links, e.g. https://docs.xapy.io */
  site: string;
}

export interface DepositEntry {
  asset: string;
  /** A network id or any label from networks.yaml (e.g. "TRC20", "BEP20(BSC)"). */
  network: string;
  address: string;
  memo?: string;
}

export interface WhitelistEntry {
  network: string;
  address: string;
  memo?: string;
  /** Set when the exchange's address book keeps the entry for one asset only. */
  asset?: string;
}

/** A pasted line the text reader could not understand (widget and text input only). */
export interface UnreadableLine {
  list: 'deposits' | 'whitelist';
  line: number;
  text: string;
  reason: string;
}

export interface ExchangeInput {
  exchange: string;
  deposits: DepositEntry[];
  whitelist: WhitelistEntry[];
  unreadable?: UnreadableLine[];
}

export interface LoopInput {
  exchanges: ExchangeInput[];
}

export type EdgeState = 'ok' | 'broken' | 'missing' | 'outside';

export interface LoopNode {
  id: string;
  name: string;
  kind: 'exchange' | 'outside';
}

export interface LoopEdge {
  from: string;
  to: string;
  /** null for an edge that leads outside the loop (the address belongs to no deposit). */
  asset: LoopAsset | null;
  /** Network id of the whitelisted entry; null when there is none. */
  network: string | null;
  state: EdgeState;
  /** The edge in words: the diagram's text equivalent. */
  text: string;
}

export interface LoopReport extends Report {
  /** The assets the loop moves: those the user gave a deposit address for. */
  assets: LoopAsset[];
  loop: { nodes: LoopNode[]; edges: LoopEdge[] };
}

export const LOOP_CHECKER_PATH = '/tools/address-loop-checker/';
export const OUTSIDE_NODE = 'outside';

export const loopRules: RuleDoc[] = [
  { id: 'nothing-to-check', severity: 'error', title: 'No addresses were given',
    explanation: 'A loop is made of your deposit addresses and the whitelist entries that point to them. With none of either there is nothing to check, and nothing that could pass.' },
  { id: 'too-few-exchanges', severity: 'error', title: 'A loop needs at least two exchanges',
    explanation: 'Rebalancing moves funds from one of your exchanges to another. With a single exchange there is nowhere to move them, and a key with withdrawal permission only adds risk.' },
  { id: 'missing-deposit-address', severity: 'error', title: 'An exchange has no deposit address for an asset the loop moves',
    explanation: 'When you give a deposit address for an asset on one exchange, XAPY may need to move that asset to each of your exchanges. Without your deposit address on an exchange, no other exchange can send it there.' },
  { id: 'missing-edge', severity: 'error', title: 'An exchange cannot withdraw to one of your other exchanges',
    explanation: 'Each exchange’s whitelist must hold your deposit address on every other exchange, for each asset the loop moves, on a network both ends support. A missing entry breaks automatic rebalancing in that direction.' },
  { id: 'outside-loop', severity: 'error', title: 'A whitelisted address that belongs to none of your exchanges',
    explanation: 'Every address on a whitelist is a place funds can go. An address that is not one of your deposit addresses on your XAPY exchanges, such as an old wallet or a friend’s account, is a way out of the loop. Remove it.' },
  { id: 'wrong-network', severity: 'error', title: 'The right address on the wrong network',
    explanation: 'An address is one of your deposit addresses, but whitelisted for a different network than the one the receiving exchange gave it for. Funds sent on a network the deposit address was not issued for may never be credited.' },
  { id: 'invalid-address', severity: 'error', title: 'The address does not fit its network',
    explanation: 'Each network has its own address format, and most include a checksum that catches a mistyped character. An address that fails it was copied wrongly or belongs to another network; the exchange will refuse it, or the funds can be lost.' },
  { id: 'network-not-supported', severity: 'error', title: 'An exchange does not support the network for this asset',
    explanation: 'Both ends must support the same network for the asset: the sending exchange for withdrawals, the receiving one for deposits. The exchange’s own documentation, linked from the guide, says which networks it supports.' },
  { id: 'memo-missing', severity: 'error', title: 'A memo or tag is missing',
    explanation: 'On networks where exchanges share one deposit address among many users, the memo (or tag, or comment) says whose deposit it is. A withdrawal without it arrives at the exchange but not in your account.' },
  { id: 'memo-mismatch', severity: 'error', title: 'The memo or tag differs from the deposit’s',
    explanation: 'The whitelisted memo must be exactly the one the receiving exchange shows on its deposit page, or the deposit is not credited to you.' },
  { id: 'unreadable-entry', severity: 'error', title: 'An entry could not be read',
    explanation: 'Each line needs an asset (USDT or USDC, for deposit addresses), a network, an address and, where the network uses one, a memo. A line that cannot be read is not checked at all.' },
  { id: 'duplicate-entry', severity: 'warning', title: 'The same address twice',
    explanation: 'An address listed twice on one exchange, or given as the deposit address of two exchanges, is a copy-and-paste slip. It makes the lists harder to review and can hide a missing entry.' },
  { id: 'unknown-network', severity: 'warning', title: 'A network the checker does not know',
    explanation: 'The network name matches none of the names exchanges use for the networks on the guide’s list, so the address cannot be validated or matched. Use the name the exchange shows, such as TRC20, ERC20 or BEP20.' },
  { id: 'memo-unconfirmed', severity: 'warning', title: 'A memo may be needed',
    explanation: 'On some networks, such as TON, some exchanges give every user their own address and others a shared address plus a memo. Check the deposit page: if it shows a memo, add it.' },
  { id: 'own-deposit-address', severity: 'warning', title: 'An exchange whitelists its own deposit address',
    explanation: 'Withdrawing from an exchange to your deposit address on the same exchange does not move funds between exchanges. The entry is useless for rebalancing; remove it to keep the list short.' },
  { id: 'api-not-limited', severity: 'warning', title: 'API withdrawals are not limited to the whitelist',
    explanation: 'On this exchange, according to its documentation, a key with withdrawal permission is not restricted to whitelisted addresses. The loop then relies on the IP binding alone; use Read + Trade on this exchange.' },
  { id: 'api-limit-unknown', severity: 'warning', title: 'Not documented whether API withdrawals follow the whitelist',
    explanation: 'The exchange does not say whether it restricts API withdrawals to whitelisted addresses, so treat a key with withdrawal permission as able to send anywhere. Use Read + Trade on this exchange unless its support confirms that API withdrawals follow the whitelist.' },
  { id: 'api-limit-needs-switch', severity: 'info', title: 'API withdrawals follow the whitelist only while its switch is on',
    explanation: 'On this exchange a key with withdrawal permission is kept to the whitelist only while the whitelist-only setting is on; with it off, the key can send funds anywhere. The checker cannot see the setting: switch it on, and leave it on.' },
  { id: 'separate-api-whitelist', severity: 'info', title: 'The exchange keeps a separate whitelist for API keys',
    explanation: 'Some exchanges let an API key withdraw only to addresses added to the key itself, not those in the ordinary address book. Add the same addresses there.' },
  { id: 'address-unchecked', severity: 'info', title: 'An address format the checker cannot validate',
    explanation: 'No well-maintained library here reads this network’s addresses, so the checker compares them but cannot confirm the format. Compare them with the deposit page character by character.' },
];

/** Projects an exchange's data file onto the facts the checker uses; missing data reads as unknown. */
export function loopFactsOf(exchange: Exchange): LoopExchangeFacts {
  const w = exchange.withdrawal;
  return {
    id: exchange.id,
    name: exchange.name,
    networks: w ? w.networks.value : 'unknown',
    apiLimitedToWhitelist: w ? w.apiLimitedToWhitelist.value : 'unknown',
    ...(w && w.whitelistOnlySwitch.value && w.whitelistOnlySwitch.value !== 'unknown' ? { whitelistSwitch: w.whitelistOnlySwitch.value.label } : {}),
    separateApiWhitelist: w ? w.separateApiWhitelist.value : 'unknown',
  };
}

const labelKey = (label: string) => label.toLowerCase().replace(/\s+/g, '');

/** Each network list's networks by the keys of their ids, names and aliases (the first network wins). */
const networkIndexes = new WeakMap<readonly Network[], Map<string, Network>>();

/** The network a label names (its id, its name or one of its aliases; case and spaces ignored). */
export function resolveNetwork(label: string, networks: readonly Network[]): Network | undefined {
  const key = labelKey(label);
  if (key === '') return undefined;
  let index = networkIndexes.get(networks);
  if (!index) {
    index = new Map();
    for (const n of networks) {
      for (const name of [n.id, n.name, ...n.aliases]) if (!index.has(labelKey(name))) index.set(labelKey(name), n);
    }
    networkIndexes.set(networks, index);
  }
  return index.get(key);
}

export function loopAssetOf(value: string): LoopAsset | undefined {
  const upper = value.trim().toUpperCase();
  return (loopAssets as readonly string[]).includes(upper) ? (upper as LoopAsset) : undefined;
}

/** Networks an exchange documents for one asset and direction; 'unknown' when it does not. */
function supported(facts: LoopExchangeFacts | undefined, asset: LoopAsset, side: 'deposit' | 'withdraw'): string[] | 'unknown' {
  if (!facts || facts.networks === 'unknown') return 'unknown';
  return facts.networks[asset]?.[side] ?? 'unknown';
}

interface Deposit {
  exchange: string;
  asset: LoopAsset;
  network: Network;
  address: string;
  key: string;
  memo: string;
  /** Why edges to this address cannot work, when they cannot (invalid, unsupported, memo missing). */
  problem?: string;
}

const stateRank: Record<EdgeState, number> = { ok: 0, broken: 2, missing: 3, outside: 4 };

export function checkAddressLoopInput(input: LoopInput, ctx: LoopContext): LoopReport {
  const factsOf = new Map(ctx.exchanges.map((e) => [e.id, e]));
  const nameOf = (id: string) => factsOf.get(id)?.name ?? id;
  const netName = (id: string) => ctx.networks.find((n) => n.id === id)?.name ?? id;
  const docs = (id: string) => `${ctx.site}${LOOP_CHECKER_PATH}#${id}`;

  const collector = findingCollector(docs);
  /** Adds a finding; its text is built only when it will be shown (a long paste repeats findings past the cap). */
  const add = (id: string, severity: Severity, text: () => [message: string, fix?: string], once?: string) =>
    collector.add(id, severity, () => {
      const [message, fix] = text();
      return { message, ...(fix ? { fix } : {}) };
    }, { capped: true, ...(once !== undefined ? { once } : {}) });

  const ids = input.exchanges.map((e) => e.exchange);
  const nodes: LoopNode[] = ids.map((id) => ({ id, name: nameOf(id), kind: 'exchange' }));

  /** Validates an address for its network; returns why it is unusable, if it is. */
  const validate = (owner: string, where: string, address: string, network: Network): string | undefined => {
    const result = checkAddress(address, network.format);
    if (result.status === 'invalid') {
      add('invalid-address', 'error', () => [`${where}: ${quote(address)} is not a valid ${network.name} address: ${result.reason}.`,
        `Copy the address again from the deposit page of the exchange it belongs to, for ${network.name}.`]);
      return 'the address is not valid';
    }
    if (result.status === 'unchecked') {
      add('address-unchecked', 'info', () => [`${where}: ${network.name} addresses cannot be validated here, so ${quote(address)} was only compared, not checked.`,
        'Compare it with the deposit page character by character.'], `${owner}|${network.id}|${address}`);
    }
    return undefined;
  };

  // 1. Lines the text reader could not understand.
  for (const ex of input.exchanges) {
    for (const u of ex.unreadable ?? []) {
      const list = u.list === 'deposits' ? 'deposit addresses' : 'whitelist';
      add('unreadable-entry', 'error', () => [`${nameOf(ex.exchange)}, ${list}, line ${u.line}: ${quote(u.text)} could not be read: ${u.reason}.`,
        u.list === 'deposits' ? 'Write it as: asset network address [memo], e.g. USDT TRC20 T…' : 'Write it as: network address [memo], e.g. TRC20 T…']);
    }
  }

  // 2. Deposit addresses: each must be valid, on a network its exchange supports, with a memo where needed.
  const deposits: Deposit[] = [];
  /** The deposits by their address's key, in order: looked up for every later entry. */
  const depositsByKey = new Map<string, Deposit[]>();
  for (const ex of input.exchanges) {
    const name = nameOf(ex.exchange);
    for (const d of ex.deposits) {
      const asset = loopAssetOf(d.asset);
      const address = d.address.trim();
      const memo = (d.memo ?? '').trim();
      if (!asset) {
        add('unreadable-entry', 'error', () => [`${name}, deposit address ${quote(address)}: ${quote(d.asset)} is not an asset the loop moves.`,
          `Use one of: ${loopAssets.join(', ')}.`]);
        continue;
      }
      const network = resolveNetwork(d.network, ctx.networks);
      const where = `${name}’s ${asset} deposit address`;
      if (!network) {
        add('unknown-network', 'warning', () => [`${where} ${quote(address)} names the network ${quote(d.network)}, which the checker does not know; it is left out of the loop.`,
          `Use the network name the exchange shows, e.g. ${ctx.networks.slice(0, 3).map((n) => n.aliases[0]).join(', ')}.`]);
        continue;
      }
      const key = addressKey(address, network.format);
      const same = depositsByKey.get(key)?.find((o) => o.network.format === network.format);
      if (same && same.exchange === ex.exchange && same.asset === asset && same.network.id === network.id) {
        add('duplicate-entry', 'warning', () => [`${where} ${quote(address)} on ${network.name} is listed twice.`, 'Keep it once.']);
        continue;
      }
      if (same && same.exchange !== ex.exchange) {
        add('duplicate-entry', 'warning', () => [`${quote(address)} is given as a deposit address on both ${nameOf(same.exchange)} and ${name}; at most one of them is right.`,
          'Copy each deposit address again from its own exchange.']);
      }
      let problem = validate(ex.exchange, `${where} on ${network.name}`, address, network);
      if (network.memo === 'required' && memo === '') {
        add('memo-missing', 'error', () => [`${where} on ${network.name} has no memo, and ${network.name} deposits need one.`,
          `Copy the memo from ${name}’s deposit page and add it after the address.`]);
        problem ??= 'the deposit memo is missing';
      } else if (network.memo === 'depends' && memo === '') {
        add('memo-unconfirmed', 'warning', () => [`${where} on ${network.name} has no memo. ${network.note ?? ''}`.trim(),
          `Check ${name}’s ${asset} deposit page for ${network.name}: if it shows a memo, add it.`]);
      }
      // Where the data is silent, the deposit address itself proves the network: the exchange issued it.
      const accepts = supported(factsOf.get(ex.exchange), asset, 'deposit');
      if (accepts !== 'unknown' && !accepts.includes(network.id)) {
        add('network-not-supported', 'error', () => [`${name} does not list ${network.name} for ${asset} deposits, yet ${quote(address)} is given as its deposit address there.`,
          accepts.length ? `${name} takes ${asset} on: ${accepts.map(netName).join(', ')}.` : `${name} documents no network for ${asset} deposits.`]);
        problem ??= `${name} does not take ${asset} deposits on ${network.name}`;
      }
      const deposit: Deposit = { exchange: ex.exchange, asset, network, address, key, memo, ...(problem ? { problem } : {}) };
      deposits.push(deposit);
      const sameKey = depositsByKey.get(key);
      if (sameKey) sameKey.push(deposit);
      else depositsByKey.set(key, [deposit]);
    }
  }

  const assets = loopAssets.filter((a) => deposits.some((d) => d.asset === a));

  if (input.exchanges.length >= 2 && isEmptyLoop(input)) {
    add('nothing-to-check', 'error', () => ['No deposit address and no whitelist entry was given, so there is no loop to check.',
      'For each exchange, paste your deposit addresses (asset, network, address) and the withdrawal whitelist entries (network, address).']);
  }
  if (input.exchanges.length < 2) {
    add('too-few-exchanges', 'error', () => [input.exchanges.length === 0 ? 'No exchange is listed.' : `Only ${nameOf(ids[0]!)} is listed; a loop needs at least two exchanges.`,
      'List every exchange you use with XAPY, each with its deposit addresses and whitelist.']);
  }
  for (const asset of assets) {
    for (const id of ids) {
      if (!deposits.some((d) => d.exchange === id && d.asset === asset)) {
        add('missing-deposit-address', 'error', () => [`${nameOf(id)} has no ${asset} deposit address on a known network, so no other exchange can send ${asset} to it.`,
          `Copy your ${asset} deposit address from ${nameOf(id)}’s deposit page, with its network.`]);
      }
    }
  }

  // 3. Whitelists: every entry must be one of the user's deposit addresses on another exchange.
  const best = new Map<string, LoopEdge>();
  const offer = (edge: LoopEdge) => {
    const k = `${edge.from}|${edge.to}|${edge.asset}`;
    const old = best.get(k);
    if (!old || stateRank[edge.state] < stateRank[old.state]) best.set(k, edge);
  };
  /** Edges that lead outside the loop, one per exchange, asset and network however many addresses lead there. */
  const outside = new Map<string, LoopEdge>();
  const leadsOutside = (edge: LoopEdge) => {
    const k = `${edge.from}|${edge.asset}|${edge.network}`;
    if (!outside.has(k)) outside.set(k, edge);
  };

  for (const ex of input.exchanges) {
    const from = ex.exchange;
    const name = nameOf(from);
    const seen = new Set<string>();
    for (const w of ex.whitelist) {
      const address = w.address.trim();
      const memo = (w.memo ?? '').trim();
      const network = resolveNetwork(w.network, ctx.networks);
      const onlyAsset = w.asset === undefined || w.asset.trim() === '' ? undefined : loopAssetOf(w.asset);
      if (w.asset !== undefined && w.asset.trim() !== '' && !onlyAsset) {
        add('unreadable-entry', 'error', () => [`${name}’s whitelist entry ${quote(address)}: ${quote(w.asset!)} is not an asset the loop moves.`,
          `Use one of: ${loopAssets.join(', ')}, or leave the asset out.`]);
        continue;
      }
      const where = `${name}’s whitelist`;
      if (!network) {
        add('unknown-network', 'warning', () => [`${where} has ${quote(address)} on the network ${quote(w.network)}, which the checker does not know.`,
          'Use the network name the exchange shows, e.g. TRC20, ERC20 or BEP20.']);
        if (!depositsByKey.has(address) && !depositsByKey.has(address.toLowerCase())) {
          add('outside-loop', 'error', () => [`${where} has ${quote(address)}, which is none of your deposit addresses on your XAPY exchanges.`,
            `Remove it from ${name}’s whitelist, unless it is a deposit address you forgot to list here.`]);
          leadsOutside({ from, to: OUTSIDE_NODE, asset: null, network: null, state: 'outside', text: `${name} → outside the loop: an address that is none of your deposit addresses` });
        }
        continue;
      }
      const key = addressKey(address, network.format);
      const dupKey = `${network.id}|${key}|${memo}|${onlyAsset ?? ''}`;
      if (seen.has(dupKey)) {
        add('duplicate-entry', 'warning', () => [`${where} lists ${quote(address)} on ${network.name} twice.`, 'Keep it once.']);
        continue;
      }
      seen.add(dupKey);
      const invalid = validate(from, `${where}, ${network.name}`, address, network);
      const matches = (depositsByKey.get(key) ?? []).filter((d) => d.network.format === network.format && (!onlyAsset || d.asset === onlyAsset));
      const exact = matches.filter((d) => d.network.id === network.id);
      if (matches.length === 0) {
        add('outside-loop', 'error', () => [`${where} has ${quote(address)} (${network.name}), which is none of your deposit addresses on your XAPY exchanges.`,
          `Remove it from ${name}’s whitelist, unless it is a deposit address you forgot to list here.`]);
        leadsOutside({ from, to: OUTSIDE_NODE, asset: onlyAsset ?? null, network: network.id, state: 'outside',
          text: `${name} → outside the loop: ${withArticle(network.name)} address that is none of your deposit addresses` });
        continue;
      }
      if (exact.length === 0) {
        for (const d of matches.filter((m) => m.exchange !== from)) {
          add('wrong-network', 'error', () => [`${where} has ${nameOf(d.exchange)}’s ${d.asset} deposit address ${quote(address)} on ${network.name}, but ${nameOf(d.exchange)} gave it for ${d.network.name}.`,
            `Whitelist it on ${d.network.name}, or use ${nameOf(d.exchange)}’s deposit address for ${network.name}.`]);
          offer({ from, to: d.exchange, asset: d.asset, network: network.id, state: 'broken',
            text: edgeText(name, nameOf(d.exchange), d.asset, network.name, 'broken', `whitelisted on ${network.name}, but the deposit address is for ${d.network.name}`) });
        }
        if (matches.every((m) => m.exchange === from)) {
          add('own-deposit-address', 'warning', () => [`${where} has ${name}’s own deposit address ${quote(address)}.`, `Remove it from ${name}’s whitelist.`]);
        }
        continue;
      }
      for (const d of exact) {
        const to = d.exchange;
        if (to === from) {
          add('own-deposit-address', 'warning', () => [`${where} has ${name}’s own ${d.asset} deposit address ${quote(address)}.`, `Remove it from ${name}’s whitelist.`], `${from}|${key}`);
          continue;
        }
        const toName = nameOf(to);
        let problem = invalid ?? d.problem;
        if (network.memo !== 'none' && d.memo !== '' && memo !== d.memo) {
          if (memo === '') {
            add('memo-missing', 'error', () => [`${where} has ${toName}’s ${d.asset} address ${quote(address)} on ${network.name} without its memo.`,
              `Add the memo ${quote(d.memo)} to that entry.`]);
            problem ??= 'the memo is missing';
          } else {
            add('memo-mismatch', 'error', () => [`${where} has ${toName}’s ${d.asset} address ${quote(address)} with the memo ${quote(memo)}, but ${toName}’s deposit page gives ${quote(d.memo)}.`,
              `Change the memo to ${quote(d.memo)}.`]);
            problem ??= 'the memo differs from the deposit’s';
          }
        }
        // Where the data is silent, the whitelist entry proves the network: the address book took it.
        const sends = supported(factsOf.get(from), d.asset, 'withdraw');
        if (sends !== 'unknown' && !sends.includes(network.id)) {
          add('network-not-supported', 'error', () => [`${name} does not list ${network.name} for ${d.asset} withdrawals, so it cannot send to ${toName}’s address ${quote(address)}.`,
            sends.length ? `${name} sends ${d.asset} on: ${sends.map(netName).join(', ')}. Use a network ${toName} also takes.` : `${name} documents no network for ${d.asset} withdrawals.`]);
          problem ??= `${name} does not send ${d.asset} on ${network.name}`;
        }
        const state: EdgeState = problem ? 'broken' : 'ok';
        offer({ from, to, asset: d.asset, network: network.id, state, text: edgeText(name, toName, d.asset, network.name, state, problem) });
      }
    }
  }

  // 4. Every ordered pair of exchanges, for every asset: is there a working edge?
  const edges: LoopEdge[] = [];
  for (const asset of assets) {
    for (const from of ids) {
      for (const to of ids) {
        if (from === to) continue;
        const edge = best.get(`${from}|${to}|${asset}`);
        if (edge) {
          edges.push(edge);
          continue;
        }
        const targets = deposits.filter((d) => d.exchange === to && d.asset === asset);
        edges.push({ from, to, asset, network: null, state: 'missing', text: edgeText(nameOf(from), nameOf(to), asset, null, 'missing') });
        if (targets.length === 0) continue; // reported once as missing-deposit-address
        add('missing-edge', 'error', () => [`${nameOf(from)} cannot withdraw ${asset} to your ${nameOf(to)} account: its whitelist has none of your ${nameOf(to)} ${asset} deposit addresses (${targets.map((t) => `${t.network.name}: ${quote(t.address, 24)}`).join('; ')}).`,
          `Add ${nameOf(to)}’s ${asset} deposit address, with its network${targets.some((t) => t.memo) ? ' and memo' : ''}, to ${nameOf(from)}’s withdrawal whitelist. ${commonNetworksText(factsOf.get(from), factsOf.get(to), asset, netName)}`.trim()]);
      }
    }
  }
  edges.push(...outside.values());
  if (outside.size) nodes.push({ id: OUTSIDE_NODE, name: 'Outside the loop', kind: 'outside' });

  // 5. What each exchange does with API withdrawals, from its data.
  for (const id of ids) {
    const f = factsOf.get(id);
    if (!f) continue;
    if (f.separateApiWhitelist === true) {
      add('separate-api-whitelist', 'info', () => [`${f.name} keeps a separate whitelist for API withdrawals.`, `Add the same addresses to the API key’s own whitelist on ${f.name}.`]);
    }
    if (f.apiLimitedToWhitelist === 'no') {
      add('api-not-limited', 'warning', () => [`${f.name} documents that API withdrawals are not limited to whitelisted addresses.`, `Use a Read + Trade key on ${f.name}, and move funds there by hand.`]);
    } else if (f.apiLimitedToWhitelist === 'when-switch-on') {
      const setting = f.whitelistSwitch ? `“${f.whitelistSwitch}”` : 'its whitelist-only setting';
      add('api-limit-needs-switch', 'info', () => [`${f.name} keeps API withdrawals to this whitelist only while ${setting} is on; with it off, a key that may withdraw can send funds anywhere.`,
        `Switch on ${setting} on ${f.name} before you give the key withdrawal permission, and leave it on.`]);
    } else if (f.apiLimitedToWhitelist === 'unknown') {
      add('api-limit-unknown', 'warning', () => [`${f.name} does not document whether API withdrawals are limited to the whitelist.`, `Use a Read + Trade key on ${f.name} unless ${f.name}’s support confirms that API withdrawals follow the whitelist.`]);
    }
  }

  const sorted = collector.finish();
  return { verdict: verdictOf(sorted), findings: sorted, assets, loop: { nodes, edges } };
}

/** Whether the input gives nothing to check: no deposit address, whitelist entry or line at all. */
export function isEmptyLoop(input: LoopInput): boolean {
  return input.exchanges.every((e) => e.deposits.length === 0 && e.whitelist.length === 0 && (e.unreadable?.length ?? 0) === 0);
}

export const edgeStateLabel: Record<EdgeState, string> = {
  ok: 'whitelisted',
  broken: 'wrong',
  missing: 'missing',
  outside: 'leads outside the loop',
};

function edgeText(from: string, to: string, asset: LoopAsset, network: string | null, state: EdgeState, why?: string): string {
  const head = `${from} → ${to}, ${asset}${network ? ` on ${network}` : ''}`;
  if (state === 'missing') return `${head}: missing (no whitelisted deposit address)`;
  return `${head}: ${edgeStateLabel[state]}${state === 'broken' && why ? ` (${why})` : ''}`;
}

/** "Networks both document for USDT: …", when both exchanges' networks are known. */
export function commonNetworks(from: LoopExchangeFacts | undefined, to: LoopExchangeFacts | undefined, asset: LoopAsset): string[] | 'unknown' {
  const sends = supported(from, asset, 'withdraw');
  const takes = supported(to, asset, 'deposit');
  if (sends === 'unknown' || takes === 'unknown') return 'unknown';
  return sends.filter((n) => takes.includes(n));
}

function commonNetworksText(from: LoopExchangeFacts | undefined, to: LoopExchangeFacts | undefined, asset: LoopAsset, netName: (id: string) => string): string {
  const both = commonNetworks(from, to, asset);
  if (both === 'unknown') return '';
  if (both.length === 0) return `${from!.name} and ${to!.name} document no common network for ${asset}.`;
  return `Networks both document for ${asset}: ${both.map(netName).join(', ')}.`;
}

/** The loop in words, one line per edge: the text equivalent of the diagram. */
export function loopLines(report: Pick<LoopReport, 'loop'>): string[] {
  return report.loop.edges.map((e) => e.text);
}

/** The report as Markdown for "Copy report": verdict, findings, and the loop in words. */
export function loopReportMarkdown(report: LoopReport): string {
  const exchanges = report.loop.nodes.filter((n) => n.kind === 'exchange').map((n) => n.name);
  const md = reportToMarkdown('Withdrawal loop check', report, [
    `**Exchanges:** ${exchanges.join(', ') || 'none'} · **Assets:** ${report.assets.join(', ') || 'none'}`,
  ]);
  const lines = loopLines(report);
  return lines.length ? `${md}\n### The loop\n\n${lines.map((l) => `- ${l}`).join('\n')}\n` : md;
}
