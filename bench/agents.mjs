// Answer quality of ?ask= (does the right page come first, or in the top 3 sources?) and the
// throughput and p99 latency of ?ask= against the plain .md twin, on loopback with autocannon.
import autocannon from 'autocannon';
import { questions } from './questions.mjs';
import { startBuiltServer } from './site-server.mjs';

const CONNECTIONS = 32;
const SECONDS = 8;

const pageOf = (url) => new URL(url).pathname.replace(/^\//, '').replace(/\.md$/, '');

async function quality(base) {
  let first = 0, top3 = 0;
  const misses = [];
  const cold = [];
  for (const { q, page: expected } of questions) {
    const pages = [expected].flat();
    // Asked on the home page, so that page-awareness does not help: the ranking alone must find the page.
    const t0 = performance.now();
    const res = await fetch(`${base}/index.md?${new URLSearchParams({ ask: q })}`, { headers: { Accept: 'application/json' } });
    const sources = (await res.json()).sources.map((s) => pageOf(s.url));
    cold.push(performance.now() - t0); // each question once: never served from the server's answer cache
    if (pages.includes(sources[0])) first++;
    if (sources.slice(0, 3).some((s) => pages.includes(s))) top3++;
    else misses.push(`${q} → expected ${pages.join(' or ')}, got ${sources.slice(0, 3).join(', ') || 'no answer'}`);
  }
  const pct = (n) => `${((n / questions.length) * 100).toFixed(0)} %`;
  console.log(`\n?ask= answer quality (${questions.length} questions, asked on /index.md)`);
  console.log(`  right page first:     ${first}/${questions.length} (${pct(first)})`);
  console.log(`  right page in top 3:  ${top3}/${questions.length} (${pct(top3)})`);
  for (const m of misses) console.log(`  miss: ${m}`);
  cold.sort((a, b) => a - b);
  console.log(`  uncached answer, one request at a time: median ${cold[Math.floor(cold.length / 2)].toFixed(1)} ms, worst ${cold.at(-1).toFixed(1)} ms`);
}

function load(base, paths) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url: base, connections: CONNECTIONS, duration: SECONDS, requests: paths.map((path) => ({ method: 'GET', path })) },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function throughput(base) {
  // Each connection cycles through every benchmark question, each asked on the page that answers it,
  // so nothing is measured on one lucky question; the twins are those same pages.
  const asks = questions.map(({ q, page }) => `/${[page].flat()[0]}.md?${new URLSearchParams({ ask: q })}`);
  const twins = questions.map(({ page }) => `/${[page].flat()[0]}.md`);
  await fetch(base + asks[0]); // build the index before measuring
  const rows = [];
  for (const [name, paths] of [['static .md', twins], ['?ask=', asks]]) {
    const r = await load(base, paths);
    rows.push({ name, rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx });
  }
  console.log(`\n?ask= vs the .md twin (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, 127.0.0.1; the ${asks.length} questions repeat, so answers come from the server's answer cache after the first round)`);
  for (const r of rows) console.log(`  ${r.name.padEnd(11)} ${r.rps.toFixed(0).padStart(7)} req/s   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}`);
  console.log(`  ask / static throughput: ${(rows[1].rps / rows[0].rps).toFixed(2)}× (target ≥ 0.5×); ask p99 ${rows[1].p99} ms (target ≤ 20 ms)`);
}

export async function agentBench() {
  const { base, stop } = await startBuiltServer();
  try {
    await quality(base);
    await throughput(base);
  } finally {
    stop();
  }
}
