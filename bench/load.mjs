// Load on the built server as it runs in production (scripts/serve.mjs), on 127.0.0.1 only and for a
// bounded time: 64 connections for 30 s (LOAD_CONNECTIONS / LOAD_SECONDS override them for a quick
// trial) over a mix of HTML pages, .md twins, ?ask= answers and the three checker APIs. Request bodies
// are the server's own /openapi.json examples and the exchanges' official key-metadata examples, so
// every request of the mix should get a 2xx, except two deliberately bad ones that must get their 4xx.
// Prints requests/s, latency, status codes per kind of request, the unexpected ones (goal 0: any 5xx,
// or any other status than the one expected) and the server's resident memory (VmRSS) over the run.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { questions } from './questions.mjs';
import { startBuiltServer } from './site-server.mjs';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const IDLE_SECONDS = 5;

const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const keyExample = (file, mode) => json({ exchange: file.split('-')[0], mode, metadata: JSON.parse(readFileSync(`test/fixtures/key-metadata/${file}.json`, 'utf8')).response });
const asked = ({ q, page }) => `/${[page].flat()[0]}.md?${new URLSearchParams({ ask: q })}`;

/** The mix: each connection sends these in turn, over and over. `expect` is the status each must get. */
async function mix(base) {
  const api = (await (await fetch(`${base}/openapi.json`)).json()).paths;
  const example = (path) => api[path].post.requestBody.content['application/json'].example;
  const ipsQuery = new URLSearchParams({ exchange: 'okx', ips: api['/api/check/ips'].get.parameters.find((p) => p.name === 'ips').example });
  let fresh = 0;
  // A question the server has not answered yet (its answer cache keys on the exact text): the cost of
  // ranking and rendering an answer, and a check that the cache stays bounded under load.
  const uncached = (q) => ({ path: asked(q), setupRequest: (req) => ({ ...req, path: asked({ ...q, q: `${q.q} (${++fresh})` }) }) });
  const some = questions.filter((_, i) => i % 8 === 0); // 6 of the 46, spread over the pages
  return [
    ...['/', '/integration/exchanges/okx/', '/tools/ip-whitelist-checker/', '/setup/on-crypto-exchanges/server-ips/']
      .map((path) => ({ kind: 'HTML page', path })),
    ...['/integration/exchanges/okx.md', '/tools/ip-whitelist-checker.md', '/llms.txt'].map((path) => ({ kind: '.md twin', path })),
    { kind: '.md twin', path: '/integration/exchanges/okx/', headers: { accept: 'text/markdown' } }, // negotiated
    ...some.map((q) => ({ kind: '?ask= (cached)', path: asked(q) })),
    { kind: '?ask= (cached)', path: asked(questions[1]), headers: { accept: 'application/json' } },
    ...[questions[3], questions[30]].map((q) => ({ kind: '?ask= (uncached)', ...uncached(q) })),
    { kind: 'API ips', ...json(example('/api/check/ips')), path: '/api/check/ips' },
    { kind: 'API ips', path: `/api/check/ips?${ipsQuery}` },
    { kind: 'API key', ...json(example('/api/check/key')), path: '/api/check/key' },
    { kind: 'API key', ...keyExample('binance-api-restrictions', 'read-write'), path: '/api/check/key' },
    { kind: 'API key', ...keyExample('bybit-query-api', 'read-trade'), path: '/api/check/key' },
    { kind: 'API addresses', ...json(example('/api/check/addresses')), path: '/api/check/addresses' },
    { kind: 'bad request (400 expected)', method: 'POST', path: '/api/check/ips', headers: { 'content-type': 'application/json' }, body: '{"ips": ', expect: 400 },
    { kind: 'unknown page (404 expected)', path: '/integration/exchanges/no-such-exchange.md', expect: 404 },
    // Every request accepts compression, as browsers and HTTP clients do: the server's compression is part of the cost.
  ].map((r) => ({ method: 'GET', expect: 200, ...r, headers: { 'accept-encoding': 'gzip, deflate, br', ...r.headers } }));
}

