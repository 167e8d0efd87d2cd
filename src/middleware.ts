/**
 * Content negotiation where Astro renders the page itself (`astro dev`, and any route rendered
 * on demand). In production the prerendered pages are static files that the Node adapter serves
 * before any middleware runs; scripts/serve.mjs applies the same rule to them.
 */
import { defineMiddleware } from 'astro:middleware';
import { internalError } from './server/http.ts';
import { negotiatePage } from './server/negotiate.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { rewrite, headers } = negotiatePage(context.request.method, context.url.pathname + context.url.search, context.request.headers.get('accept'));
  let response: Response;
  try {
    response = rewrite ? await context.rewrite(rewrite) : await next();
  } catch (e) {
    // A bug, not a client mistake (those are HttpErrors, answered 4xx by `handle`).
    return internalError(e, context.request);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'Link' && !response.headers.get('content-type')?.startsWith('text/html')) continue;
    response.headers.set(name, value);
  }
  return response;
});
