import type { APIRoute } from 'astro';
import { handle, json, methodNotAllowed, readJsonObject } from '../../../server/http.ts';
import { runIpCheck } from '../../../server/ip-api.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request, url }) =>
  handle(async () => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      const q = url.searchParams;
      return json(200, runIpCheck({ exchange: q.get('exchange') ?? undefined, ips: q.get('ips') ?? undefined }));
    }
    if (request.method === 'POST') return json(200, runIpCheck(await readJsonObject(request)));
    throw methodNotAllowed(['GET', 'POST']);
  });
