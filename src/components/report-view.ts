/** Shows a checker report in a widget: verdict line, screen-reader summary, findings. Browser-only. */
import { severityLabel, verdictLabel, type Report } from '../rules/report.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text; // always text: pasted content is never parsed as HTML
  if (className) node.className = className;
  return node;
}

const announceTimers = new WeakMap<Element, number>();

/**
 * Fills `[data-verdict]`, `[data-findings]` and `[data-announce]` inside `root`. Screen readers
 * hear the one-line summary once the user pauses, not the whole list on every keystroke.
 */
export function showReport(root: HTMLElement, report: Report, site: string): void {
  const verdict = root.querySelector<HTMLElement>('[data-verdict]')!;
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  verdict.dataset.verdict = report.verdict;
  const summary = `Verdict: ${verdictLabel[report.verdict]} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  verdict.textContent = summary;
  window.clearTimeout(announceTimers.get(root));
  announceTimers.set(root, window.setTimeout(() => {
    root.querySelector('[data-announce]')!.textContent = summary;
  }, 700));

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
