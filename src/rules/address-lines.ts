/**
 * Reads pasted lists of addresses, one entry per line, as people copy them from exchanges:
 *   deposit addresses:   asset network address [memo]     e.g. "USDT TRC20 TXYZ…"
 *   whitelist entries:   [asset] network address [memo]   e.g. "BEP20 (BSC) 0xAbC… "
 * Words may be separated by spaces, tabs, commas, semicolons or "|". Network names may contain
 * spaces ("BNB Smart Chain"); the longest name the network list knows wins. Pure.
 */
import type { Network } from '../data/schema.ts';
import { loopAssetOf, resolveNetwork, type DepositEntry, type LoopInput, type UnreadableLine, type WhitelistEntry } from './address-loop.ts';

/** The longest network name made of leading words. */
const MAX_NETWORK_WORDS = 4;

interface Split {
  asset?: string;
  network: string;
  address: string;
  memo?: string;
}

function splitLine(line: string, networks: readonly Network[], needAsset: boolean): Split | { reason: string } {
  const words = line.split(/[\s,;|]+/).filter(Boolean);
  let i = 0;
  let asset: string | undefined;
  if (words[0] && loopAssetOf(words[0])) asset = loopAssetOf(words[i++]!);
  else if (needAsset) return { reason: 'it should start with the asset, USDT or USDC' };
  if (i >= words.length) return { reason: 'the network and the address are missing' };
  let take = 1;
  for (let n = Math.min(MAX_NETWORK_WORDS, words.length - i - 1); n >= 1; n--) {
    if (resolveNetwork(words.slice(i, i + n).join(' '), networks)) {
      take = n;
      break;
    }
  }
  const network = words.slice(i, i + take).join(' ');
  i += take;
  const address = words[i++];
  if (!address) {
    // One word where a network and an address belong: a known network lacks its address, anything else is an address without a network.
    return resolveNetwork(network, networks)
      ? { reason: `the address is missing after the network ${network}` }
      : { reason: `the network is missing before the address (write it as the exchange names it, e.g. ${networks.slice(0, 3).map((n) => n.aliases[0] ?? n.name).join(', ')})` };
  }
  let memo = words.slice(i).join(' ');
  memo = memo.replace(/^(memo|tag|comment)\s*[:=]?\s*/i, '');
  return { ...(asset ? { asset } : {}), network, address, ...(memo ? { memo } : {}) };
}

function readLines<T>(text: string, list: UnreadableLine['list'], read: (line: string) => T | { reason: string }) {
  const entries: T[] = [];
  const unreadable: UnreadableLine[] = [];
  const known = new Map<string, T | { reason: string }>(); // a long paste repeats lines: each is read once
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/^\s*[-*•]\s+/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    let result = known.get(line);
    if (result === undefined) known.set(line, (result = read(line)));
    if (typeof result === 'object' && result !== null && 'reason' in result) {
      unreadable.push({ list, line: index + 1, text: line, reason: (result as { reason: string }).reason });
    } else entries.push(result as T);
  });
  return { entries, unreadable };
}

export function readDepositLines(text: string, networks: readonly Network[]): { entries: DepositEntry[]; unreadable: UnreadableLine[] } {
  return readLines(text, 'deposits', (line): DepositEntry | { reason: string } => {
    const s = splitLine(line, networks, true);
    if ('reason' in s) return s;
    return { asset: s.asset!, network: s.network, address: s.address, ...(s.memo ? { memo: s.memo } : {}) };
  });
}

export function readWhitelistLines(text: string, networks: readonly Network[]): { entries: WhitelistEntry[]; unreadable: UnreadableLine[] } {
  return readLines(text, 'whitelist', (line): WhitelistEntry | { reason: string } => splitLine(line, networks, false));
}

/** What was pasted for one exchange: its deposit addresses and its whitelist, one entry per line. */
export interface PastedLists {
  exchange: string;
  deposits: string;
  whitelist: string;
}

/** The loop checker's input from pasted lists, as the widget reads its boxes. */
export function loopInputFromText(lists: readonly PastedLists[], networks: readonly Network[]): LoopInput {
  return {
    exchanges: lists.map(({ exchange, deposits, whitelist }) => {
      const d = readDepositLines(deposits, networks);
      const w = readWhitelistLines(whitelist, networks);
      return { exchange, deposits: d.entries, whitelist: w.entries, unreadable: [...d.unreadable, ...w.unreadable] };
    }),
  };
}
