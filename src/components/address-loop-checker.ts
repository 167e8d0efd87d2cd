/** Behaviour of <address-loop-checker>: checks and redraws the loop as the user types, with the API's rules. */
import { checkAddressLoopInput, isEmptyLoop, loopReportMarkdown, type LoopContext, type LoopReport } from '../rules/address-loop.ts';
import { loopInputFromText } from '../rules/address-lines.ts';
import { copyText } from './clipboard.ts';
import { touched } from './lazy-widget.ts';
import { el, renderMessage, renderReport } from './report-view.ts';
import { layoutFor, loopDiagram, type SvgElement } from './loop-diagram.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The diagram tree as DOM nodes; text goes in as text, never as markup. */
function toDom(node: SvgElement | string): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const element = document.createElementNS(SVG_NS, node.tag);
  for (const [k, v] of Object.entries(node.attrs)) element.setAttribute(k, String(v));
  element.append(...node.children.map(toDom));
  return element;
}

let instances = 0;

class AddressLoopCheckerElement extends HTMLElement {
  #config!: LoopContext;
  #report: LoopReport | undefined;
  #timer: number | undefined;
  #uid = `alc-diagram-${++instances}`;
  /** The layout the diagram was last drawn in: redrawn when the column's width calls for the other. */
  #layout: string | undefined;

  connectedCallback() {
    this.#config = config;
    const schedule = () => {
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => this.#check(), 0);
    };
    const picks = [...this.querySelectorAll<HTMLInputElement>('[data-pick]')];
    const showPanel = (box: HTMLInputElement) => {
      this.querySelector<HTMLElement>(`[data-panel="${box.value}"]`)!.hidden = !box.checked;
    };
    for (const box of picks) {
      box.addEventListener('change', () => {
        showPanel(box);
        schedule();
      });
    }
    this.addEventListener('input', (event) => {
      if (event.target instanceof HTMLTextAreaElement) schedule();
    });
    this.querySelector('[data-copy-report]')!.addEventListener('click', () => {
      const status = this.querySelector('[data-copy-status]');
      if (!this.#report) {
        if (status) status.textContent = 'Nothing to copy yet: choose your exchanges and paste their addresses first.';
        return;
      }
      void copyText(loopReportMarkdown(this.#report), status, 'Report copied.');
    });
    new ResizeObserver(() => {
      if (this.#report && this.#layout !== this.#layoutNow(this.#report)) this.#draw(this.#report);
    }).observe(this.querySelector('[data-diagram-box]')!.parentElement!);
    // Choices and text made before this code loaded (see lazy-widget.ts).
    picks.forEach(showPanel);
    if (touched(this)) schedule();
  }

  /** The chosen exchanges, in the order of the list, with what was typed for each. */
  /** The loop as typed: undefined while there is nothing to check (no exchange, or not a single line). */
  #run(): LoopReport | undefined {
    const picked = [...this.querySelectorAll<HTMLInputElement>('[data-pick]')].filter((b) => b.checked).map((b) => b.value);
    const value = (selector: string) => this.querySelector<HTMLTextAreaElement>(selector)?.value ?? '';
    const lists = picked.map((id) => ({ exchange: id, deposits: value(`[data-deposits="${id}"]`), whitelist: value(`[data-whitelist="${id}"]`) }));
    const input = loopInputFromText(lists, this.#config.networks);
    if (isEmptyLoop(input)) return undefined;
    return checkAddressLoopInput(input, this.#config);
  }

  #check() {
    const report = (this.#report = this.#run());
    if (!report) {
      renderMessage(this, 'Choose the exchanges you use with XAPY and paste, for each, your deposit addresses and its withdrawal whitelist.');
      this.querySelector('[data-diagrams]')!.replaceChildren();
      this.querySelector<HTMLElement>('[data-diagram-box]')!.hidden = true;
      this.querySelector('[data-edges]')!.replaceChildren();
      this.querySelector<HTMLElement>('[data-edges-box]')!.hidden = true;
      return;
    }
    renderReport(this, report, this.#config.site);
    this.#draw(report);

    this.querySelector('[data-edges]')!.replaceChildren(
      ...report.loop.edges.map((e) => {
        const item = el('li', e.text);
        item.dataset.state = e.state;
        return item;
      }),
    );
    this.querySelector<HTMLElement>('[data-edges-box]')!.hidden = report.loop.edges.length === 0;
  }

  /** The layout that keeps the diagram's labels at their size in the result column's width. */
  #layoutNow(report: LoopReport) {
    const width = this.querySelector<HTMLElement>('[data-result]')!.clientWidth;
    return layoutFor(report.loop.nodes.length, width);
  }

  #draw(report: LoopReport) {
    const edgesId = this.querySelector('[data-edges]')!.id || undefined;
    const assets = report.assets.length ? report.assets : [null];
    const drawn = report.loop.nodes.length > 0;
    const layout = (this.#layout = this.#layoutNow(report));
    const names = new Map(this.#config.networks.map((n) => [n.id, n.aliases[0] ?? n.name]));
    const networkName = (id: string) => names.get(id) ?? id;
    this.querySelector('[data-diagrams]')!.replaceChildren(
      ...(drawn ? assets.map((asset, i) => toDom(loopDiagram(report.loop, asset, `${this.#uid}-${i}`, edgesId, { layout, networkName }))) : []),
    );
    this.querySelector<HTMLElement>('[data-diagram-box]')!.hidden = !drawn;
  }
}

let config: LoopContext;

/** Defines <address-loop-checker> once lazy-widget.ts has loaded this code and the facts it works with. */
export function define(facts: LoopContext): void {
  config = facts;
  customElements.define('address-loop-checker', AddressLoopCheckerElement);
}
