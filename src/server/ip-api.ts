/**
 * The IP-check API's request handling, apart from HTTP: validate the fields, run the rules.
 */
import { exchangeIds, getExchange, servers } from '../data/index.ts';
import { checkIps, ipFactsOf, type IpReport } from '../rules/ip-check.ts';
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
    throw new HttpError(400, 'The "ips" field is missing. Send the IP list as text (any separators) or as an array of strings; send "" to check an empty list.');
  } else throw new HttpError(400, 'The "ips" field must be text or an array of strings.');
  const ex = exchange === 'any' ? null : getExchange(exchange)!;
  return checkIps(text, { servers, exchange: ex ? ipFactsOf(ex) : null, site: SITE });
}
