/**
 * The verdict policy (README "Verdict policy"; each checker page), held for every exchange and
 * both modes with properties generated from the site's own data: the guide's Tick boxes and
 * XAPY's servers pass; a missing Tick box fails; a Leave-off box that is on never passes; the
 * exact server list passes in every format an exchange accepts; a pasted secret fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exchangeIds, exchanges, getExchange } from '../../src/data/index.ts';
import { checkIps, ipFactsAmong } from '../../src/rules/ip-check.ts';
import { checkKeyForm, checkKeyMetadata, modes, tickedFromLabels, type Mode } from '../../src/rules/key-check.ts';
import { boxLabel, type PermissionBox } from '../../src/rules/profile.ts';
import { serverFormats } from '../../src/rules/server-format.ts';
import { keyCtx, SERVERS, testServers } from '../helpers/key-fixtures.ts';
import { writers } from '../helpers/key-writers.ts';

const ruleOf = (b: PermissionBox, mode: Mode) => (mode === 'read-trade' ? b.readTrade : b.readWrite);
const cases = exchangeIds.flatMap((ex) => modes.map((mode) => [ex, mode] as const));

function form(ex: string, mode: Mode, ticked: boolean[], ips = SERVERS.join('\n')) {
  const r = checkKeyForm({ mode, ticked, ips, addressWhitelistConfirmed: true }, keyCtx(ex));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

describe.each(cases)('%s, %s: the guide’s own table decides', (ex, mode) => {
  const boxes = keyCtx(ex).exchange.permissions!;
  const tick = boxes.map((b) => ruleOf(b, mode) === 'tick');
  const tickIdx = tick.flatMap((t, i) => (t ? [i] : []));
  const leaveOffIdx = boxes.flatMap((b, i) => (ruleOf(b, mode) === 'leave-off' ? [i] : []));
  const eitherIdx = boxes.flatMap((b, i) => (ruleOf(b, mode) === 'either' ? [i] : []));

  it('the Tick boxes, any Either boxes and XAPY’s servers pass', () => {
    expect(form(ex, mode, tick).verdict).toBe('pass');
    fc.assert(fc.property(fc.subarray(eitherIdx), (either) => {
      const ticked = tick.map((t, i) => t || either.includes(i));
      expect(form(ex, mode, ticked).verdict).toBe('pass');
    }), { numRuns: 30 });
  });

  it('without any one Tick box the key fails, and the finding names that box', () => {
    for (const i of tickIdx) {
      const r = form(ex, mode, tick.map((t, j) => t && j !== i));
      expect(r.verdict).toBe('fail');
      expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.message} ${f.fix}`).join(' ')).toContain(boxLabel(boxes[i]!));
    }
  });

  it('any Leave-off box that is on never passes, and gives the guide’s reason', () => {
    if (leaveOffIdx.length === 0) return;
    fc.assert(fc.property(fc.subarray(leaveOffIdx, { minLength: 1 }), (extra) => {
      const r = form(ex, mode, tick.map((t, i) => t || extra.includes(i)));
      expect(r.verdict).not.toBe('pass');
      for (const i of extra) {
        const f = r.findings.find((x) => x.message.startsWith(`“${boxLabel(boxes[i]!)}” is on`));
        expect(f, boxLabel(boxes[i]!)).toBeDefined();
        expect(f!.severity).toBe(boxes[i]!.whenOn);
      }
    }), { numRuns: 40 });
  });

  it('the same boxes named by the exchange’s labels give the same ticks', () => {
    const labels = boxes.filter((_, i) => tick[i]).map(boxLabel);
    expect(tickedFromLabels(labels, keyCtx(ex).exchange)).toEqual({ ticked: tick });
  });
});

describe.each(cases)('%s, %s: the same table decides for metadata in the exchange’s own format', (ex, mode) => {
  const boxes = keyCtx(ex).exchange.permissions!;
  const rule = (b: PermissionBox) => ruleOf(b, mode);
  const tick = boxes.filter((b) => rule(b) === 'tick');
  const leaveOff = boxes.filter((b) => rule(b) === 'leave-off');
  function check(on: readonly PermissionBox[]) {
    const { metadata, ips } = writers[ex]!(on, boxes, SERVERS);
    const r = checkKeyMetadata({ exchange: ex, mode, metadata, ips, addressWhitelistConfirmed: true }, keyCtx(ex));
    if (!r.ok) throw new Error(r.error);
    return r.report;
  }

  it('the Tick boxes and XAPY’s servers pass', () => {
    const r = check(tick);
    expect(r.verdict, JSON.stringify(r.findings)).toBe('pass');
  });
  it('without any one Tick box the key fails', () => {
    for (const gone of tick) expect(check(tick.filter((b) => b !== gone)).verdict, boxLabel(gone)).toBe('fail');
  });
  it('any Leave-off box that is on never passes', () => {
    if (leaveOff.length === 0) return;
    fc.assert(fc.property(fc.subarray(leaveOff, { minLength: 1 }), (extra) => {
      expect(check([...tick, ...extra]).verdict).not.toBe('pass');
    }), { numRuns: 30 });
  });
});

describe('Binance: a key that merely overlaps the Tick boxes fails', () => {
  const boxes = keyCtx('binance').exchange.permissions!;
  const only = (...labels: string[]) => boxes.map((b) => labels.includes(b.label));
  it.each(modes)('Portfolio Margin and FIX Read Only, bound to XAPY (%s): fail, and the fix names Enable Reading and Enable Futures only', (mode) => {
    const r = form('binance', mode, only('Enable Portfolio Margin Trading', 'Enable FIX API Read Only'));
    expect(r.verdict).toBe('fail');
    const fixes = r.findings.map((f) => f.fix ?? '').join(' ');
    expect(fixes).toContain('Tick “Enable Futures”');
    expect(fixes).toContain('Tick “Enable Reading”');
    expect(fixes).not.toMatch(/Tick[^.]*Portfolio/);
  });
  it('the same key as metadata fails too', () => {
    const metadata = { ipRestrict: true, enableReading: false, enableFutures: false, enablePortfolioMarginTrading: true, enableFixReadOnly: true, enableFixApiTrade: false, createTime: 1_700_000_000_000 };
    const r = checkKeyMetadata({ exchange: 'binance', mode: 'read-trade', metadata, ips: SERVERS.join(',') }, keyCtx('binance'));
    expect(r.ok && r.report.verdict).toBe('fail');
  });
});

describe('the exact server list passes on every exchange, in every format it accepts', () => {
  it.each(exchangeIds)('%s', (id) => {
    const facts = ipFactsAmong(getExchange(id)!, exchanges);
    const ctx = { servers: testServers, exchange: facts, site: 'https://docs.example' };
    const formatted = serverFormats(testServers, [facts])[0]!.text;
    for (const text of [formatted, SERVERS.join('\n'), SERVERS.join(', '), JSON.stringify(SERVERS), SERVERS.join(' ')]) {
      const r = checkIps(text, ctx);
      expect(r.verdict, `${id}: ${text}\n${JSON.stringify(r.findings)}`).toBe('pass');
    }
  });
});

describe('a pasted secret fails, wherever it is pasted', () => {
  const secret = 'Xq7vT2mK9pL4wN8rB3yZ6cF1hJ5dG0sA';
  const exposed = /treat this key as exposed: delete it on the exchange and create a new one/;
  it.each(exchangeIds)('%s: as the metadata, in the IP field of either path', (ex) => {
    const bare = checkKeyMetadata({ exchange: ex, mode: 'read-trade', metadata: secret }, keyCtx(ex));
    const pem = checkKeyMetadata({ exchange: ex, mode: 'read-trade', metadata: `-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI${secret}\n-----END PRIVATE KEY-----` }, keyCtx(ex));
    const tick = keyCtx(ex).exchange.permissions!.map((b) => b.readTrade === 'tick');
    const onForm = checkKeyForm({ mode: 'read-trade', ticked: tick, ips: `${SERVERS.join('\n')}\n${secret}` }, keyCtx(ex));
    for (const r of [bare, pem, onForm]) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.report.verdict).toBe('fail');
      expect(r.report.findings.filter((f) => f.id === 'secret-pasted')).toHaveLength(1);
      expect(r.report.findings[0]!.message).toMatch(exposed);
      expect(JSON.stringify(r)).not.toContain(secret.slice(0, 12));
    }
  });
  it('in the IP checker', () => {
    const r = checkIps(`${SERVERS.join('\n')}\n${secret}`, { servers: testServers, exchange: null, site: 'https://docs.example' });
    expect(r.verdict).toBe('fail');
    expect(r.findings.map((f) => f.id)).toEqual(['secret-pasted']);
    expect(r.findings[0]!.message).toMatch(exposed);
    expect(JSON.stringify(r)).not.toContain(secret.slice(0, 12));
  });
});
