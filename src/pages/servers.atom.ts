import type { APIRoute } from 'astro';
import { servers } from '../data/index.ts';
import { serverListAtom } from '../data/server-list.ts';
import { SITE } from '../nav.ts';

/** The Atom feed of the server list's changes; feed readers and XAPY's app watch it. */
export const GET: APIRoute = () =>
  new Response(serverListAtom(servers, SITE), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
