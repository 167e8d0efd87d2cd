/** Reads Starlight's docs collection into the plain pages the agent modules work with. */
import { getCollection, getEntry } from 'astro:content';
import type { DocPage } from '../agents/pages.ts';
import { DocsIndex } from '../agents/search-index.ts';

type Entry = NonNullable<Awaited<ReturnType<typeof getEntry<'docs', string>>>>;

const toPage = (e: Entry): DocPage => ({
  id: e.id,
  title: e.data.title,
  ...(e.data.description ? { description: e.data.description } : {}),
  body: e.body ?? '',
  ...(e.data.sidebar.order !== undefined ? { order: e.data.sidebar.order } : {}),
});

export async function allPages(): Promise<DocPage[]> {
  return (await getCollection('docs')).map(toPage);
}

export async function findPage(id: string): Promise<DocPage | undefined> {
  const entry = await getEntry('docs', id);
  return entry ? toPage(entry) : undefined;
}

let index: Promise<DocsIndex> | undefined;
/**
 * The retrieval index, built once per server process from the docs collection bundled into the
 * server (the same Markdown twins the `.md` routes serve). Nothing is written or shared between
 * processes, so the server stays stateless; building it takes a few milliseconds.
 */
export function docsIndex(): Promise<DocsIndex> {
  index ??= allPages().then((pages) => new DocsIndex(pages));
  return index;
}
