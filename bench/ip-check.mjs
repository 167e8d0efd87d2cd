// IP checker speed on a 10,000-line paste. Prints median and p95 per verdict (target ≤ 30 ms).
import { readFileSync } from 'node:fs';
import { checkIps, ipFactsOf } from '../src/rules/ip-check.ts';
import { parseExchangeFile, parseServersFile } from '../src/data/parse.ts';

const servers = parseServersFile('src/data/servers.yaml', readFileSync('src/data/servers.yaml', 'utf8'));
const okx = parseExchangeFile('src/data/exchanges/okx.yaml', readFileSync('src/data/exchanges/okx.yaml', 'utf8'));
const ctx = { servers, exchange: ipFactsOf(okx), site: 'https://docs.xapy.io' };

const N = 10_000;
const inputs = {
  'IPv4, one per line': Array.from({ length: N }, (_, i) => `8.${(i >> 8) & 255}.${i & 255}.1`).join('\n'),
  'IPv6, comma-separated': Array.from({ length: N }, (_, i) => `2606:4700:${i.toString(16)}::1`).join(', '),
  'mixed, with errors': Array.from({ length: N }, (_, i) =>
    ['192.0.2.10', '10.0.0.1', '1.2.3.4:443', '2001:0db8:0:0:0:0:0:1', '203.0.113.0/24', 'x.example'][i % 6]).join('\n'),
};

const rows = [];
for (const [name, text] of Object.entries(inputs)) {
  for (let i = 0; i < 5; i++) checkIps(text, ctx); // warm up
  const times = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    checkIps(text, ctx);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  rows.push({ input: `${N.toLocaleString('en')} lines, ${name}`, 'median ms': times[15].toFixed(1), 'p95 ms': times[28].toFixed(1), target: '≤ 30' });
}
console.log('\nIP whitelist checker, one verdict');
console.table(rows);
