import type { APIRoute } from 'astro';
import { health } from '../server/health.ts';
import { handle, json, methodNotAllowed } from '../server/http.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request }) =>
  handle(() => {
    if (request.method === 'GET' || request.method === 'HEAD') return json(200, health());
    throw methodNotAllowed(['GET']);
  });
