import { defineConfig } from 'vitest/config';

// Three projects, one run: `npm test` builds the site first, then runs them all.
//  unit    – pure rules, data and agent modules; no build needed (`npm run test:unit`).
//  site    – the built server over HTTP (pages, Markdown twins, llms.txt, API).
//  browser – Chromium driving the built site (widgets, keyboard, privacy).
//  timing  – properties that compare two timings (linear time on hostile pastes): they run in a
//            group of their own, one file at a time, with nothing else of the run beside them,
//            and collect garbage before each timed run (--expose-gc), since both distort a timing.
//            `npm test` runs them in a vitest run of their own before the others: in one run with
//            the other projects, a timing still failed now and then (a 256 kB paste measured 8×
//            slower than alone), so sharing a run is not the same as running alone.
//
// Speed: the browser tests are CPU-bound (Chromium's page loads and axe-core), so on a 2-core
// machine one file runs at a time (TEST_WORKERS raises it on a bigger machine), and the long
// files mark their tests concurrent: up to `maxConcurrency` pages at once in the file's browser,
// each page in a window of its own, which keeps both cores busy. More files at once only made
// every test slower and some time out. The unit and site files each use one core (the fuzz
// properties are single-threaded), so they run two files at a time, before the browser files.
// No project isolates its files (`isolate: false`): a worker imports the site's modules, Astro's
// and Playwright's once for all the files it runs, not once per file. No test mocks a module or
// changes a global, so what one file leaves behind cannot change another's result. It took the
// unit files from 55 to 41 s and the site files from 32 to 25 s. The README says how long `npm test`
// takes and what made it faster.

/**
 * The timing worker's C allocator keeps the memory it has used instead of mapping fresh pages for
 * every large allocation and returning them after (glibc's default above a moving threshold).
 * With the default, V8's JSON parser on a deeply nested 256 kB paste paid a page fault per page
 * on some runs and not on others, depending on what ran before: the same linear call then took
 * 57 ms instead of 6, and the linear-time check failed now and then (the README has the figures).
 * Other C libraries ignore these variables.
 */
const TIMING_ENV = { MALLOC_MMAP_THRESHOLD_: String(1 << 30), MALLOC_TRIM_THRESHOLD_: String(1 << 30) };

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false, maxWorkers: 2, sequence: { groupOrder: 1 } } },
      // A request to the built server can wait while browsers use both cores: 15 s, not vitest's 5 s.
      { test: { name: 'site', include: ['test/site/**/*.test.ts'], isolate: false, globalSetup: ['test/helpers/server-setup.ts'], testTimeout: 15_000, maxWorkers: 2, sequence: { groupOrder: 1 } } },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          isolate: false,
          globalSetup: ['test/helpers/server-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxConcurrency: 3,
          maxWorkers: Number(process.env.TEST_WORKERS ?? 1),
          sequence: { groupOrder: 2 },
        },
      },
      { test: { name: 'timing', include: ['test/timing/**/*.test.ts'], fileParallelism: false, maxWorkers: 1, sequence: { groupOrder: 0 }, execArgv: ['--expose-gc'], env: TIMING_ENV } },
    ],
  },
});
