import type { APIRoute } from 'astro';
import { twinResponse } from '../server/twin.ts';
import { handle } from '../server/http.ts';

// Server-rendered: ?ask= and ?section= are read from the query string, which a static file would ignore.
export const prerender = false;

export const GET: APIRoute = ({ params, url, request }) => handle(() => twinResponse(params.slug ?? 'index', url, request.headers.get('accept')));