const isExpected = (status, expect) => (expect === 200 ? status >= 200 && status < 300 : status === expect);

/** Sends each request of the mix once, one at a time: the mix must be right before it is loaded. */
async function preflight(base, requests) {
  const wrong = [];
  for (const r of requests) {
    const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
    await res.arrayBuffer();
    if (!isExpected(res.status, r.expect)) wrong.push(`${r.method} ${r.path.slice(0, 80)} → ${res.status}, expected ${r.expect}`);
  }
  if (wrong.length) throw new Error(`The load mix is wrong before any load:\n  ${wrong.join('\n  ')}`);
}

/** A memory figure of the server process from /proc (VmRSS: resident now, VmHWM: its peak), in MB; NaN once it has exited. */
function memMb(pid, field = 'VmRSS') {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return NaN;
  }
}
const mb = (n) => (Number.isNaN(n) ? 'gone (the server exited)' : `${n.toFixed(0)} MB`);

export async function loadBench() {
  const { base, child, stop } = await startBuiltServer();
  try {
    const pid = child.pid;
    const rss = { started: memMb(pid) };
    const requests = await mix(base);
    await preflight(base, requests); // also builds the ?ask= index, as the first visitor would
    rss.warm = memMb(pid);

    const byKind = new Map();
    let expected4xx = 0;
    for (const r of requests) {
      const k = byKind.get(r.kind) ?? byKind.set(r.kind, { kind: r.kind, inMix: 0, responses: 0, statuses: {}, unexpected: 0 }).get(r.kind);
      k.inMix++;
      r.onResponse = (status) => {
        k.responses++;
        k.statuses[status] = (k.statuses[status] ?? 0) + 1;
        if (!isExpected(status, r.expect)) k.unexpected++;
        else if (r.expect !== 200) expected4xx++;
      };
    }
    const during = [];
    const sampler = setInterval(() => during.push(memMb(pid)), 1000);
    let result;
    try {
      result = await new Promise((resolve, reject) => {
        autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests }, (err, r) => (err ? reject(err) : resolve(r)));
      });
    } finally {
      clearInterval(sampler);
    }
    rss.after = memMb(pid);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    rss.idle = memMb(pid);
    rss.peak = memMb(pid, 'VmHWM');

    const kinds = [...byKind.values()];
    const total = kinds.reduce((n, k) => n + k.responses, 0);
    const unexpected = kinds.reduce((n, k) => n + k.unexpected, 0);
    console.log(`\nLoad: ${CONNECTIONS} connections for ${SECONDS} s on 127.0.0.1, a mix of ${requests.length} requests sent in turn by every connection (autocannon in this process, the server in its own)`);
    console.table(kinds.map((k) => ({
      kind: k.kind, 'in mix': k.inMix, responses: k.responses, share: `${((k.responses / total) * 100).toFixed(0)} %`,
      statuses: Object.entries(k.statuses).map(([s, n]) => `${s}×${n}`).join(' '), unexpected: k.unexpected,
    })));
    const codes = Object.entries(result.statusCodeStats).map(([s, { count }]) => `${s}×${count}`).join(' ');
    console.log(`  requests/s (average):  ${result.requests.average.toFixed(0)} (${result.requests.total} requests, ${(result.throughput.average / 1e6).toFixed(1)} MB/s)`);
    console.log(`  latency:               p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`  status codes:          ${codes}; non-2xx ${result.non2xx}, of them expected 4xx ${expected4xx}`);
    console.log(`  unexpected responses:  ${unexpected} (goal 0: any 5xx, or another status than expected); errors ${result.errors}, timeouts ${result.timeouts}`);
    const every5 = during.filter((_, i) => (i + 1) % 5 === 0).map((n) => n.toFixed(0));
    console.log(`  server RSS:            started ${mb(rss.started)}, warmed up ${mb(rss.warm)}, after the load ${mb(rss.after)}, after ${IDLE_SECONDS} s idle ${mb(rss.idle)}; peak ${mb(rss.peak)}`);
    if (every5.length) console.log(`  server RSS every 5 s:  ${every5.join(', ')} MB`);
  } finally {
    stop();
  }
}
