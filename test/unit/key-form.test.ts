/**
 * The key form sketch says what the permission table and the key checker say: the same boxes in
 * the form's order, the same ones to tick, and XAPY's servers in the exchange's own format.
 */
import { describe, expect, it } from 'vitest';
import { exchanges, servers } from '../../src/data/index.ts';
import { levels, permissionRows } from '../../src/data/describe.ts';
import { boxesWith, keyFormSummary, keyFormView } from '../../src/data/key-form.ts';
import { ipFactsOf } from '../../src/rules/ip-check.ts';
import { serverFormats } from '../../src/rules/server-format.ts';

const withForms = exchanges.filter((ex) => Array.isArray(ex.key?.permissions.value));

describe.each(withForms.map((ex) => [ex.id, ex] as const))('the %s key form sketch', (_id, ex) => {
  const boxes = ex.key!.permissions.value as Exclude<typeof ex.key.permissions.value, 'unknown'>;

  it.each(levels.map((l) => [l.label, l.id] as const))('at %s ticks exactly the boxes the table marks Tick', (_label, level) => {
    const view = keyFormView(ex, level, servers);
    const fromTable = permissionRows(ex, level).filter((r) => r.rule === 'tick').map((r) => (r.group ? `${r.group}: ${r.label}` : r.label));
    expect(boxesWith(view, 'tick').sort()).toEqual(fromTable.sort());
    expect(boxesWith(view, 'tick').length).toBeGreaterThan(0);
  });

  it('shows every box once, in the form’s order, with consecutive boxes of a group together', () => {
    const view = keyFormView(ex, 'readTrade', servers);
    expect(view.groups.flatMap((g) => g.boxes.map((b) => [g.name, b.label]))).toEqual(boxes.map((b) => [b.group, b.label]));
    expect(view.groups.every((g, i) => i === 0 || g.name !== view.groups[i - 1]!.name)).toBe(true);
  });

  it('fills the IP field with XAPY’s servers exactly as the copy button gives them', () => {
    const view = keyFormView(ex, 'readWrite', servers);
    expect(view.ip.text).toBe(serverFormats(servers, [ipFactsOf(ex)])[0]!.text);
    for (const s of servers.servers) expect(view.ip.text).toContain(s.address);
  });

  it('has a one-sentence text equivalent naming every box to tick', () => {
    for (const level of levels) {
      const view = keyFormView(ex, level.id, servers);
      const summary = keyFormSummary(view);
      expect(summary).toContain(level.label);
      for (const label of boxesWith(view, 'tick')) expect(summary).toContain(label);
      expect(summary).toContain(`${servers.servers.length} server addresses`);
    }
  });
});
