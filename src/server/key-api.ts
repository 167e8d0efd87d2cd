/**
 * The key-check API's request handling, apart from HTTP: validate the fields, run the checker.
 * Every message is built by the rules, which redact secrets; nothing here echoes the input.
 */
import { exchangeIds, exchanges, getExchange, servers } from '../data/index.ts';
import { checkKeyForm, checkKeyMetadata, keyFactsOf, modes, tickedFromLabels, type KeyReport, type Mode } from '../rules/key-check.ts';
import { SITE } from '../nav.ts';
import { HttpError } from './http.ts';

export function runKeyCheck(input: Record<string, unknown>): Pick<KeyReport, 'verdict' | 'findings' | 'profile' | 'exchange' | 'mode'> {
  const { exchange, mode, metadata, boxes, ips, addressWhitelistConfirmed, keyIndex } = input;
  const ex = typeof exchange === 'string' ? getExchange(exchange) : undefined;
  if (!ex) {
    throw new HttpError(400, exchange === undefined
      ? `The "exchange" field is missing. Use one of: ${exchangeIds.join(', ')}.`
      : `Unknown exchange ${JSON.stringify(exchange).slice(0, 40)}. Use one of: ${exchangeIds.join(', ')}.`);
  }
  if (typeof mode !== 'string' || !modes.includes(mode as Mode)) {
    throw new HttpError(400, `The "mode" field must be ${modes.map((m) => `"${m}"`).join(' or ')}.`);
  }
  const facts = keyFactsOf(ex, exchanges);
  const labels = (facts.permissions ?? []).map((b) => `"${b.label}"`).join(', ');
  const whatToSend = `Send "metadata" (the exchange’s key-metadata response, as a JSON object or a string holding it), or "boxes" (the labels of the boxes ticked on ${ex.name}’s key form${labels ? `: any of ${labels}` : ''}) with "ips" (the key’s IP list).`;
  const noMetadata = metadata === undefined || metadata === null;
  if (noMetadata && (boxes === undefined || boxes === null)) throw new HttpError(422, `Nothing to check. ${whatToSend}`);
  if (!noMetadata && boxes !== undefined && boxes !== null) throw new HttpError(400, 'Send either "metadata" or "boxes", not both: they describe the same key in two ways.');
  if (typeof metadata === 'string' && metadata.trim() === '') throw new HttpError(422, `The "metadata" field is empty. ${whatToSend}`);
  let ipText: string | undefined;
  if (typeof ips === 'string') ipText = ips;
  else if (Array.isArray(ips) && ips.every((v) => typeof v === 'string')) ipText = ips.join('\n');
  else if (ips !== undefined && ips !== null) throw new HttpError(400, 'The "ips" field must be text or an array of strings.');
  if (addressWhitelistConfirmed !== undefined && typeof addressWhitelistConfirmed !== 'boolean') {
    throw new HttpError(400, 'The "addressWhitelistConfirmed" field must be true or false.');
  }
  if (keyIndex !== undefined && !(typeof keyIndex === 'number' && Number.isInteger(keyIndex) && keyIndex >= 0)) {
    throw new HttpError(400, 'The "keyIndex" field must be a whole number from 0.');
  }
  const ctx = { servers, exchange: facts, site: SITE };
  let result;
  if (noMetadata) {
    if (!Array.isArray(boxes) || !boxes.every((b) => typeof b === 'string')) throw new HttpError(400, `The "boxes" field must be a list of box labels. ${whatToSend}`);
    if (boxes.length === 0 && !ipText?.trim()) throw new HttpError(422, `The "boxes" list is empty and there is no "ips". ${whatToSend}`);
    const ticked = tickedFromLabels(boxes, facts);
    if ('error' in ticked) throw new HttpError(400, ticked.error);
    result = checkKeyForm({ mode: mode as Mode, ticked: ticked.ticked, ips: ipText ?? '', addressWhitelistConfirmed: addressWhitelistConfirmed === true }, ctx);
  } else {
    result = checkKeyMetadata(
      { exchange: ex.id, mode: mode as Mode, metadata, ips: ipText, addressWhitelistConfirmed: addressWhitelistConfirmed === true, ...(keyIndex !== undefined ? { keyIndex } : {}) },
      ctx,
    );
  }
  if (!result.ok) {
    const choices = result.choices ? ` The keys: ${result.choices.map((c, i) => `${i}: ${c}`).join('; ')}.` : '';
    throw new HttpError(400, `${result.error}${choices}`);
  }
  const { verdict, findings, profile } = result.report;
  return { verdict, findings, profile, exchange: ex.id, mode: mode as Mode };
}

/**
 * A worked example for the docs: an OKX key's account/config object as a request, and the
 * answer this API gives for it today (computed at build time, so the page never goes stale).
 */
export function keyApiExample(): { request: Record<string, unknown>; response: unknown } {
  const request = {
    exchange: 'okx',
    mode: 'read-trade',
    metadata: {
      uid: '44705892343619584', mainUid: '44705892343619584', label: 'XAPY',
      perm: 'read_only,trade', ip: servers.servers.map((s) => s.address).join(','),
    },
  };
  return { request, response: runKeyCheck(request) };
}

/** The curl command that sends `request` to this API. */
export function keyCurl(request: Record<string, unknown>): string {
  return `curl -s ${SITE}/api/check/key \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(request)}'`;
}
