/**
 * The address-loop check over the site's data: what the API route and the MCP tool call.
 */
import { exchangeIds, exchanges, networks } from '../data/index.ts';
import { checkAddressLoopInput, isEmptyLoop, loopFactsOf, type LoopContext, type LoopReport } from '../rules/address-loop.ts';
import { LoopInputError, parseLoopInput } from '../rules/address-input.ts';
import { SITE } from '../nav.ts';
import { HttpError } from './http.ts';

export const loopContext: LoopContext = { exchanges: exchanges.map(loopFactsOf), networks, site: SITE };

/**
 * Checks a withdrawal-address loop given as JSON (see the checker page for the shape).
 * Throws LoopInputError, whose message names the bad field, when the input cannot be checked.
 * For the MCP tool `check_address_loop` and the HTTP API.
 */
export function checkAddressLoop(input: unknown): LoopReport {
  return checkAddressLoopInput(parseLoopInput(input, exchangeIds, networks), loopContext);
}

/** The same, with input errors as HTTP 400. */
export function runAddressCheck(input: unknown): LoopReport {
  try {
    const parsed = parseLoopInput(input, exchangeIds, networks);
    if (parsed.exchanges.length >= 2 && isEmptyLoop(parsed)) {
      throw new HttpError(422, 'Nothing to check: no exchange has deposit addresses or whitelist entries. For each exchange send "deposits" (your deposit addresses: asset, network, address, memo where the network uses one) and "whitelist" (the withdrawal whitelist entries: network, address, memo).');
    }
    return checkAddressLoopInput(parsed, loopContext);
  } catch (e) {
    if (e instanceof LoopInputError) throw new HttpError(400, e.message);
    throw e;
  }
}

/** A worked example for the docs: two of the site's exchanges, one whitelist entry missing. */
export function exampleLoopRequest() {
  const [a, b] = exchangeIds;
  return {
    exchanges: [
      { exchange: a!, deposits: [{ asset: 'USDT', network: 'TRC20', address: 'TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo' }], whitelist: [{ network: 'TRC20', address: 'TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW' }] },
      { exchange: b!, deposits: [{ asset: 'USDT', network: 'TRC20', address: 'TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW' }], whitelist: [] },
    ],
  };
}
