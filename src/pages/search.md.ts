import type { APIRoute } from 'astro';
import { searchResponse } from '../server/twin.ts';
import { handle } from '../server/http.ts';

export const prerender = false;

export const GET: APIRoute = ({ url, request }) => handle(() => searchResponse(url, request.headers.get('accept')));
