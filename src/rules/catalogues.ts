/** Every checker's rule catalogue by checker name, for the rule lists on the checker pages. */
import { ipRules } from './ip-check.ts';
import { loopRules } from './address-loop.ts';
import { keyRules } from './key-check.ts';
import type { RuleDoc } from './report.ts';

export const ruleCatalogues: Record<string, RuleDoc[]> = { ip: ipRules, key: keyRules, 'address-loop': loopRules };

/** Rules that can only fire while XAPY's server list is an example; a published list leaves them off the rule lists. */
const EXAMPLE_LIST_ONLY = new Set(['example-server-list']);

/**
 * The catalogue a `<RuleList checker="…">` names, as it applies to a server list of `status`;
 * an unknown name fails the page.
 */
export function catalogueOf(checker: unknown, status: 'example' | 'published' = 'example'): RuleDoc[] {
  const rules = typeof checker === 'string' ? ruleCatalogues[checker] : undefined;
  if (!rules) throw new Error(`<RuleList checker=${JSON.stringify(checker)}>: use one of ${Object.keys(ruleCatalogues).join(', ')}`);
  return status === 'example' ? rules : rules.filter((r) => !EXAMPLE_LIST_ONLY.has(r.id));
}
