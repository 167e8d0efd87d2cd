/**
 * XAPY's server list written the way each exchange's key form expects it. Shared by the
 * server-list page (HTML and Markdown) so both show the same text and the same limits.
 */
import type { Servers } from '../data/schema.ts';
import { separatorText, type ExchangeIpFacts } from './ip-check.ts';

export interface ServerFormat {
  id: string;
  name: string;
  separator: ExchangeIpFacts['separator'];
  /** How to enter the list, in words. */
  howToEnter: string;
  maxPerKey: number | 'unknown';
  /** Whether XAPY's list fits the exchange's limit; 'unknown' when the limit is not documented. */
  fits: boolean | 'unknown';
  /** The list, ready to paste. */
  text: string;
}

export function howToEnter(separator: ExchangeIpFacts['separator']): string {
  if (separator === 'comma') return 'on one line, separated by commas';
  if (separator === 'newline') return 'one address per line';
  return 'format not documented: try one per line, or add them one at a time';
}

export function serverFormats(servers: Pick<Servers, 'servers'>, exchanges: ExchangeIpFacts[]): ServerFormat[] {
  const addresses = servers.servers.map((s) => s.address);
  return exchanges.map((ex) => ({
    id: ex.id,
    name: ex.name,
    separator: ex.separator,
    howToEnter: howToEnter(ex.separator),
    maxPerKey: ex.maxPerKey,
    fits: ex.maxPerKey === 'unknown' ? 'unknown' : addresses.length <= ex.maxPerKey,
    text: addresses.join(separatorText(ex.separator)),
  }));
}

/** How to enter the list, as a sentence for a guide. */
export function enterSentence(f: Pick<ServerFormat, 'name' | 'separator'>): string {
  return f.separator === 'unknown'
    ? `${f.name} does not document the format: try one address per line, or add them one at a time.`
    : `Enter them ${howToEnter(f.separator)}.`;
}
