// Serves the built site (static pages and server routes) with Astro's Node adapter, plus content
// negotiation for the prerendered pages: the adapter serves those as static files before Astro's
// middleware could run, so this wrapper applies the same rule (src/server/negotiate.ts) first.
// It also sets the security headers on every response, with each page's own Content-Security-Policy
// (src/server/security-headers.ts). Responses are compressed as the client accepts: static files
// from the build's precompressed copies (src/server/precompressed.ts), everything else on the fly
// with the `compression` middleware, except event streams, which must stream.
// HOST and PORT are honoured; defaults: localhost:4321. Run through npm so Node 24 is used.
//
// Operations: every request gets an id (X-Request-Id) and one access-log line (src/server/log.ts:
// method, path without query string, status, time, id); GET /healthz answers from the build; a busy
// port ends with one line naming PORT; SIGTERM or SIGINT stops accepting connections, lets requests
// in flight finish and exits 0 (connections still open after 8 s are cut).
//
// This file must stay parseable by old Node versions: it checks that this Node can load the .ts
// modules it imports (type stripping, Node >= 22.18) before importing any of them.
if (!process.features?.typescript) {
  console.error(`Node ${process.versions.node} cannot run the server's TypeScript modules: run "npm run serve" (or "npm start"), which uses the project's pinned Node 24.`);
  process.exit(1);
}
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
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
const { createLogger, accessEntry } = await import('../src/server/log.ts');
const log = createLogger();
const sendPrecompressed = precompressed(new URL('../dist/client/', import.meta.url).pathname);
const headersFile = new URL('../dist/page-headers.json', import.meta.url);
const compress = compression({
  filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
});
const policies = pagePolicies(existsSync(headersFile) ? JSON.parse(readFileSync(headersFile, 'utf8')) : []);

/** A stop in progress: refuse keep-alive reuse, so each connection closes once its request is done. */
let stopping = false;

const server = createServer((req, res) => {
  const started = performance.now();
  const id = randomUUID();
  // The id the routes see (src/server/http.ts quotes it in a 500) and the client gets back.
  req.headers['x-request-id'] = id;
  res.setHeader('X-Request-Id', id);
  if (stopping) res.setHeader('Connection', 'close');
  const { method, url } = req;
  res.on('close', () => log.info(accessEntry(id, method, url, res.statusCode, performance.now() - started), 'request'));
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
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
    const why = error.code === 'EADDRINUSE' ? 'is already in use' : 'needs privileges this user lacks';
    console.error(`Port ${port} on ${host} ${why}: set PORT to another port, e.g. PORT=8080 npm run serve`);
    process.exit(1);
  }
  throw error;
});

server.listen(port, host, () => log.info({ url: `http://${host}:${port}` }, 'XAPY Docs listening'));

function stop(signal) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping: finishing requests in flight');
  server.close(() => process.exit(0));
  // Idle keep-alive connections close now, busy ones as soon as their response is sent.
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 100).unref();
  // A client that holds a connection open (an event stream) must not keep the process past 10 s.
  setTimeout(() => server.closeAllConnections(), 8000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
