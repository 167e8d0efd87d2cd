import type { APIRoute } from 'astro';
import { mcpResponse } from '../server/mcp.ts';

export const prerender = false;

export const ALL: APIRoute = ({ request }) => mcpResponse(request);
