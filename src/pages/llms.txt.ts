import type { APIRoute } from 'astro';
import { allPages } from '../server/docs.ts';
import { llmsTxt } from '../agents/pages.ts';

export const GET: APIRoute = async () =>
  new Response(llmsTxt(await allPages()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
