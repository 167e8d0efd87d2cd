/**
 * An exchange's key form as a schematic: its boxes in the form's own order and groups, which to
 * tick at one of XAPY's levels, and the IP field filled with XAPY's servers in the exchange's
 * format. Read from the same permission data as the guide's table and the key checker, so the
 * picture, the table and the verdict cannot disagree. Pure: no Astro, no DOM.
 */
import type { Exchange, Servers } from './schema.ts';
import { type Level, levels, tickText } from './describe.ts';
import { ipFactsOf } from '../rules/ip-check.ts';
import { howToEnter, serverFormats } from '../rules/server-format.ts';

type Rule = keyof typeof tickText;

export interface FormBox { label: string; rule: Rule }
export interface FormGroup { name?: string; boxes: FormBox[] }
export interface KeyFormView {
  exchange: string;
  level: Level;
  levelLabel: string;
  /** Boxes in the order the form shows them; consecutive boxes of one group share an entry. */
  groups: FormGroup[];
  /** The form asks for a passphrase the user chooses. */
  passphrase: boolean;
  ip: { text: string; howToEnter: string; count: number };
}

export function keyFormView(ex: Exchange, level: Level, servers: Pick<Servers, 'servers'>): KeyFormView {
  const list = ex.key?.permissions.value;
  const boxes = !list || list === 'unknown' ? [] : list;
  const groups: FormGroup[] = [];
  for (const p of boxes) {
    const last = groups.at(-1);
    const box = { label: p.label, rule: p[level] };
    if (last && last.name === p.group) last.boxes.push(box);
    else groups.push({ ...(p.group ? { name: p.group } : {}), boxes: [box] });
  }
  const format = serverFormats(servers, [ipFactsOf(ex)])[0]!;
  return {
    exchange: ex.name,
    level,
    levelLabel: levels.find((l) => l.id === level)!.label,
    groups,
    passphrase: ex.key?.passphrase.value === true,
    ip: {
      text: format.text,
      howToEnter: format.separator === 'unknown'
        ? `one per line (${ex.name} does not document the format; if the form refuses them, add them one at a time)`
        : howToEnter(format.separator),
      count: servers.servers.length,
    },
  };
}

const boxName = (g: FormGroup, b: FormBox) => (g.name ? `${g.name}: ${b.label}` : b.label);

/** The labels of the boxes with one rule, in form order. */
export function boxesWith(view: KeyFormView, rule: Rule): string[] {
  return view.groups.flatMap((g) => g.boxes.filter((b) => b.rule === rule).map((b) => boxName(g, b)));
}

const joinAnd = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);

/** The picture in one sentence: its text equivalent for screen readers. */
export function keyFormSummary(view: KeyFormView): string {
  const tick = boxesWith(view, 'tick');
  const either = boxesWith(view, 'either');
  return [
    `Sketch of ${view.exchange}’s key form for ${view.levelLabel}: tick ${joinAnd(tick)}`,
    either.length ? `; ${joinAnd(either)} can be either way` : '',
    '; leave every other box off',
    `; enter XAPY’s ${view.ip.count} server addresses in the IP restriction, ${view.ip.howToEnter}.`,
  ].join('');
}
