// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import node from '@astrojs/node';
import { navSections, SITE } from './src/nav.ts';

export default defineConfig({
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
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  // staticHeaders: the build writes each page's policy to dist/_headers.json; scripts/serve.mjs sends it.
  adapter: node({ mode: 'standalone', staticHeaders: true }),
  integrations: [
    starlight({
      title: 'XAPY Docs',
      description:
        'Create exchange API keys for XAPY with exactly the permissions it needs, bound to XAPY’s servers, and check them before you connect.',
      social: [],
      lastUpdated: false,
      favicon: '/favicon.svg',
      sidebar: navSections.map((s) => ({ label: s.label, items: s.items ?? [{ autogenerate: { directory: s.pagesIn ?? s.directory } }] })),
      customCss: ['./src/styles/custom.css'],
      // Search: a whole-word match counts for more than a longer word that merely starts with the
      // query, so "ip whitelist" finds the server IPs page rather than every page that says "IPv6".
      pagefind: { ranking: { termSimilarity: 5 } },
      components: {
        Head: './src/components/Head.astro',
        PageTitle: './src/components/PageTitle.astro',
      },
    }),
  ],
  vite: {
    build: {
      rollupOptions: {
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
