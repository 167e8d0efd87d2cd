/**
 * The report shape every checker returns (see shared design "Contracts"), and helpers
 * to build and print one. Pure: runs in the browser, on the server and in tests.
 */
export type Severity = 'error' | 'warning' | 'info';
export type Verdict = 'pass' | 'warn' | 'fail';

export interface Finding {
  /** Stable kebab-case rule id; also the anchor of the rule's explanation on the checker page. */
  id: string;
  severity: Severity;
  message: string;
  fix?: string;
  /** Absolute URL of the rule's explanation, with an anchor. */
  docs?: string;
}

export interface Report {
  verdict: Verdict;
  findings: Finding[];
}

/** One rule a checker applies: documented on its page from this same record. */
export interface RuleDoc {
  id: string;
  severity: Severity;
  title: string;
  /** Why the rule exists, in a sentence or two. */
  explanation: string;
}

/** `fail` on any error, else `warn` on any warning, else `pass`. Info never changes it. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; stable within a severity. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => [f, i] as const)
    .sort((a, b) => order[a[0].severity] - order[b[0].severity] || a[1] - b[1])
    .map(([f]) => f);
}

/** At most this many findings of one rule name entries one by one; the rest are counted in one finding. */
export const PER_RULE_LIMIT = 20;

/**
 * Collects a checker's findings. A rule that fires once per entry is capped at `limit` findings
 * plus one that counts the rest, so one pasted flood cannot bury the other findings; a `once`
 * key drops repeats of the same finding. Messages are built only when they will be shown.
 */
export function findingCollector(docs: (id: string) => string, limit = PER_RULE_LIMIT) {
  const findings: Finding[] = [];
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  return {
    add(id: string, severity: Severity, build: () => { message: string; fix?: string }, opts: { capped?: boolean; once?: string } = {}) {
      if (opts.once !== undefined) {
        if (seen.has(`${id}|${opts.once}`)) return;
        seen.add(`${id}|${opts.once}`);
      }
      const n = (counts.get(id) ?? 0) + 1;
      counts.set(id, n);
      if (opts.capped && n > limit) return;
      const { message, fix } = build();
      findings.push({ id, severity, message, ...(fix ? { fix } : {}), docs: docs(id) });
    },
    /** The findings sorted by severity, with a "…and N more" finding for each capped rule that overflowed. */
    finish(): Finding[] {
      for (const [id, n] of counts) {
        if (n > limit) {
          const first = findings.find((f) => f.id === id)!;
          findings.push({ ...first, message: `…and ${n - limit} more entries with the same problem.` });
        }
      }
      return sortFindings(findings);
    },
  };
}

export const verdictLabel: Record<Verdict, string> = {
  pass: 'Pass',
  warn: 'Works, with warnings',
  fail: 'Fail',
};

export const severityLabel: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

/** Shortens user input before it is quoted in a message, so one huge token cannot flood a report. */
export function quote(input: string, max = 60): string {
  const oneLine = input.replace(/\s+/g, ' ');
  return `“${oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine}”`;
}

/** The report as Markdown, for "Copy report". Every line is plain text; nothing is executed. */
export function reportToMarkdown(title: string, report: Report, extra: string[] = []): string {
  const lines = [`## ${title}`, '', `**Verdict:** ${verdictLabel[report.verdict]} (\`${report.verdict}\`)`, ''];
  for (const line of extra) lines.push(line, '');
  if (report.findings.length === 0) lines.push('No findings.');
  for (const f of report.findings) {
    let line = `- **${severityLabel[f.severity]}** (\`${f.id}\`): ${f.message}`;
    if (f.fix) line += ` Fix: ${f.fix}`;
    if (f.docs) line += ` [Why](${f.docs})`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
