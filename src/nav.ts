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

/** The origin the docs are published at unless the build's environment sets SITE. */
export const DEFAULT_SITE = 'https://docs.xapy.io';

/**
 * Reads the SITE setting: an absolute http(s) URL of the site's root, such as https://docs.xapy.io
 * (one trailing slash is allowed and dropped). Anything else throws an error that says what to set.
 */
export function siteOrigin(value: string | undefined): string {
  if (value === undefined || value.trim() === '') return DEFAULT_SITE;
  const problem = (why: string) =>
    new Error(`SITE must be the absolute http(s) URL of the site's root, such as ${DEFAULT_SITE}; found "${value}": ${why}. Set SITE to the origin alone, or unset it for ${DEFAULT_SITE}.`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw problem('not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem(`the scheme is ${url.protocol.slice(0, -1)}, not http or https`);
  if (url.username || url.password) throw problem('it holds a user name or password');
  if (url.pathname !== '/') throw problem(`it has a path (${url.pathname}); the docs are served from the root`);
  if (url.search || url.hash || value.includes('?') || value.includes('#')) throw problem('it has a query or a fragment');
  return url.origin;
}

/**
 * The site's public origin, e.g. https://docs.xapy.io: every absolute URL (canonical links,
 * sitemap, llms.txt, Markdown twins, agent instructions, OpenAPI, MCP) starts with it.
 * astro.config.mjs reads it from the SITE environment variable at build time and gives it to Astro
 * as `site`; Astro writes that value into the built code as `import.meta.env.SITE`, so the built
 * server answers with the origin it was built for, whatever its own environment says.
 */
export const SITE: string = siteOrigin((import.meta.env ? import.meta.env.SITE : undefined) ?? process.env.SITE);

/** The section a docs entry id (e.g. "setup/on-crypto-exchanges/server-ips") belongs to. */
export function sectionOf(id: string): NavSection | undefined {
  const top = id.split('/')[0];
  return navSections.find((s) => s.directory === top);
}
