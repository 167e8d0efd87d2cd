/**
 * The IP-check API's request handling, apart from HTTP: validate the fields, run the rules.
 */
import { exchangeIds, exchanges, getExchange, servers } from '../data/index.ts';
import { checkIps, ipFactsAmong, type IpReport } from '../rules/ip-check.ts';
import { SITE } from '../nav.ts';
import { HttpError } from './http.ts';

export interface IpCheckInput {
  exchange?: unknown;
  ips?: unknown;
}

export function runIpCheck(input: IpCheckInput): IpReport {
  const { exchange = 'any', ips } = input;
  if (typeof exchange !== 'string' || (exchange !== 'any' && !getExchange(exchange))) {
    throw new HttpError(400, `Unknown exchange ${JSON.stringify(exchange)}. Use one of: ${[...exchangeIds, 'any'].join(', ')}.`);
  }
  let text: string;
  if (typeof ips === 'string') text = ips;
  else if (Array.isArray(ips) && ips.every((v) => typeof v === 'string')) text = ips.join('\n');
  else if (ips === undefined || ips === null) {
    throw new HttpError(400, 'The "ips" field is missing. Send the IP list as text (any separators) or as an array of strings; an empty list is answered 422.');
  } else throw new HttpError(400, 'The "ips" field must be text or an array of strings.');
  if (text.trim() === '') {
    throw new HttpError(422, `The "ips" field is empty. Send the key’s IP list as the exchange shows it (any separators), or an array of strings. A key with no IP list accepts requests from anywhere: bind it to XAPY’s servers, ${servers.servers.map((s) => s.address).join(', ')}.`);
  }
  const ex = exchange === 'any' ? null : getExchange(exchange)!;
  return checkIps(text, { servers, exchange: ex ? ipFactsAmong(ex, exchanges) : null, site: SITE });
}
