/** Every checker's rule catalogue by checker name, for the rule lists on the checker pages. */
import { ipRules } from './ip-check.ts';
import { loopRules } from './address-loop.ts';
import { keyRules } from './key-check.ts';
import type { RuleDoc } from './report.ts';

export const ruleCatalogues: Record<string, RuleDoc[]> = { ip: ipRules, key: keyRules, 'address-loop': loopRules };

/** The catalogue a `<RuleList checker="…">` names; an unknown name fails the page. */
export function catalogueOf(checker: unknown): RuleDoc[] {
  const rules = typeof checker === 'string' ? ruleCatalogues[checker] : undefined;
  if (!rules) throw new Error(`<RuleList checker=${JSON.stringify(checker)}>: use one of ${Object.keys(ruleCatalogues).join(', ')}`);
  return rules;
}
