import type { APIRoute } from 'astro';
import { findPage } from '../server/docs.ts';
import { notFoundMarkdown, pageMarkdown } from '../agents/pages.ts';
import { markdown } from '../server/http.ts';

// Server-rendered so that later features (?ask=, ?section=) can read the query string;
// a prerendered file would shadow it.
export const prerender = false;

export const GET: APIRoute = async ({ params, url }) => {
  const page = await findPage(params.slug ?? 'index');
  if (!page) return markdown(404, notFoundMarkdown(url.pathname));
  return markdown(200, pageMarkdown(page), { 'Cache-Control': 'public, max-age=300' });
};
