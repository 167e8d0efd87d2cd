/**
 * `npm run facts`: every fact in src/data/exchanges with the date it was last checked against the
 * exchange's official documentation, oldest first; facts older than 90 days are marked STALE.
 * Options: --today YYYY-MM-DD (default: today, UTC), --exchange <id>, --check (exit 1 when any is stale).
 * Runs on the project's pinned Node, which strips the types of the .ts modules it imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseExchangeFile } from '../src/data/parse.ts';
import { factsReport } from '../src/data/facts.ts';

const { values } = parseArgs({
  options: { today: { type: 'string' }, exchange: { type: 'string' }, check: { type: 'boolean', default: false } },
});
const today = values.today ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
  console.error(`--today: expected a date written YYYY-MM-DD, got "${today}"`);
  process.exit(2);
}
const dir = join(import.meta.dirname, '../src/data/exchanges');
const exchanges = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseExchangeFile(`src/data/exchanges/${f}`, readFileSync(join(dir, f), 'utf8')))
  .filter((ex) => !values.exchange || ex.id === values.exchange);
if (!exchanges.length) {
  console.error(`--exchange: no exchange "${values.exchange}"`);
  process.exit(2);
}
const report = factsReport(exchanges, today);
console.log(report.text);
if (values.check && report.stale) process.exit(1);
