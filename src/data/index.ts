/**
 * The facts, loaded once from the YAML files next to this module. Vite inlines the files
 * at build time, so a broken file fails `astro build` (and vitest) with a DataError.
 * Browser code never imports this module: components pass the facts they need as JSON.
 */
import { checkNetworkIds, parseExchangeFile, parseNetworksFile, parseServersFile } from './parse.ts';
import type { Exchange, Servers } from './schema.ts';

const exchangeFiles = import.meta.glob<string>('./exchanges/*.yaml', { query: '?raw', import: 'default', eager: true });
const serverFiles = import.meta.glob<string>('./servers.yaml', { query: '?raw', import: 'default', eager: true });

export const exchanges: Exchange[] = Object.entries(exchangeFiles)
  .map(([path, text]) => parseExchangeFile(`src/data/${path.slice(2)}`, text))
  .sort((a, b) => a.name.localeCompare(b.name));

export const servers: Servers = parseServersFile('src/data/servers.yaml', serverFiles['./servers.yaml']!);

export function getExchange(id: string): Exchange | undefined {
  return exchanges.find((e) => e.id === id);
}

export const exchangeIds = exchanges.map((e) => e.id);
export type { Exchange, Servers };

const networkFiles = import.meta.glob<string>('./networks.yaml', { query: '?raw', import: 'default', eager: true });
export const networks = parseNetworksFile('src/data/networks.yaml', networkFiles['./networks.yaml']!);
checkNetworkIds(exchanges, networks);
