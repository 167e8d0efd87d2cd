/**
 * The docs pages read straight from src/content/docs, as the server reads them from Starlight's
 * collection (id, title, description, body without front matter), so agent modules can be tested
 * without a build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import type { DocPage } from '../../src/agents/pages.ts';
import { DocsIndex } from '../../src/agents/search-index.ts';

const ROOT = 'src/content/docs';

export function docPages(): DocPage[] {
  const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => /\.mdx?$/.test(f));
  return files.map((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
    const data = (m ? YAML.parse(m[1]!) : {}) as { title: string; description?: string; sidebar?: { order?: number } };
    const id = relative('.', f).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '') || 'index';
    return {
      id,
      title: data.title,
      ...(data.description ? { description: data.description } : {}),
      body: m ? text.slice(m[0].length) : text,
      ...(data.sidebar?.order !== undefined ? { order: data.sidebar.order } : {}),
    };
  });
}

let index: DocsIndex | undefined;
/** The ?ask= index over every page, built once per test file. */
export const docsIndex = (): DocsIndex => (index ??= new DocsIndex(docPages()));
