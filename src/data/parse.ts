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

export function parseServersFile(file: string, text: string): Servers {
  const result = serversSchema.safeParse(readYaml(file, text));
  if (!result.success) throw new DataError(formatIssues(file, result.error.issues));
  const problems: string[] = [];
  const seen = new Set<string>();
  result.data.servers.forEach((s, i) => {
    if (!ipaddr.isValid(s.address) || (s.address.includes('.') && !s.address.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(s.address))) {
      problems.push(`  - servers.${i}.address: expected a single IPv4 or IPv6 address, found "${s.address}"`);
      return;
    }
    const norm = ipaddr.process(s.address).toString();
    if (seen.has(norm)) problems.push(`  - servers.${i}.address: ${s.address} is listed twice`);
    seen.add(norm);
  });
  if (problems.length) throw new DataError(`${file} is not valid:\n${problems.join('\n')}`);
  return result.data;
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
