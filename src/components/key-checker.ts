/** Behaviour of <key-checker>: checks as the user types or ticks, with the same rules as the API. */
import { checkKeyForm, checkKeyMetadata, secretsIn, type ExchangeKeyFacts, type KeyCheckContext, type KeyCheckResult, type Mode } from '../rules/key-check.ts';
import { boxLabel, describeProfile } from '../rules/profile.ts';
import { reportToMarkdown } from '../rules/report.ts';
import { copyText } from './clipboard.ts';
import { touched } from './lazy-widget.ts';
import { el, renderMessage, renderReport, takeOutSecrets } from './report-view.ts';

/** The guide's permission tabs (PermissionTabs.astro): their sync key, and each panel's level. */
const LEVEL_TABS = 'starlight-tabs[data-sync-key="xapy-level"]';
const levelMode: Record<string, Mode> = { readTrade: 'read-trade', readWrite: 'read-write' };

interface Config {
  site: string;
  servers: KeyCheckContext['servers'];
  exchanges: (ExchangeKeyFacts & { endpoints: string[] })[];
}

class KeyCheckerElement extends HTMLElement {
  #config!: Config;
  #result: KeyCheckResult | undefined;
  #timer: number | undefined;
  /** Where secrets were that have been taken out of the fields: the key stays exposed until both are cleared. */
  #removed: string[] = [];

  connectedCallback() {
    this.#config = config;
    const recheck = () => {
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => this.#check(), 0);
    };
    this.#q('[data-exchange]').addEventListener('change', () => {
      this.#removed = [];
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
      const status = this.querySelector('[data-copy-status]');
      if (!this.#result) {
        if (status) status.textContent = 'Nothing to copy yet: describe the key first.';
        return;
      }
      void copyText(this.#markdown(this.#result), status, 'Report copied.');
    });
    if (this.#q('[data-boxes]').dataset.for !== this.#exchange().id) this.#renderBoxes();
    this.#followLevelTabs(recheck);
    this.#sync();
    // Input typed or chosen before this code loaded (see lazy-widget.ts).
    if (touched(this)) recheck();
  }

  /** The level chosen in the guide's permission tabs on this page becomes the checker's mode, now and when it changes. */
  #followLevelTabs(recheck: () => void) {
    const tabs = document.querySelector(LEVEL_TABS);
    if (!tabs) return;
    const follow = () => {
      const level = tabs.querySelector<HTMLElement>(':scope > [role="tabpanel"]:not([hidden]) [data-level]')?.dataset.level;
      const mode = level ? levelMode[level] : undefined;
      const radio = mode ? this.querySelector<HTMLInputElement>(`[data-mode][value="${mode}"]`) : null;
      if (!radio || radio.checked) return;
      radio.checked = true;
      recheck();
    };
    follow();
    new MutationObserver(follow).observe(tabs, { attributes: true, attributeFilter: ['hidden'], subtree: true });
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
    this.#q('[data-boxes]').dataset.for = ex.id;
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
      removedSecrets: this.#removed,
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
    const form = this.#source() === 'form';
    const metadataField = this.#q<HTMLTextAreaElement>('[data-metadata]');
    const ipsField = this.#q<HTMLTextAreaElement>('[data-ips]');
    if (metadataField.value.trim() === '' && ipsField.value.trim() === '') this.#removed = [];
    // A pasted secret leaves the fields at once; the report keeps saying that the key is exposed.
    const hits = secretsIn(form ? '' : metadataField.value, ipsField.value);
    if (hits.length > 0) {
      this.#removed = [...new Set([
        ...this.#removed,
        ...takeOutSecrets(metadataField, hits.filter((h) => h.path.startsWith('metadata'))),
        ...takeOutSecrets(ipsField, hits.filter((h) => h.path === 'ips'), false),
      ])];
    }
    const ticked = this.querySelector('[data-box]:checked') !== null;
    const nothing = this.#removed.length === 0 && (form ? !ticked && ipsField.value.trim() === '' : metadataField.value.trim() === '');
    const table = this.#q('[data-profile-table]');
    if (nothing) {
      this.#result = undefined;
      table.hidden = true;
      this.#q('[data-profile]').replaceChildren();
      renderMessage(this, form
        ? 'Tick the boxes that are ticked on your key and enter its IP addresses to check it.'
        : 'Paste the key’s metadata to check it.');
      return;
    }
    const result = (this.#result = this.#run());
    if (!result.ok) {
      table.hidden = true;
      this.#q('[data-profile]').replaceChildren();
      if (result.choices) this.#offerChoices(result.choices);
      renderMessage(this, `Not checked: ${result.error}`);
      return;
    }
    renderReport(this, result.report, this.#config.site);
    // A report that is only about an exposed secret has no key to describe.
    const described = result.report.profile.flags.length > 0 || result.report.profile.ip.binding !== 'unknown';
    this.#q('[data-profile]').replaceChildren(
      ...(described ? describeProfile(result.report.profile) : []).map((row) => {
        const tr = el('tr');
        tr.append(el('th', row.label), el('td', row.value));
        tr.firstElementChild!.setAttribute('scope', 'row');
        return tr;
      }),
    );
    table.hidden = !described;
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

let config: Config;

/** Defines <key-checker> once lazy-widget.ts has loaded this code and the facts it works with. */
export function define(facts: Config): void {
  config = facts;
  customElements.define('key-checker', KeyCheckerElement);
}
