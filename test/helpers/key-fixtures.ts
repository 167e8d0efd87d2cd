/**
 * The exchanges' official example responses of their key-metadata endpoints, from
 * test/fixtures/key-metadata (each file names its source URL), and the checker context built
 * from the site's own exchange data with a fixed, published server list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exchanges, getExchange } from '../../src/data/index.ts';
import { keyFactsOf, type KeyCheckContext } from '../../src/rules/key-check.ts';

export interface Fixture {
  file: string;
  source: string;
  title: string;
  endpoint: string;
  response: unknown;
}

const dir = join(import.meta.dirname, '../fixtures/key-metadata');

export const fixtures: Record<string, Fixture> = Object.fromEntries(
  readdirSync(dir).filter((f) => f.endsWith('.json')).map((file) => [file.replace(/\.json$/, ''), { file, ...JSON.parse(readFileSync(join(dir, file), 'utf8')) }]),
);

/** A deep copy of a fixture's response, to make variants from. */
export function sample<T = any>(name: string): T {
  const f = fixtures[name];
  if (!f) throw new Error(`No fixture ${name}; have ${Object.keys(fixtures).join(', ')}`);
  return structuredClone(f.response) as T;
}

export const SERVERS = ['192.0.2.10', '198.51.100.20'];
export const testServers = { status: 'published' as const, servers: SERVERS.map((address, i) => ({ address, label: `Server ${i + 1}` })) };

export function keyCtx(exchange: string, servers: KeyCheckContext['servers'] = testServers): KeyCheckContext {
  const ex = getExchange(exchange);
  if (!ex) throw new Error(`unknown exchange ${exchange}`);
  return { servers, exchange: keyFactsOf(ex, exchanges), site: 'https://docs.example' };
}
