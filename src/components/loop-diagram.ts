/**
 * The loop as an SVG picture: exchanges on a ring, one arrow per whitelisted (or missing)
 * withdrawal path. Each state has its own line pattern and a mark in the middle of the arrow,
 * so the picture does not depend on colour. Pure: builds a small element tree that the server
 * prints as markup (toMarkup) and the widget turns into DOM nodes (text always as text).
 */
import type { EdgeState, LoopEdge, LoopNode } from '../rules/address-loop.ts';

export interface SvgElement {
  tag: string;
  attrs: Record<string, string | number>;
  children: (SvgElement | string)[];
}

const h = (tag: string, attrs: SvgElement['attrs'] = {}, ...children: (SvgElement | string)[]): SvgElement => ({ tag, attrs, children });

/**
 * The mark in the middle of an arrow. The tick and the cross are drawn as lines, not typed as the
 * characters ✓ and ✕. Noto Sans, the system font of many Linux machines, has neither: the browser
 * then looks through ten other font families for them (about 10 ms of the loop checker's first
 * layout in the bench's Chromium), and the glyph it finds differs from one device to the next.
 */
export type EdgeMark = 'tick' | 'cross' | 'bang';

/** Line pattern and middle mark of each state, described in the legend. */
export const edgeStyle: Record<EdgeState, { dash: string; mark: EdgeMark; width: number; legend: string }> = {
  ok: { dash: '', mark: 'tick', width: 2, legend: 'solid line with a tick: whitelisted' },
  broken: { dash: '2 4', mark: 'bang', width: 2.5, legend: 'dotted line with !: whitelisted, but the entry is wrong' },
  missing: { dash: '5 7', mark: 'cross', width: 1.5, legend: 'short dashes with a cross: missing, nothing whitelisted' },
  outside: { dash: '9 3 2 3', mark: 'bang', width: 3, legend: 'thick dash-dot line with !, to the dashed box: an address outside the loop' },
};

