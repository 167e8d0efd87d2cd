/** Behaviour of <ip-checker>: checks as the user types, with the same rules as the API. */
import { checkIps, type ExchangeIpFacts, type IpReport } from '../rules/ip-check.ts';
import { reportToMarkdown } from '../rules/report.ts';
import type { Servers } from '../data/schema.ts';
import { copyText } from './clipboard.ts';
import { findSecretsInText } from '../rules/secrets.ts';
import { el, renderMessage, renderReport, takeOutSecrets } from './report-view.ts';

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
  /** Where secrets were that have been taken out of the field: the key stays exposed until it is cleared. */
  #removed: string[] = [];

  connectedCallback() {
    this.#config = config;
    const ips = this.querySelector<HTMLTextAreaElement>('[data-ips]')!;
    const exchange = this.querySelector<HTMLSelectElement>('[data-exchange]')!;
    const schedule = () => {
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => this.#check(), ips.value.length > 20_000 ? 150 : 0);
    };
    ips.addEventListener('input', schedule);
    exchange.addEventListener('change', () => {
      this.#showFormatted();
      if (this.#report) this.#check();
    });
    this.querySelector('[data-copy-formatted]')!.addEventListener('click', () => {
      const text = this.#formatted();
      const status = this.querySelector('[data-copy-status]');
      if (text.trim() === '') {
        if (status) status.textContent = 'Nothing copied: XAPY has no servers on its list yet.';
        return;
      }
      void copyText(text, status, 'Corrected list copied.');
    });
    this.querySelector('[data-copy-report]')!.addEventListener('click', () => {
      const status = this.querySelector('[data-copy-status]');
      if (!this.#report) {
        if (status) status.textContent = 'Nothing to copy yet: paste your key’s IP list first.';
        return;
      }
      void copyText(this.#markdown(this.#report), status, 'Report copied.');
    });
    this.#showFormatted();
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
    return checkIps(this.querySelector<HTMLTextAreaElement>('[data-ips]')!.value, this.#context(this.#exchange()), this.#removed);
  }

  /** XAPY's servers in the chosen exchange's format: what "Copy this list" copies, shown as it will be copied. */
  #formatted(): string {
    return checkIps('', this.#context(this.#exchange())).formatted;
  }

  #showFormatted() {
    const ex = this.#exchange();
    this.querySelector('[data-formatted]')!.textContent = this.#formatted();
    this.querySelector('[data-formatted-label]')!.textContent = `The corrected list: XAPY’s servers${ex ? `, as ${ex.name} takes them` : ''}`;
  }

  #markdown(report: IpReport): string {
    const ex = this.#exchange();
    return reportToMarkdown('IP whitelist check', report, [
      `**Exchange:** ${ex ? ex.name : 'any exchange'} · **Entries:** ${report.entries.length}`,
    ]);
  }

  #check() {
    const field = this.querySelector<HTMLTextAreaElement>('[data-ips]')!;
    if (field.value.trim() === '') this.#removed = [];
    const hits = findSecretsInText(field.value, 'ips');
    if (hits.length) this.#removed = [...new Set([...this.#removed, ...takeOutSecrets(field, hits, false)])];
    if (field.value.trim() === '' && this.#removed.length === 0) {
      this.#report = undefined;
      renderMessage(this, 'Paste your key’s IP list above to check it.');
      this.querySelector<HTMLElement>('[data-entries-box]')!.hidden = true;
      this.querySelector('[data-entries]')!.replaceChildren();
      return;
    }
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

let config: Config;

/** Defines <ip-checker> once lazy-widget.ts has loaded this code and the facts it works with. */
export function define(facts: Config): void {
  config = facts;
  customElements.define('ip-checker', IpCheckerElement);
}
