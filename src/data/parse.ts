/**
 * Turns the text of a data file into validated facts, or throws an error whose message
 * names the file, each bad field and what was expected. Pure: callers pass the text.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import ipaddr from 'ipaddr.js';
import { exchangeSchema, networksFileSchema, serversSchema, type Exchange, type Network, type Servers } from './schema.ts';

export class DataError extends Error {
  override name = 'DataError';
}

function formatIssues(file: string, issues: z.core.$ZodIssue[]): string {
  const lines = issues.map((i) => {
    const field = i.path.length ? i.path.map(String).join('.') : '(the whole file)';
    return `  - ${field}: ${i.message}`;
  });
  return `${file} is not valid:\n${lines.join('\n')}`;
}

/**
 * Parses one YAML document. What the parser only warns about (an unknown directive or `!tag`)
 * is an error here too: in a data file it is always a typo, and the value it leaves is not what
 * the author meant. The parser logs nothing itself (logLevel 'silent'); the message goes into
 * the DataError.
 */
function readYaml(file: string, text: string): unknown {
  let problem: string | undefined;
  try {
    const doc = parseDocument(text, { logLevel: 'silent' });
    problem = (doc.errors[0] ?? doc.warnings[0])?.message;
    if (!problem) return doc.toJS();
  } catch (e) {
    problem = (e as Error).message;
  }
  throw new DataError(`${file} is not valid YAML: ${problem}`);
}

export function parseExchangeFile(file: string, text: string): Exchange {
  const result = exchangeSchema.safeParse(readYaml(file, text));
  if (!result.success) throw new DataError(formatIssues(file, result.error.issues));
  const expectedId = file.split('/').pop()!.replace(/\.ya?ml$/, '');
  if (result.data.id !== expectedId) {
    throw new DataError(`${file} is not valid:\n  - id: expected "${expectedId}" (the file name), found "${result.data.id}"`);
  }
  return result.data;
}

/** A single IPv4 or IPv6 address in its canonical form, or undefined (a range, a typo, three parts). */
function serverAddressOf(text: string): string | undefined {
  if (!ipaddr.isValid(text) || (text.includes('.') && !text.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(text))) return undefined;
  return ipaddr.process(text).toString();
}

/**
 * Checks the list and its history: every address is one IP address, none is listed twice, replaying
 * history (oldest first) gives exactly the listed servers, and a published list holds public
 * addresses only, in its history too (documentation addresses belong to the example list).
 */
export function parseServersFile(file: string, text: string): Servers {
  const result = serversSchema.safeParse(readYaml(file, text));
  if (!result.success) throw new DataError(formatIssues(file, result.error.issues));
  const list = result.data;
  const problems: string[] = [];
  const bad = (field: string, message: string) => problems.push(`  - ${field}: ${message}`);
  const published = list.status === 'published';
  /** The canonical address, after the checks every address of the file must pass. */
  const check = (field: string, address: string): string | undefined => {
    const norm = serverAddressOf(address);
    if (norm === undefined) return void bad(field, `expected a single IPv4 or IPv6 address, found "${address}"`);
    const range = ipaddr.process(address).range();
    if (published && range !== 'unicast') {
      bad(field, `${address} is a ${range} address, not a public one: a published list holds XAPY’s real servers only. When you publish, replace the example addresses and start history afresh (see README, “Publishing XAPY’s server list”)`);
    }
    return norm;
  };

  const listed = new Map<string, number>();
  list.servers.forEach((s, i) => {
    const norm = check(`servers.${i}.address`, s.address);
    if (norm === undefined) return;
    if (listed.has(norm)) bad(`servers.${i}.address`, `${s.address} is listed twice`);
    else listed.set(norm, i);
  });

  const current = new Map<string, string>(); // canonical address -> date added
  list.history.forEach((c, i) => {
    c.added.forEach((address, j) => {
      const norm = check(`history.${i}.added.${j}`, address);
      if (norm === undefined) return;
      const since = current.get(norm);
      if (since !== undefined) bad(`history.${i}.added.${j}`, `${address} is already on the list (added on ${since}); remove it here, or list it under removed in an earlier change`);
      else current.set(norm, c.date);
    });
    c.removed.forEach((address, j) => {
      const norm = check(`history.${i}.removed.${j}`, address);
      if (norm === undefined) return;
      if (!current.delete(norm)) bad(`history.${i}.removed.${j}`, `${address} is not on the list on ${c.date}: no earlier change adds it; check the address`);
    });
  });
  if (problems.length === 0) {
    for (const [norm, i] of listed) {
      if (!current.has(norm)) bad(`servers.${i}.address`, `${list.servers[i]!.address} is listed, but no change under history adds it: add it under added in the change that brought it (today’s, for a new server)`);
    }
    for (const [norm, since] of current) {
      if (!listed.has(norm)) bad('servers', `${norm} was added on ${since} and never removed, but servers does not list it: list it under servers, or under removed in a new change`);
    }
  }
  if (problems.length) throw new DataError(`${file} is not valid:\n${problems.join('\n')}`);
  return list;
}

export function parseNetworksFile(file: string, text: string): Network[] {
  const result = networksFileSchema.safeParse(readYaml(file, text));
  if (!result.success) throw new DataError(formatIssues(file, result.error.issues));
  const ids = new Set<string>();
  for (const n of result.data.networks) {
    if (ids.has(n.id)) throw new DataError(`${file} is not valid:\n  - networks: the id "${n.id}" is used twice`);
    ids.add(n.id);
  }
  return result.data.networks;
}

/** Every network id an exchange file names must be defined in networks.yaml. */
export function checkNetworkIds(exchanges: Exchange[], networks: Network[]): void {
  const known = new Set(networks.map((n) => n.id));
  const problems: string[] = [];
  for (const ex of exchanges) {
    const support = ex.withdrawal?.networks.value;
    if (!support || support === 'unknown') continue;
    for (const [asset, sides] of Object.entries(support)) {
      for (const side of ['deposit', 'withdraw'] as const) {
        sides[side].forEach((id, i) => {
          if (!known.has(id)) problems.push(`src/data/exchanges/${ex.id}.yaml is not valid:\n  - withdrawal.networks.value.${asset}.${side}.${i}: unknown network "${id}"; use one of: ${[...known].join(', ')} (or add it to src/data/networks.yaml)`);
        });
      }
    }
  }
  if (problems.length) throw new DataError(problems.join('\n'));
}
