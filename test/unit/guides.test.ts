/**
 * The exchange guides take their facts from the data: a guide never types by hand a number its
 * exchange's data file holds, and every supported exchange has a guide and key data.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { exchanges } from '../../src/data/index.ts';
import { keySteps, permissionRows } from '../../src/data/describe.ts';

const guideFile = (id: string) => `src/content/docs/integration/exchanges/${id}.mdx`;

/** The numbers an exchange's data holds that a reader could otherwise find typed into prose. */
function numbersIn(ex: (typeof exchanges)[number]): number[] {
  const out: number[] = [];
  const { maxPerKey, withoutIp } = ex.ip;
  if (typeof maxPerKey.value === 'number') out.push(maxPerKey.value);
  if (withoutIp.value !== 'unknown' && withoutIp.value.days) out.push(withoutIp.value.days);
  return out;
}

describe.each(exchanges.map((e) => [e.name, e] as const))('%s guide', (_name, ex) => {
  it('exists and has key data', () => {
    expect(existsSync(guideFile(ex.id))).toBe(true);
    expect(ex.key).toBeDefined();
  });

  it('does not type by hand a number its data holds', () => {
    const prose = readFileSync(guideFile(ex.id), 'utf8').replace(/^---[\s\S]*?---/, '');
    for (const n of numbersIn(ex)) expect(prose).not.toMatch(new RegExp(`(?<![\\d.])${n}(?![\\d.])`));
  });

  it('tells the reader to tick at least one box at each level, and more for Read-Write than for Read + Trade', () => {
    const ticks = (level: 'readTrade' | 'readWrite') => permissionRows(ex, level).filter((p) => p.rule === 'tick').length;
    expect(ticks('readTrade')).toBeGreaterThan(0);
    expect(ticks('readWrite')).toBeGreaterThan(ticks('readTrade'));
  });

  it('never asks for spot, margin or options trading at either level', () => {
    for (const level of ['readTrade', 'readWrite'] as const) {
      for (const p of permissionRows(ex, level)) {
        const onlyUnneeded = p.capabilities.every((c) => ['spot-trade', 'margin', 'options', 'earn', 'p2p', 'copy-trading'].includes(c));
        if (onlyUnneeded) expect(p.rule, `${ex.id}: ${p.label}`).not.toBe('tick');
      }
    }
  });

  it('gives steps that name the boxes to tick, and the passphrase only where the exchange has one', () => {
    const steps = keySteps(ex).join('\n');
    for (const p of permissionRows(ex, 'readTrade').filter((x) => x.rule === 'tick')) expect(steps).toContain(`“${p.label}”`);
    const passphrase = ex.key?.passphrase.value === true;
    expect(/passphrase/i.test(steps)).toBe(passphrase);
  });
});

describe('the withdrawal-whitelist guide', () => {
  it('does not type by hand a number the withdrawal data holds', () => {
    const prose = readFileSync('src/content/docs/setup/on-crypto-exchanges/whitelist-address.mdx', 'utf8').replace(/^---[\s\S]*?---/, '');
    const hours = exchanges.flatMap((ex) => {
      const delay = ex.withdrawal?.newAddressDelay.value;
      return delay && delay !== 'unknown' ? [delay.hours] : [];
    });
    expect(hours.length).toBeGreaterThan(0);
    for (const n of hours) expect(prose).not.toMatch(new RegExp(`(?<![\\d.])${n}(?![\\d.])`));
  });
});
