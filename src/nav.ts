/**
 * The sidebar's sections, in order. The docs tree mirrors docs.xapy.io, so each
 * section is one top-level folder of src/content/docs. astro.config.mjs builds the
 * sidebar from this list and llms.txt groups pages by it, so the two never disagree.
 */
import type { StarlightUserConfig } from '@astrojs/starlight/types';

type SidebarItems = NonNullable<StarlightUserConfig['sidebar']>;

export interface NavSection {
  label: string;
  /** The top-level folder under src/content/docs (and the first URL segment). */
  directory: string;
  /** The folder whose pages the sidebar lists, when they sit one level deeper (URLs mirror docs.xapy.io). */
  pagesIn?: string;
  /** Explicit sidebar items, for sections with labelled sub-groups (Starlight would label a folder by its name). */
  items?: SidebarItems;
}

export const navSections: NavSection[] = [
  { label: 'Introduction', directory: 'introduction' },
  { label: 'Setup', directory: 'setup', pagesIn: 'setup/on-crypto-exchanges' },
  {
    label: 'Integration',
    directory: 'integration',
    items: [
      { slug: 'integration/generate-api-key' },
      { label: 'Exchange guides', items: [{ autogenerate: { directory: 'integration/exchanges' } }] },
      { slug: 'integration/for-agents' },
    ],
  },
  { label: 'Tools', directory: 'tools' },
  { label: 'Help', directory: 'help' },
];

/** The production origin. Absolute links in agent surfaces use it. */
export const SITE = 'https://docs.xapy.io';

/** The section a docs entry id (e.g. "setup/on-crypto-exchanges/server-ips") belongs to. */
export function sectionOf(id: string): NavSection | undefined {
  const top = id.split('/')[0];
  return navSections.find((s) => s.directory === top);
}
