import type { APIRoute } from 'astro';
import { handle, json, methodNotAllowed, readJsonObject } from '../../../server/http.ts';
import { runAddressCheck } from '../../../server/address-api.ts';
import { EXAMPLE_INPUT } from '../../../rules/address-input.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request }) =>
  handle(async () => {
    if (request.method === 'POST') return json(200, runAddressCheck(await readJsonObject(request, EXAMPLE_INPUT)));
    throw methodNotAllowed(['POST']);
  });
