import type { APIRoute } from 'astro';
import { servers } from '../data/index.ts';
import { serverListJson } from '../data/server-list.ts';
import { SITE } from '../nav.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(serverListJson(servers, SITE), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
