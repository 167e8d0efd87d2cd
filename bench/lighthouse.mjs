// Lighthouse (mobile, its default simulated throttling) on the home page, a guide and every page
// under /tools/ (the checkers): prints the four category scores and the audits that cost points.
// Each page is measured LIGHTHOUSE_RUNS times (default 5) and the run with the median performance
// score is reported, with the lowest and highest score beside it: on a 2-core machine one run's
// score moves by 10 points or more from run to run (Lighthouse itself advises the median of 5).
// Run alone with `npm run lighthouse` (builds if needed, serves the build on loopback as production
// does, with scripts/serve.mjs: compressed, with the security headers), or as part
// of `npm run bench`. Uses the same Chromium and flags as the browser tests.
import { execFile, execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { CHROME_FLAGS, chromiumPath } from './page-weight.mjs';
import { startBuiltServer } from './site-server.mjs';

/** Home, a guide, and each checker page (every MDX file in src/content/docs/tools/). */
export function lighthousePages() {
  const tools = readdirSync('src/content/docs/tools').filter((f) => /\.mdx?$/.test(f)).map((f) => `/tools/${f.replace(/\.mdx?$/, '')}/`);
  return ['/', '/integration/exchanges/okx/', ...tools.sort()];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const TARGET = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };

export async function lighthouseScores(base, pages = lighthousePages()) {
  const chrome = chromiumPath();
  if (!chrome) return console.log('\nLighthouse: skipped (Chromium not found)');
  const rows = [];
  const lost = [];
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5));
  for (const path of pages) {
    const all = [];
    for (let i = 0; i < runs; i++) {
      const { stdout } = await promisify(execFile)(process.execPath, [
        'node_modules/lighthouse/cli/index.js', base + path, '--output=json', '--quiet',
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`, `--only-categories=${CATEGORIES.join(',')}`,
      ], { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 256 << 20 });
      all.push(JSON.parse(stdout));
    }
    const perf = (l) => l.categories.performance?.score ?? 0;
    all.sort((a, b) => perf(a) - perf(b));
    const lhr = all[Math.floor((all.length - 1) / 2)];
    const row = { page: path };
    for (const c of CATEGORIES) row[c] = Math.round((lhr.categories[c]?.score ?? 0) * 100);
    row['perf min–max'] = `${Math.round(perf(all[0]) * 100)}–${Math.round(perf(all.at(-1)) * 100)}`;
    row.LCP = lhr.audits['largest-contentful-paint']?.displayValue;
    row.TBT = lhr.audits['total-blocking-time']?.displayValue;
    row['CPU index'] = Math.round(lhr.environment?.benchmarkIndex ?? 0);
    row.CLS = lhr.audits['cumulative-layout-shift']?.displayValue;
    // The page's own response, headers included, as the simulated phone receives it: up to 14,600
    // bytes (10 TCP segments) arrive in the first round trip of a new connection, more take another.
    const doc = lhr.audits['network-requests']?.details?.items?.find((r) => r.resourceType === 'Document');
    row['HTML response'] = doc ? `${doc.transferSize} B${doc.transferSize > 14600 ? ' (> 1 round trip)' : ''}` : '';
    rows.push(row);
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) lost.push({ page: path, category: c, audit: a.id, score: a.score, value: a.displayValue ?? '' });
      }
    }
  }
  console.log(`\nLighthouse (median of ${runs} runs per page) ${JSON.parse((await promisify(execFile)(process.execPath, ['node_modules/lighthouse/cli/index.js', '--version'])).stdout.trim().replace(/^/, '"').replace(/$/, '"'))} (mobile, simulated throttling); targets: ${Object.entries(TARGET).map(([k, v]) => `${k} ≥ ${v}`).join(', ')}`);
  console.table(rows);
  if (lost.length) {
    console.log('Audits that cost points:');
    console.table(lost);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync('dist/server/entry.mjs')) execSync('npm run build', { stdio: 'inherit' });
  const server = await startBuiltServer();
  try {
    await lighthouseScores(server.base);
  } finally {
    server.stop();
  }
}
