// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import node from '@astrojs/node';
import { navSections, SITE } from './src/nav.ts';
import { buildInfo } from './scripts/build-info.mjs';
import { satteriSiteOrigin } from './src/agents/site-origin.ts';
import { pagefindOptions } from './src/components/search/options.ts';

/**
 * Full URLs that authors write in MDX with the production origin show the built SITE instead
 * (src/agents/site-origin.ts): a plugin for Astro's Markdown processor, Sätteri, added the way
 * Starlight adds its own.
 */
const siteOriginInMdx = {
  name: 'xapy-site-origin',
  hooks: {
    /** @param {{ config: import('astro').AstroConfig }} options */
    'astro:config:setup': ({ config }) => {
      const processor = config.markdown.processor;
      if (processor?.name !== 'satteri') {
        throw new Error(`xapy-site-origin expects Astro's default Markdown processor, Sätteri, and found "${processor?.name}": port satteriSiteOrigin (src/agents/site-origin.ts) to it.`);
      }
      /** @type {{ mdastPlugins: unknown[] }} */ (processor.options).mdastPlugins.push(satteriSiteOrigin);
    },
  },
};

export default defineConfig({
  // SITE from the build's environment (default https://docs.xapy.io), checked by src/nav.ts.
  site: SITE,
  trailingSlash: 'ignore',
  // The API is stateless and cookie-free, so there is nothing for a cross-site request to forge;
  // Astro's origin check would answer curl's default form content type with a bare 403.
  security: {
    checkOrigin: false,
    // A Content-Security-Policy on every page: Astro hashes the scripts and styles it emits, and the
    // Node adapter sends the policy as a header (staticHeaders) so frame-ancestors applies too.
    // No third-party origin anywhere; widgets can reach nothing but this site. Pagefind needs
    // 'wasm-unsafe-eval' to compile its WebAssembly search index.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // Inline style attributes (code highlighting, the loop diagram) cannot run code.
      // 'self' is given for style elements and stylesheets (style-src-elem) rather than for style-src,
      // where style-src-attr would shadow it anyway: the same policy, stated where it applies.
      styleDirective: { resources: [{ resource: "'self'", kind: 'element' }, { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  // staticHeaders: the build writes each page's policy to dist/_headers.json; scripts/serve.mjs sends it.
  // Code blocks are highlighted by Starlight's Expressive Code, which needs no inline styles;
  // Astro's own Shiki highlighter (inline styles, blocked by the CSP) is not used.
  markdown: { syntaxHighlight: false },
  adapter: node({ mode: 'standalone', staticHeaders: true }),
  integrations: [
    siteOriginInMdx,
    starlight({
      title: 'XAPY Docs',
      description:
        'Create exchange API keys for XAPY with exactly the permissions it needs, bound to XAPY’s servers, and check them before you connect.',
      social: [],
      lastUpdated: false,
      disable404Route: true, // src/pages/404.astro renders it (no "404" docs entry needed)
      favicon: '/favicon.svg',
      sidebar: navSections.map((s) => ({ label: s.label, items: s.items ?? [{ autogenerate: { directory: s.pagesIn ?? s.directory } }] })),
      customCss: ['./src/styles/custom.css'],
      // Pagefind's ranking, shared with the search interface (src/components/search/options.ts).
      pagefind: pagefindOptions,
      components: {
        Head: './src/components/Head.astro',
        PageTitle: './src/components/PageTitle.astro',
        // Starlight's search, with Pagefind's interface loaded when a reader goes to search.
        Search: './src/components/Search.astro',
        // Starlight's tables of contents, with one light watcher of the headings for both.
        TableOfContents: './src/components/TableOfContents.astro',
        MobileTableOfContents: './src/components/MobileTableOfContents.astro',
      },
    }),
  ],
  // Every stylesheet and module script is a file of its own, none inlined into the page: the pages
  // stay small enough to arrive in one round trip on a phone's first connection (about 14 kB with
  // the headers), and scripts/page-scripts.mjs bundles each page's module scripts into one file.
  build: { inlineStylesheets: 'never' },
  vite: {
    // The build's version, commit and time, for /healthz (src/server/health.ts).
    define: { __XAPY_BUILD__: JSON.stringify(buildInfo()) },
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
