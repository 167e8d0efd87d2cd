// npm run bench: prints comparable figures; it asserts nothing. One run prints everything:
//  1. the checkers' speed: 10,000-line lists, 1 MB pastes, inputs built for regex backtracking;
//  2. a temporary copy of the site in /tmp (never the real one) with a plain Starlight page as the
//     baseline: build time, page weight per page type next to the baseline, and the build's cost
//     per added page with 100 and 300 generated pages;
//  3. Lighthouse on the real build (also alone: `npm run lighthouse`).
//  4. ?ask= answer quality and load against the static twins;
//  5. load: 64 connections for 30 s over a mix of pages, twins, ?ask= and the checker APIs (bench/load.mjs).
// Loopback only; every server it starts is stopped. BENCH_SKIP=parsers,build,lighthouse,agents,load skips parts.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';

/** Parts 4 and 5 serve the real build: build it once if it is missing. */
const ensureBuild = () => existsSync('dist/server/entry.mjs') || execSync('npm run build', { stdio: 'inherit' });

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
console.log(`XAPY Docs benchmarks · ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
if (!skip.has('parsers')) {
  await import('./ip-check.mjs');
  await import('./key-check.mjs');
  await import('./parsers.mjs');
}

if (!skip.has('build')) {
  const { makeCopy, BASELINE_PATH } = await import('./site-copy.mjs');
  const { pageWeights, pages } = await import('./page-weight.mjs');
  const copy = makeCopy();
  try {
    const base = copy.build();
    const server = await copy.serve();
    try {
      await pageWeights(server.base, { ...pages, 'baseline (plain Starlight page)': BASELINE_PATH }, 'baseline (plain Starlight page)');
    } finally {
      server.stop();
    }
    const rows = [{ build: 'the site (+ the baseline page)', pages: 'as is', 'build ms': Math.round(base), 'ms per added page': '' }];
    for (const n of [100, 300]) {
      copy.generatePages(n);
      const ms = copy.build();
      rows.push({ build: `+ ${n} generated pages`, pages: `+${n}`, 'build ms': Math.round(ms), 'ms per added page': ((ms - base) / n).toFixed(1) });
    }
    console.log('\nBuild time and cost growth (temporary copy; target ≤ 20 ms per added page)');
    console.table(rows);
  } finally {
    copy.remove();
  }
}

if (!skip.has('lighthouse')) {
  if (!existsSync('dist/server/entry.mjs')) execSync('npm run build', { stdio: 'inherit' });
  const { startBuiltServer } = await import('./site-server.mjs');
  const { lighthouseScores } = await import('./lighthouse.mjs');
  const server = await startBuiltServer();
  try {
    await lighthouseScores(server.base);
  } finally {
    server.stop();
  }
}

if (!skip.has('agents')) {
  ensureBuild();
  const { agentBench } = await import('./agents.mjs');
  await agentBench();
}

if (!skip.has('load')) {
  ensureBuild();
  const { loadBench } = await import('./load.mjs');
  await loadBench();
}
