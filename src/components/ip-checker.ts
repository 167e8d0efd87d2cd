/** Behaviour of <ip-checker>: checks as the user types, with the same rules as the API. */
import { checkIps, type ExchangeIpFacts, type IpReport } from '../rules/ip-check.ts';
import { reportToMarkdown, severityLabel, verdictLabel } from '../rules/report.ts';
import type { Servers } from '../data/schema.ts';
import { copyText } from './clipboard.ts';

interface Config {
  site: string;
  servers: Pick<Servers, 'status' | 'servers'>;
  exchanges: ExchangeIpFacts[];
}

const kindLabel: Record<string, string> = {
  ipv4: 'IPv4 address', ipv6: 'IPv6 address', 'ipv4-range': 'IPv4 range', 'ipv6-range': 'IPv6 range',
  any: 'any address', invalid: 'not valid',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text; // always text: pasted content is never parsed as HTML
  if (className) node.className = className;
  return node;
}

class IpCheckerElement extends HTMLElement {
  #config!: Config;
  #report: IpReport | undefined;
  #timer: number | undefined;
  #announceTimer: number | undefined;

  connectedCallback() {
    this.#config = JSON.parse(this.dataset.config ?? '{}') as Config;
    const ips = this.querySelector<HTMLTextAreaElement>('[data-ips]')!;
    const exchange = this.querySelector<HTMLSelectElement>('[data-exchange]')!;
    const schedule = () => {
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => this.#check(), ips.value.length > 20_000 ? 150 : 0);
    };
    ips.addEventListener('input', schedule);
    exchange.addEventListener('change', () => {
      if (this.#report) this.#check();
    });
    this.querySelector('[data-copy-formatted]')!.addEventListener('click', () => {
      const ex = this.#exchange();
      const text = this.#report?.formatted ?? checkIps('', this.#context(ex)).formatted;
      void copyText(text, this.querySelector('[data-copy-status]'), 'Corrected list copied.');
    });
    this.querySelector('[data-copy-report]')!.addEventListener('click', () => {
      const report = this.#report ?? this.#run();
      void copyText(this.#markdown(report), this.querySelector('[data-copy-status]'), 'Report copied.');
    });
  }

  #exchange(): ExchangeIpFacts | null {
    const id = this.querySelector<HTMLSelectElement>('[data-exchange]')!.value;
    return this.#config.exchanges.find((e) => e.id === id) ?? null;
  }

  #context(exchange: ExchangeIpFacts | null) {
    return { servers: this.#config.servers, exchange, site: this.#config.site };
  }

  #run(): IpReport {
    return checkIps(this.querySelector<HTMLTextAreaElement>('[data-ips]')!.value, this.#context(this.#exchange()));
  }

  #markdown(report: IpReport): string {
    const ex = this.#exchange();
    return reportToMarkdown('IP whitelist check', report, [
      `**Exchange:** ${ex ? ex.name : 'any exchange'} · **Entries:** ${report.entries.length}`,
    ]);
  }

  #check() {
    const report = (this.#report = this.#run());
    const verdict = this.querySelector<HTMLElement>('[data-verdict]')!;
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    verdict.dataset.verdict = report.verdict;
    const summary = `Verdict: ${verdictLabel[report.verdict]} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    verdict.textContent = summary;
    // Screen readers hear the summary once the user pauses, not the whole list on every keystroke.
    window.clearTimeout(this.#announceTimer);
    this.#announceTimer = window.setTimeout(() => {
      this.querySelector('[data-announce]')!.textContent = summary;
    }, 700);

    const list = this.querySelector('[data-findings]')!;
    list.replaceChildren(
      ...report.findings.map((f) => {
        const item = el('li', undefined, `xapy-finding xapy-${f.severity}`);
        item.dataset.id = f.id;
        item.append(el('strong', `${severityLabel[f.severity]}: `), el('span', f.message));
        if (f.fix) item.append(' ', el('span', `Fix: ${f.fix}`, 'xapy-fix'));
        if (f.docs) {
          const link = el('a', 'Why?');
          link.href = f.docs.replace(this.#config.site, '');
          link.setAttribute('aria-label', `Why? Rule ${f.id}`);
          item.append(' ', link);
        }
        return item;
      }),
    );

    const rows = this.querySelector('[data-entries]')!;
    rows.replaceChildren(
      ...report.entries.slice(0, 200).map((e) => {
        const tr = el('tr');
        tr.append(el('td', e.input), el('td', e.kind === 'invalid' ? `not valid: ${e.reason}` : kindLabel[e.kind]), el('td', e.normalized ?? '—'));
        return tr;
      }),
    );
    this.querySelector<HTMLElement>('[data-entries-box]')!.hidden = report.entries.length === 0;
  }
}

customElements.define('ip-checker', IpCheckerElement);
