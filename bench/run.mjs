// npm run bench: prints comparable figures; it asserts nothing. Builds the site first if needed.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';

console.log(`XAPY Docs benchmarks · ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
await import('./ip-check.mjs');
await import('./key-check.mjs');
if (!existsSync('dist/server/entry.mjs')) execSync('npx astro build', { stdio: 'inherit' });
const { pageWeights } = await import('./page-weight.mjs');
await pageWeights();
const { agentBench } = await import('./agents.mjs');
await agentBench();
