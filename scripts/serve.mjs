// Serves the built site (static pages and server routes) with Astro's Node adapter, plus content
// negotiation for the prerendered pages: the adapter serves those as static files before Astro's
// middleware could run, so this wrapper applies the same rule (src/server/negotiate.ts) first.
// It also sets the security headers on every response, with each page's own Content-Security-Policy
// (src/server/security-headers.ts). Responses are compressed as the client accepts: static files
// from the build's precompressed copies (src/server/precompressed.ts), everything else on the fly
// with the `compression` middleware, except event streams, which must stream.
// HOST and PORT are honoured; defaults: localhost:4321. Run through npm so Node 24 is used.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import compression from 'compression';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('dist/server/entry.mjs is missing: run "npm run build" first (or "npm start", which builds).');
  process.exit(1);
}
const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? '4321');
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(entry.href);
const { negotiatePage } = await import('../src/server/negotiate.ts');
const { headersFor, pagePolicies } = await import('../src/server/security-headers.ts');
const { precompressed } = await import('../src/server/precompressed.ts');
const sendPrecompressed = precompressed(new URL('../dist/client/', import.meta.url).pathname);
const headersFile = new URL('../dist/page-headers.json', import.meta.url);
const compress = compression({
  filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
});
const policies = pagePolicies(existsSync(headersFile) ? JSON.parse(readFileSync(headersFile, 'utf8')) : []);

createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  try {
    decodeURIComponent(req.url ?? '/');
  } catch {
    res.writeHead(400, { ...headersFor('/400', policies), 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Bad request: the URL contains a malformed percent-encoding (a “%” not followed by two hex digits, or bytes that are not UTF-8). Encode the address again and retry.\n');
    return;
  }
  for (const [name, value] of Object.entries(headersFor(path, policies))) res.setHeader(name, value);
  const { rewrite, headers } = negotiatePage(req.method, req.url ?? '/', req.headers.accept);
  if (rewrite) req.url = rewrite;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (!sendPrecompressed(req, res)) compress(req, res, () => handler(req, res));
}).listen(port, host, () => console.log(`XAPY Docs on http://${host}:${port}`));
