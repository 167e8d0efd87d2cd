/**
 * Shows a checker's report inside a widget: the verdict line, a one-line summary for screen
 * readers once the user pauses, and the findings with their "Why?" links. Shared by every
 * checker widget. Everything is set as text: pasted content is never parsed as HTML.
 */
import { severityLabel, verdictLabel, type Report } from '../rules/report.ts';
import { redact, type SecretHit } from '../rules/secrets.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const announceTimers = new WeakMap<Element, number>();

/** Puts `message` in the widget's live region after a pause, so typing does not flood screen readers. */
export function announce(root: Element, message: string): void {
  window.clearTimeout(announceTimers.get(root));
  announceTimers.set(root, window.setTimeout(() => {
    root.querySelector('[data-announce]')!.textContent = message;
  }, 700));
}

/** Renders the verdict ([data-verdict]) and the findings ([data-findings]) of `report` in `root`. */
export function renderReport(root: Element, report: Report, site: string): void {
  const verdict = root.querySelector<HTMLElement>('[data-verdict]')!;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  verdict.dataset.verdict = report.verdict;
  const summary = `Verdict: ${verdictLabel[report.verdict]} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  verdict.textContent = summary;
  announce(root, summary);
  root.querySelector('[data-findings]')!.replaceChildren(
    ...report.findings.map((f) => {
      const item = el('li', undefined, `xapy-finding xapy-${f.severity}`);
      item.dataset.id = f.id;
      item.append(el('strong', `${severityLabel[f.severity]}: `), el('span', f.message));
      if (f.fix) item.append(' ', el('span', `Fix: ${f.fix}`, 'xapy-fix'));
      if (f.docs) {
        const link = el('a', 'Why?');
        link.href = f.docs.replace(site, '');
        link.setAttribute('aria-label', `Why? Rule ${f.id}`);
        item.append(' ', link);
      }
      return item;
    }),
  );
}

/** Shows a message instead of a verdict: the input could not be checked, or nothing is entered yet. */
export function renderMessage(root: Element, message: string): void {
  const verdict = root.querySelector<HTMLElement>('[data-verdict]')!;
  verdict.dataset.verdict = ''; // keeps the attribute the element is found by
  verdict.textContent = message;
  announce(root, message);
  root.querySelector('[data-findings]')!.replaceChildren();
}

/**
 * Takes pasted secrets out of a text field at once (`mark`: leave "[redacted]" in their place), so the page never shows them again, and
 * returns where they were: the caller keeps reporting them, because the key stays exposed.
 */
export function takeOutSecrets(field: HTMLTextAreaElement, hits: readonly SecretHit[], mark = true): string[] {
  const values = hits.map((h) => h.value).filter((v) => v.length > 0);
  if (values.length === 0) return [];
  // JSON keeps "[redacted]" in the secret's place, so it stays valid; a list simply loses the entry.
  const redacted = redact(field.value, values);
  field.value = mark ? redacted : redacted.split('[redacted]').join('');
  return [...new Set(hits.map((h) => h.path))];
}
