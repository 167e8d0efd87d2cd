// Serves the built site (static pages and server routes) with Astro's Node adapter, plus content
// negotiation for the prerendered pages: the adapter serves those as static files before Astro's
// middleware could run, so this wrapper applies the same rule (src/server/negotiate.ts) first.
// HOST and PORT are honoured; defaults: localhost:4321. Run through npm so Node 24 is used.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';

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

createServer((req, res) => {
  const { rewrite, headers } = negotiatePage(req.method, req.url ?? '/', req.headers.accept);
  if (rewrite) req.url = rewrite;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  handler(req, res);
}).listen(port, host, () => console.log(`XAPY Docs on http://${host}:${port}`));
