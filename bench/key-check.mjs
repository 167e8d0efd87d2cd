// API-key checker speed: each exchange's official key-metadata example (test/fixtures/key-metadata),
// pasted as text, checked in both modes. Prints the median and p95 per verdict (target ≤ 5 ms).
import { readdirSync, readFileSync } from 'node:fs';
import { checkKeyMetadata, keyFactsOf } from '../src/rules/key-check.ts';
import { parseExchangeFile, parseServersFile } from '../src/data/parse.ts';

const servers = parseServersFile('src/data/servers.yaml', readFileSync('src/data/servers.yaml', 'utf8'));
const dir = 'test/fixtures/key-metadata';
const rows = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const id = file.split('-')[0];
  const exchange = parseExchangeFile(`src/data/exchanges/${id}.yaml`, readFileSync(`src/data/exchanges/${id}.yaml`, 'utf8'));
  const ctx = { servers, exchange: keyFactsOf(exchange), site: 'https://docs.xapy.io' };
  const metadata = JSON.stringify(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')).response);
  const run = (mode) => checkKeyMetadata({ exchange: id, mode, metadata, keyIndex: 0 }, ctx);
  for (let i = 0; i < 50; i++) run(i % 2 ? 'read-write' : 'read-trade'); // warm up
  const times = [];
  for (let i = 0; i < 400; i++) {
    const t0 = performance.now();
    run(i % 2 ? 'read-write' : 'read-trade');
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const result = run('read-trade');
  rows.push({ metadata: file.replace(/\.json$/, ''), verdict: result.ok ? result.report.verdict : 'input error',
    'median ms': times[200].toFixed(3), 'p95 ms': times[380].toFixed(3), target: '≤ 5' });
}
console.log('\nAPI key checker, one verdict per official example (pasted as text, both modes)');
console.table(rows);
