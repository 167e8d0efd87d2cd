/** Behaviour of <key-checker>: checks as the user types or ticks, with the same rules as the API. */
import { checkKeyForm, checkKeyMetadata, type ExchangeKeyFacts, type KeyCheckContext, type KeyCheckResult, type Mode } from '../rules/key-check.ts';
import { boxLabel, describeProfile } from '../rules/profile.ts';
import { reportToMarkdown } from '../rules/report.ts';
import { copyText } from './clipboard.ts';
import { touched } from './lazy-widget.ts';
import { el, renderMessage, renderReport } from './report-view.ts';

interface Config {
  site: string;
  servers: KeyCheckContext['servers'];
  exchanges: (ExchangeKeyFacts & { endpoints: string[] })[];
}

class KeyCheckerElement extends HTMLElement {
  #config!: Config;
  #result: KeyCheckResult | undefined;
  #timer: number | undefined;

  connectedCallback() {
    this.#config = JSON.parse(this.dataset.config ?? '{}') as Config;
    const recheck = () => {
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => this.#check(), 0);
    };
    this.#q('[data-exchange]').addEventListener('change', () => {
      this.#renderBoxes();
      this.#q<HTMLSelectElement>('[data-key-choice]').replaceChildren();
      recheck();
    });
    for (const input of this.querySelectorAll('[data-mode], [data-source], [data-whitelist]')) input.addEventListener('change', recheck);
    for (const input of this.querySelectorAll('[data-metadata], [data-ips]')) input.addEventListener('input', recheck);
    this.#q('[data-metadata]').addEventListener('input', () => this.#q<HTMLSelectElement>('[data-key-choice]').replaceChildren());
    this.#q('[data-key-choice]').addEventListener('change', recheck);
    this.#q('[data-boxes]').addEventListener('change', recheck);
    this.#q('[data-copy-report]').addEventListener('click', () => {
      const result = this.#result ?? this.#run();
      void copyText(this.#markdown(result), this.querySelector('[data-copy-status]'), 'Report copied.');
    });
    this.#renderBoxes();
    this.#sync();
    // Input typed or chosen before this code loaded (see lazy-widget.ts).
    if (touched(this)) recheck();
  }

  #q<T extends HTMLElement = HTMLElement>(selector: string): T {
    return this.querySelector<T>(selector)!;
  }

  #exchange() {
    const id = this.#q<HTMLSelectElement>('[data-exchange]').value;
    return this.#config.exchanges.find((e) => e.id === id)!;
  }

  #mode(): Mode {
    return (this.querySelector<HTMLInputElement>('[data-mode]:checked')?.value ?? 'read-trade') as Mode;
  }

  #source(): 'metadata' | 'form' {
    return this.querySelector<HTMLInputElement>('[data-source]:checked')?.value === 'form' ? 'form' : 'metadata';
  }

  /** One checkbox per box of the exchange's key form, in its own labels. */
  #renderBoxes() {
    const ex = this.#exchange();
    const boxes = ex.permissions ?? [];
    const base = `${this.#q('[data-exchange]').id}-box`;
    this.#q('[data-boxes-legend]').textContent = `Boxes ticked on ${ex.name}’s key form`;
    this.#q('[data-boxes]').replaceChildren(
      ...boxes.map((box, i) => {
        const label = el('label', undefined, 'xapy-check');
        const input = el('input');
        input.type = 'checkbox';
        input.id = `${base}-${i}`;
        input.dataset.box = String(i);
        label.htmlFor = input.id;
        label.append(input, ` ${boxLabel(box)}`);
        return label;
      }),
    );
    const hint = this.#q('[data-metadata-hint]');
    hint.textContent = ex.endpoints.length
      ? `Paste the response of ${ex.endpoints.join(' or ')}, whole or just the key object. Never paste the key’s secret or passphrase. Nothing you paste leaves this page.`
      : `${ex.name} has no endpoint that describes a key: tick the boxes instead.`;
  }

  /** Shows the fields that apply to the chosen mode and input. */
  #sync() {
    const form = this.#source() === 'form';
    this.#q('[data-whitelist-box]').hidden = this.#mode() !== 'read-write';
    this.#q('[data-metadata-box]').hidden = form;
    this.#q('[data-boxes-box]').hidden = !form;
    this.#q('[data-key-choice-box]').hidden = form || this.#q<HTMLSelectElement>('[data-key-choice]').options.length === 0;
  }

  #context(): KeyCheckContext {
    return { servers: this.#config.servers, exchange: this.#exchange(), site: this.#config.site };
  }

  #run(): KeyCheckResult {
    const ex = this.#exchange();
    const common = {
      mode: this.#mode(),
      ips: this.#q<HTMLTextAreaElement>('[data-ips]').value,
      addressWhitelistConfirmed: this.#q<HTMLInputElement>('[data-whitelist]').checked,
    };
    if (this.#source() === 'form') {
      const ticked = (ex.permissions ?? []).map((_, i) => this.querySelector<HTMLInputElement>(`[data-box="${i}"]`)?.checked === true);
      return checkKeyForm({ ...common, ticked }, this.#context());
    }
    const choice = this.#q<HTMLSelectElement>('[data-key-choice]');
    return checkKeyMetadata({
      ...common,
      exchange: ex.id,
      metadata: this.#q<HTMLTextAreaElement>('[data-metadata]').value,
      ...(choice.value !== '' ? { keyIndex: Number(choice.value) } : {}),
    }, this.#context());
  }

  #markdown(result: KeyCheckResult): string {
    const ex = this.#exchange();
    if (!result.ok) return `## API key check\n\n**Exchange:** ${ex.name}\n\nNot checked: ${result.error}\n`;
    const { report } = result;
    const profile = describeProfile(report.profile).map((r) => `- ${r.label}: ${r.value}`).join('\n');
    return reportToMarkdown('API key check', report, [`**Exchange:** ${ex.name} · **Mode:** \`${report.mode}\``, `**Key profile:**\n\n${profile}`]);
  }

  #check() {
    this.#sync();
    const metadata = this.#q<HTMLTextAreaElement>('[data-metadata]').value;
    const nothing = this.#source() === 'metadata' && metadata.trim() === '';
    const table = this.#q('[data-profile-table]');
    if (nothing) {
      this.#result = undefined;
      table.hidden = true;
      renderMessage(this, 'Paste the key’s metadata, or tick the boxes, to check it.');
      return;
    }
    const result = (this.#result = this.#run());
    if (!result.ok) {
      table.hidden = true;
      if (result.choices) this.#offerChoices(result.choices);
      renderMessage(this, `Not checked: ${result.error}`);
      return;
    }
    renderReport(this, result.report, this.#config.site);
    this.#q('[data-profile]').replaceChildren(
      ...describeProfile(result.report.profile).map((row) => {
        const tr = el('tr');
        tr.append(el('th', row.label), el('td', row.value));
        tr.firstElementChild!.setAttribute('scope', 'row');
        return tr;
      }),
    );
    table.hidden = false;
  }

  /** The response lists several keys: let the user pick one (the rules have already redacted the descriptions). */
  #offerChoices(choices: string[]) {
    const select = this.#q<HTMLSelectElement>('[data-key-choice]');
    this.#q('[data-key-choice-box]').hidden = false;
    if (select.options.length > 0) return;
    select.replaceChildren(el('option', 'Choose a key…'), ...choices.map((c, i) => {
      const option = el('option', c);
      option.value = String(i);
      return option;
    }));
    select.options[0]!.value = '';
  }
}

customElements.define('key-checker', KeyCheckerElement);
