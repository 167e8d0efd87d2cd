/**
 * The domain thesaurus (thesaurus.yaml): words people use in questions → the words these docs use.
 * Checked with zod when the module loads, so a broken entry fails the build and the unit tests.
 */
import YAML from 'yaml';
import { z } from 'zod';
import { processTerm, stem, words } from './text.ts';

const entrySchema = z.strictObject({
  asked: z.array(z.string().min(1)).min(1),
  /** Empty: the words carry no meaning for these docs ("is that normal?") and are dropped. */
  docs: z.array(z.string().min(1)),
  example: z.string().min(1),
});
export const thesaurusSchema = z.array(entrySchema);
export type ThesaurusEntry = z.infer<typeof entrySchema>;

/** An entry ready to apply: each asked phrase as its stems (small words kept), each docs phrase as its index terms. */
export interface CompiledEntry {
  entry: ThesaurusEntry;
  asked: string[][];
  docs: string[][];
}

/** Every word of a phrase, lower-cased and stemmed, small words kept (for matching phrases in a question). */
export const phraseStems = (phrase: string): string[] => words(phrase).map((w) => stem(w.toLowerCase().split(/['’]/)[0] ?? ''));

export function compileThesaurus(entries: ThesaurusEntry[]): CompiledEntry[] {
  return entries.map((entry) => ({
    entry,
    asked: entry.asked.map(phraseStems).filter((s) => s.length > 0),
    docs: entry.docs.map((d) => words(d).flatMap((w) => processTerm(w) ?? [])).filter((t) => t.length > 0),
  }));
}

export function parseThesaurus(source: string, text: string): ThesaurusEntry[] {
  const parsed = thesaurusSchema.safeParse(YAML.parse(text));
  if (!parsed.success) throw new Error(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const e of parsed.data) {
    if (e.docs.length && e.docs.every((d) => words(d).every((w) => processTerm(w) === null))) throw new Error(`${source}: the entry for "${e.asked[0]}" has no content word in docs`);
  }
  return parsed.data;
}

const files = import.meta.glob<string>('./thesaurus.yaml', { query: '?raw', import: 'default', eager: true });
export const thesaurusEntries: ThesaurusEntry[] = parseThesaurus('src/agents/thesaurus.yaml', files['./thesaurus.yaml']!);
export const thesaurus: CompiledEntry[] = compileThesaurus(thesaurusEntries);
