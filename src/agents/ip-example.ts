/** A worked IP-whitelist check, computed by the real rules: shown in the checker's twin and in OpenAPI. */
import { getExchange, servers } from '../data/index.ts';
import { checkIps, ipFactsOf } from '../rules/ip-check.ts';
import { SITE } from '../nav.ts';

export function ipCheckExample(exchange = 'okx') {
  const ex = getExchange(exchange);
  const request = { exchange, ips: servers.servers.slice(0, 2).map((s) => s.address).join(', ') };
  const response = checkIps(request.ips, { servers, exchange: ex ? ipFactsOf(ex) : null, site: SITE });
  return { request, response };
}
