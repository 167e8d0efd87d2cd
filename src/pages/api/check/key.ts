import type { APIRoute } from 'astro';
import { handle, json, methodNotAllowed, readJsonObject } from '../../../server/http.ts';
import { runKeyCheck } from '../../../server/key-api.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request }) =>
  handle(async () => {
    if (request.method === 'POST') return json(200, runKeyCheck(await readJsonObject(request)));
    throw methodNotAllowed(['POST']);
  });
