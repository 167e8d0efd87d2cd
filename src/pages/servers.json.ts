import type { APIRoute } from 'astro';
import { servers } from '../data/index.ts';

export const GET: APIRoute = () =>
  new Response(
    `${JSON.stringify({ status: servers.status, updated: servers.updated, ...(servers.note ? { note: servers.note } : {}), servers: servers.servers }, null, 2)}\n`,
    { headers: { 'Content-Type': 'application/json; charset=utf-8' } },
  );
