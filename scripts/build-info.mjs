// What /healthz reports as the build: package.json's version, the git commit and the build time.
// astro.config.mjs bakes it into the server bundle (Vite `define`), so it describes the build, not
// the moment the server started. XAPY_COMMIT overrides the commit where there is no .git (e.g. a
// container build that copies the sources only).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function buildInfo() {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  let commit = process.env.XAPY_COMMIT || null;
  if (!commit) {
    try {
      commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
    } catch {
      commit = null;
    }
  }
  return { version, commit, built: new Date().toISOString() };
}
