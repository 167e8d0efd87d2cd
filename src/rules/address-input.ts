/**
 * Reads the loop checker's JSON input (API and MCP) into a LoopInput, or throws a
 * LoopInputError whose message names the path of the bad field and what is expected.
 * Pure; the widget does not need it (it builds the input from its own form).
 */
import type { Network } from '../data/schema.ts';
import { loopAssets } from '../data/assets.ts';
import { loopAssetOf, type DepositEntry, type ExchangeInput, type UnreadableLine, type LoopInput, type WhitelistEntry } from './address-loop.ts';
import { readDepositLines, readWhitelistLines } from './address-lines.ts';

export class LoopInputError extends Error {
  override name = 'LoopInputError';
}

export const MAX_EXCHANGES = 20;
export const MAX_ENTRIES = 200;

export const EXAMPLE_INPUT = '{"exchanges": [{"exchange": "okx", "deposits": [{"asset": "USDT", "network": "TRC20", "address": "T…"}], "whitelist": [{"network": "TRC20", "address": "T…"}]}, …]}';

const fail = (path: string, message: string): never => {
  throw new LoopInputError(`${path}: ${message}`);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(path: string, value: Record<string, unknown>, allowed: string[]) {
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length) fail(path, `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => JSON.stringify(k)).join(', ')}; expected only ${allowed.join(', ')}`);
}

function text(path: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null) {
    if (required) fail(path, 'is missing; expected text');
    return undefined;
  }
  if (typeof value !== 'string') return fail(path, `expected text, found ${describe(value)}`);
  if (required && value.trim() === '') fail(path, 'is empty');
  return value;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

function deposit(path: string, value: unknown): DepositEntry {
  if (!isObject(value)) return fail(path, `expected an object with asset, network, address and optional memo, found ${describe(value)}`);
  onlyKeys(path, value, ['asset', 'network', 'address', 'memo']);
  const asset = text(`${path}.asset`, value.asset, true)!;
  if (!loopAssetOf(asset)) fail(`${path}.asset`, `expected one of ${loopAssets.join(', ')} (the assets XAPY moves), found ${JSON.stringify(asset).slice(0, 40)}`);
  const memo = text(`${path}.memo`, value.memo, false);
  return { asset, network: text(`${path}.network`, value.network, true)!, address: text(`${path}.address`, value.address, true)!, ...(memo ? { memo } : {}) };
}

function whitelisted(path: string, value: unknown): WhitelistEntry {
  if (!isObject(value)) return fail(path, `expected an object with network, address and optional memo and asset, found ${describe(value)}`);
  onlyKeys(path, value, ['network', 'address', 'memo', 'asset']);
  const memo = text(`${path}.memo`, value.memo, false);
  const asset = text(`${path}.asset`, value.asset, false);
  if (asset && !loopAssetOf(asset)) fail(`${path}.asset`, `expected one of ${loopAssets.join(', ')}, or no asset, found ${JSON.stringify(asset).slice(0, 40)}`);
  return {
    network: text(`${path}.network`, value.network, true)!,
    address: text(`${path}.address`, value.address, true)!,
    ...(memo ? { memo } : {}),
    ...(asset ? { asset } : {}),
  };
}

type Lines<T> = { entries: T[]; unreadable: UnreadableLine[] };

function list<T>(path: string, value: unknown, item: (path: string, v: unknown) => T, lines: (text: string) => Lines<T>): Lines<T> {
  if (value === undefined || value === null) return { entries: [], unreadable: [] };
  if (typeof value === 'string') {
    const read = lines(value);
    if (read.entries.length + read.unreadable.length > MAX_ENTRIES) fail(path, `has more than ${MAX_ENTRIES} lines; at most ${MAX_ENTRIES} are checked`);
    return read;
  }
  if (!Array.isArray(value)) return fail(path, `expected a list of entries, or text with one entry per line, found ${describe(value)}`);
  if (value.length > MAX_ENTRIES) fail(path, `has ${value.length} entries; at most ${MAX_ENTRIES} are checked`);
  return { entries: value.map((v, i) => item(`${path}.${i}`, v)), unreadable: [] };
}

/** Validates a request body; unknown exchange ids are refused with the list of valid ones. */
export function parseLoopInput(body: unknown, exchangeIds: readonly string[], networks: readonly Network[]): LoopInput {
  if (!isObject(body)) return fail('(body)', `expected a JSON object such as ${EXAMPLE_INPUT}`);
  onlyKeys('(body)', body, ['exchanges']);
  const exchanges = body.exchanges;
  if (exchanges === undefined) fail('exchanges', `is missing; expected a list such as ${EXAMPLE_INPUT}`);
  if (!Array.isArray(exchanges)) return fail('exchanges', `expected a list of exchanges, found ${describe(exchanges)}`);
  if (exchanges.length > MAX_EXCHANGES) fail('exchanges', `has ${exchanges.length} entries; at most ${MAX_EXCHANGES} are checked`);
  const seen = new Set<string>();
  const out: ExchangeInput[] = exchanges.map((value, i) => {
    const path = `exchanges.${i}`;
    if (!isObject(value)) return fail(path, `expected an object with exchange, deposits and whitelist, found ${describe(value)}`);
    onlyKeys(path, value, ['exchange', 'deposits', 'whitelist']);
    const id = value.exchange;
    if (typeof id !== 'string' || !exchangeIds.includes(id)) {
      fail(`${path}.exchange`, `unknown exchange ${JSON.stringify(id ?? null)?.slice(0, 40)}; use one of: ${exchangeIds.join(', ')}`);
    }
    if (seen.has(id as string)) fail(`${path}.exchange`, `${JSON.stringify(id)} is listed twice; list each exchange once`);
    seen.add(id as string);
    const d = list(`${path}.deposits`, value.deposits, deposit, (t) => readDepositLines(t, networks));
    const w = list(`${path}.whitelist`, value.whitelist, whitelisted, (t) => readWhitelistLines(t, networks));
    const unreadable = [...d.unreadable, ...w.unreadable];
    return { exchange: id as string, deposits: d.entries, whitelist: w.entries, ...(unreadable.length ? { unreadable } : {}) };
  });
  return { exchanges: out };
}
