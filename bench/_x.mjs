import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { CHROME_FLAGS, chromiumPath } from './page-weight.mjs';
import { startBuiltServer } from './site-server.mjs';
const { base, stop } = await startBuiltServer();
const paths = ['/', '/help/faq/', '/help/security/', '/help/troubleshooting/', '/integration/exchanges/', '/integration/exchanges/binance/', '/integration/exchanges/okx/', '/integration/exchanges/bybit/', '/integration/exchanges/gate/', '/integration/generate-api-key/', '/introduction/readme/', '/setup/on-crypto-exchanges/server-ips/', '/tools/api-key-checker/', '/tools/ip-whitelist-checker/', '/tools/address-loop-checker/'];
const hz = 100;
function treeCpu(rootPid) {
  // sum utime+stime of all live descendants (and root)
  const kids = new Map();
  const cpu = new Map();
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const st = readFileSync(`/proc/${p}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(f[1]);
      cpu.set(Number(p), Number(f[11]) + Number(f[12]));
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(p));
    } catch {}
  }
  let sum = 0; const stack = [rootPid];
  while (stack.length) { const p = stack.pop(); sum += cpu.get(p) ?? 0; stack.push(...(kids.get(p) ?? [])); }
  return sum / hz;
}
const variants = JSON.parse(process.argv[2]);
for (const [name, extra] of Object.entries(variants)) {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROME_FLAGS, ...extra] });
  // find browser pid: child of this process whose cmdline has chromium
  const me = process.pid;
  const pid = Number(readdirSync('/proc').filter((p) => /^\d+$/.test(p)).find((p) => { try { const st = readFileSync(`/proc/${p}/stat`, 'utf8'); return Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]) === me && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('chrom'); } catch { return false; } }));
  let maxCpu = 0;
  const timer = setInterval(() => { maxCpu = Math.max(maxCpu, treeCpu(pid)); }, 200);
  const t0 = performance.now();
  for (let round = 0; round < 2; round++) {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    for (const p of paths) { await page.goto(base + p, { waitUntil: 'load' }); await page.waitForTimeout(100); }
    await ctx.close();
  }
  maxCpu = Math.max(maxCpu, treeCpu(pid));
  clearInterval(timer);
  console.log(name.padEnd(20), 'chromium CPU', maxCpu.toFixed(1), 's; wall', Math.round(performance.now() - t0), 'ms');
  await browser.close();
}
stop();
