import { defineConfig } from 'vitest/config';

// Three projects, one run: `npm test` builds the site first, then runs them all.
//  unit    – pure rules, data and agent modules; no build needed (`npm run test:unit`).
//  site    – the built server over HTTP (pages, Markdown twins, llms.txt, API).
//  browser – Chromium driving the built site (widgets, keyboard, privacy).
export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'site', include: ['test/site/**/*.test.ts'], globalSetup: ['test/helpers/server-setup.ts'] } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/helpers/server-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Tests marked concurrent (the CSP check) run this many pages at once in the file's browser.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
