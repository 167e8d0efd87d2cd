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
  security: { checkOrigin: false },
  adapter: node({ mode: 'standalone' }),
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
