/** Behaviour of <ip-checker>: checks as the user types, with the same rules as the API. */
import { checkIps, type ExchangeIpFacts, type IpReport } from '../rules/ip-check.ts';
import { reportToMarkdown } from '../rules/report.ts';
import type { Servers } from '../data/schema.ts';
import { copyText } from './clipboard.ts';
import { el, renderReport } from './report-view.ts';

interface Config {
  site: string;
  servers: Pick<Servers, 'status' | 'servers'>;
  exchanges: ExchangeIpFacts[];
}

const kindLabel: Record<string, string> = {
  ipv4: 'IPv4 address', ipv6: 'IPv6 address', 'ipv4-range': 'IPv4 range', 'ipv6-range': 'IPv6 range',
  any: 'any address', invalid: 'not valid',
};

class IpCheckerElement extends HTMLElement {
  #config!: Config;
  #report: IpReport | undefined;
  #timer: number | undefined;

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
    // Text typed or restored by the browser before this code loaded (see lazy-widget.ts).
    if (ips.value.trim()) this.#check();
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
    renderReport(this, report, this.#config.site);

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