/** The mark drawn centred on (x, y), inside a circle of radius 7-8. */
function markAt(mark: EdgeMark, x: number, y: number, fontSize: number): SvgElement {
  const at = (dx: number, dy: number) => `${r(x + dx)},${r(y + dy)}`;
  if (mark === 'bang') return h('text', { x: r(x), y: r(y), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': fontSize, 'aria-hidden': 'true', 'data-mark': mark }, '!');
  return mark === 'tick'
    ? h('polyline', { points: `${at(-3.5, 0)} ${at(-1, 2.5)} ${at(3.5, -2.5)}`, class: 'xapy-edge-glyph', 'aria-hidden': 'true', 'data-mark': mark })
    : h('g', { class: 'xapy-edge-glyph', 'aria-hidden': 'true', 'data-mark': mark },
      h('line', { x1: r(x - 3), y1: r(y - 3), x2: r(x + 3), y2: r(y + 3) }),
      h('line', { x1: r(x - 3), y1: r(y + 3), x2: r(x + 3), y2: r(y - 3) }));
}

const NODE_W = 132;
const NODE_H = 36;
/** Font sizes in pixels: the picture is drawn at its own size (never scaled down), so these are what the reader sees. */
const NODE_FONT = 14;
const LABEL_FONT = 12;

/**
 * "ring": exchanges on a ring, for a wide column. "stack": exchanges one above the other, arrows
 * down on the right and up on the left, for a phone; 300 px wide, so that nothing is scaled down.
 */
export type DiagramLayout = 'ring' | 'stack';

const STACK_W = 296;
const STACK_NODE_W = 112;
const STACK_STEP = 96;
const STACK_TOP = 20;
/** The widest bulge of a stacked arrow: its label still fits beside it, inside the picture. */
const STACK_BULGE = 64;

/** A smaller canvas for fewer boxes. */
export const canvas = (count: number, layout: DiagramLayout = 'ring') =>
  layout === 'stack'
    ? { W: STACK_W, H: STACK_TOP * 2 + NODE_H + Math.max(0, count - 1) * STACK_STEP }
    : count <= 3 ? { W: 460, H: 300 } : count <= 5 ? { W: 560, H: 340 } : { W: 640, H: 380 };

/** The layout that keeps every label at its size in a column this wide (px). */
export function layoutFor(count: number, width: number): DiagramLayout {
  return width >= canvas(count, 'ring').W ? 'ring' : 'stack';
}

function positions(count: number, layout: DiagramLayout): { x: number; y: number }[] {
  if (layout === 'stack') return Array.from({ length: count }, (_, i) => ({ x: STACK_W / 2, y: STACK_TOP + NODE_H / 2 + i * STACK_STEP }));
  const { W, H } = canvas(count);
  const cx = W / 2;
  const cy = H / 2;
  if (count === 1) return [{ x: cx, y: cy }];
  const start = count === 2 ? Math.PI : -Math.PI / 2;
  return Array.from({ length: count }, (_, i) => {
    const a = start + (i * 2 * Math.PI) / count;
    return { x: cx + Math.cos(a) * (W / 2 - NODE_W / 2 - 12), y: cy + Math.sin(a) * (H / 2 - NODE_H / 2 - 14) };
  });
}

/** Where a line from a node's centre towards (tx, ty) leaves the node's box. */
function exit(c: { x: number; y: number }, tx: number, ty: number, nodeW = NODE_W): { x: number; y: number } {
  const dx = tx - c.x;
  const dy = ty - c.y;
  const hw = nodeW / 2 + 4;
  const hh = NODE_H / 2 + 4;
  const t = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy), 1);
  return { x: c.x + dx * t, y: c.y + dy * t };
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The arrow's label: the asset and the network it moves on ("USDT · TRC20"). */
function edgeLabel(edge: LoopEdge, networkName: (id: string) => string): string {
  return [edge.asset, edge.network ? networkName(edge.network) : null].filter(Boolean).join(' · ');
}

function arrow(edge: LoopEdge, from: { x: number; y: number }, to: { x: number; y: number }, layout: DiagramLayout, label: string, center?: { x: number; y: number }): SvgElement {
  const style = edgeStyle[edge.state];
  let s: { x: number; y: number };
  let e: { x: number; y: number };
  let cx: number;
  let cy: number;
  if (layout === 'stack') {
    // Downward arrows bulge to the right, upward ones to the left, wider for longer spans: a pair never overlaps.
    const down = to.y > from.y;
    const side = down ? 1 : -1;
    const span = Math.max(1, Math.round(Math.abs(to.y - from.y) / STACK_STEP));
    const edgeX = from.x + side * (STACK_NODE_W / 2 + 4);
    s = { x: edgeX, y: from.y };
    e = { x: edgeX, y: to.y };
    cx = edgeX + side * Math.min(24 + 20 * span, STACK_BULGE);
    cy = (from.y + to.y) / 2;
  } else {
    // Bend each arrow to its right, so A→B and B→A do not overlap.
    const mx = (from.x + to.x) / 2;
    const my = (from.y + to.y) / 2;
    const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    const bend = 30;
    cx = mx + ((to.y - from.y) / len) * bend;
    cy = my - ((to.x - from.x) / len) * bend;
    s = exit(from, cx, cy);
    e = exit(to, cx, cy);
  }
  // Arrowhead along the curve's end tangent (from the control point to the end).
  const tl = Math.hypot(e.x - cx, e.y - cy) || 1;
  const ux = (e.x - cx) / tl;
  const uy = (e.y - cy) / tl;
  const head = [
    [e.x, e.y],
    [e.x - ux * 10 - uy * 5, e.y - uy * 10 + ux * 5],
    [e.x - ux * 10 + uy * 5, e.y - uy * 10 - ux * 5],
  ].map(([x, y]) => `${r(x!)},${r(y!)}`).join(' ');
  // A point on the curve carries the state's mark: the middle, or near the end for an arrow that
  // leaves the loop, so that it does not sit on the crossing of the arrows between exchanges.
  const t = edge.state === 'outside' ? 0.75 : 0.5;
  const px = (1 - t) ** 2 * s.x + 2 * t * (1 - t) * cx + t ** 2 * e.x;
  const py = (1 - t) ** 2 * s.y + 2 * t * (1 - t) * cy + t ** 2 * e.y;
  // The label sits beside the mark, on the side the arrow bends to: one line on the ring, and on
  // the stack two lines (asset, network) that fit between the arrow and the picture's edge.
  const nx = px - (s.x + e.x) / 2;
  const ny = py - (s.y + e.y) / 2;
  const nl = Math.hypot(nx, ny) || 1;
  const lines = layout === 'stack' ? label.split(' · ') : [label];
  const right = nx >= 0;
  // On the ring the label goes outward from the mark, on the arrow's outer side: beside it where the
  // arrow runs up or down, above or below it where the arrow runs across.
  // (On the ring, "outward" is away from the ring's centre, so the labels of a pair never meet in the middle.)
  const ring = center ? Math.hypot(px - center.x, py - center.y) || 1 : 1;
  const ox = center ? (px - center.x) / ring : nx / nl;
  const oy = center ? (py - center.y) / ring : ny / nl;
  const across = Math.abs(ox) < 0.5;
  const lx = layout === 'stack' ? px + (right ? 12 : -12) : px + ox * 12;
  const ly = layout === 'stack' ? py - ((lines.length - 1) * (LABEL_FONT + 2)) / 2 : py + oy * 12 + (across ? Math.sign(oy || 1) * 6 : 0);
  const anchor = layout === 'stack' ? (right ? 'start' : 'end') : across ? 'middle' : ox > 0 ? 'start' : 'end';
  const labelText = label
    ? [h('text', { x: r(lx), y: r(ly), 'text-anchor': anchor, 'dominant-baseline': 'central', 'font-size': LABEL_FONT, class: 'xapy-edge-label', 'aria-hidden': 'true' },
      ...lines.map((line, i) => (lines.length === 1 ? line : h('tspan', { x: r(lx), dy: i === 0 ? 0 : LABEL_FONT + 2 }, line))))]
    : [];
  return h('g', { class: `xapy-edge xapy-edge-${edge.state}`, 'data-state': edge.state, 'data-from': edge.from, 'data-to': edge.to },
    h('title', {}, edge.text),
    h('path', { d: `M${r(s.x)},${r(s.y)} Q${r(cx)},${r(cy)} ${r(e.x)},${r(e.y)}`, fill: 'none', stroke: 'currentColor', 'stroke-width': style.width, ...(style.dash ? { 'stroke-dasharray': style.dash } : {}) }),
    h('polygon', { points: head, fill: 'currentColor' }),
    h('circle', { cx: r(px), cy: r(py), r: 8, class: 'xapy-edge-mark' }),
    markAt(style.mark, px, py, 11),
    ...labelText,
  );
}

/**
 * One diagram for one asset: the edges for that asset, plus any edge that leads outside the loop.
 * `id` must be unique in the page; `describedBy` names the element with the text equivalent.
 */
export function loopDiagram(
  loop: { nodes: LoopNode[]; edges: LoopEdge[] }, asset: string | null, id: string, describedBy?: string,
  { layout = 'ring', networkName = (n: string) => n }: { layout?: DiagramLayout; networkName?: (id: string) => string } = {},
): SvgElement {
  const { W, H } = canvas(loop.nodes.length, layout);
  const nodeW = layout === 'stack' ? STACK_NODE_W : NODE_W;
  const at = new Map(positions(loop.nodes.length, layout).map((p, i) => [loop.nodes[i]!.id, p]));
  const edges = loop.edges.filter((e) => e.asset === asset || e.asset === null || asset === null);
  const title = asset ? `The loop for ${asset}` : 'The loop';
  return h('svg', {
    viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', class: `xapy-loop-diagram xapy-loop-${layout}`, 'aria-labelledby': `${id}-title`,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    'data-asset': asset ?? 'all',
  },
  h('title', { id: `${id}-title` }, `${title}: ${loop.nodes.filter((n) => n.kind === 'exchange').map((n) => n.name).join(', ')}`),
  ...edges.flatMap((e) => {
    const from = at.get(e.from);
    const to = at.get(e.to);
    return from && to ? [arrow(e, from, to, layout, edgeLabel(e, networkName), layout === 'ring' ? { x: W / 2, y: H / 2 } : undefined)] : [];
  }),
  ...loop.nodes.map((n) => {
    const p = at.get(n.id)!;
    return h('g', { class: `xapy-node xapy-node-${n.kind}`, 'data-node': n.id },
      h('rect', { x: r(p.x - nodeW / 2), y: r(p.y - NODE_H / 2), width: nodeW, height: NODE_H, rx: 6, ...(n.kind === 'outside' ? { 'stroke-dasharray': '6 4' } : {}) }),
      h('text', { x: r(p.x), y: r(p.y), 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': layout === 'stack' ? NODE_FONT - 1 : NODE_FONT }, n.name),
    );
  }));
}

/** A short sample of one state's line, for the legend. */
export function legendSample(state: EdgeState): SvgElement {
  const style = edgeStyle[state];
  return h('svg', { viewBox: '0 0 56 16', width: 56, height: 16, 'aria-hidden': 'true', class: `xapy-edge xapy-edge-${state}` },
    h('line', { x1: 2, y1: 8, x2: 48, y2: 8, stroke: 'currentColor', 'stroke-width': style.width, ...(style.dash ? { 'stroke-dasharray': style.dash } : {}) }),
    h('polygon', { points: '54,8 46,4 46,12', fill: 'currentColor' }),
    h('circle', { cx: 25, cy: 8, r: 7, class: 'xapy-edge-mark' }),
    markAt(style.mark, 25, 8, 10),
  );
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The tree as SVG markup, every text and attribute escaped. */
export function toMarkup(node: SvgElement | string): string {
  if (typeof node === 'string') return escape(node);
  const attrs = Object.entries(node.attrs).map(([k, v]) => ` ${k}="${escape(String(v))}"`).join('');
  const ns = node.tag === 'svg' ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  return `<${node.tag}${ns}${attrs}>${node.children.map(toMarkup).join('')}</${node.tag}>`;
}

/** The picture the guide explains: three exchanges, each withdrawing only to the other two. */
export function closedLoopExample(): { nodes: LoopNode[]; edges: LoopEdge[] } {
  const names = ['Exchange A', 'Exchange B', 'Exchange C'];
  const nodes: LoopNode[] = names.map((name) => ({ id: name.slice(-1).toLowerCase(), name, kind: 'exchange' }));
  const edges: LoopEdge[] = nodes.flatMap((from) => nodes.filter((to) => to !== from).map((to) => ({
    from: from.id, to: to.id, asset: 'USDT' as const, network: null, state: 'ok' as const,
    text: `${from.name} → ${to.name}: withdraws only to your deposit address on ${to.name.slice(-1)}`,
  })));
  return { nodes, edges };
}
