import type { APIRoute } from 'astro';
import { allPages } from '../server/docs.ts';
import { llmsFullTxt } from '../agents/pages.ts';

export const GET: APIRoute = async () =>
  new Response(llmsFullTxt(await allPages()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
