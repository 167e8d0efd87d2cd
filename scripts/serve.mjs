// Serves the built site (static pages and server routes) with Astro's Node adapter.
// HOST and PORT are honoured; defaults: localhost:4321. Run through npm so Node 24 is used.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/entry.mjs', import.meta.url);
if (!existsSync(entry)) {
  console.error('dist/server/entry.mjs is missing: run "npm run build" first (or "npm start", which builds).');
  process.exit(1);
}
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
await import(entry.href);
