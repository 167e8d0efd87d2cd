/**
 * Finds Debian's Chromium for the browser tests: $CHROMIUM_PATH, else `chromium` or
 * `chromium-browser` on PATH. Without one the browser tests are skipped with the install
 * hint, except under CI, where a missing browser fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const INSTALL_HINT = 'Install it with: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH).';

function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  const found = which('chromium') ?? which('chromium-browser');
  if (!found && process.env.CI) throw new Error(`Chromium is required in CI but was not found. ${INSTALL_HINT}`);
  return found;
}

export const chromiumPath = findChromium();
if (!chromiumPath) console.warn(`[browser tests skipped] Chromium not found. ${INSTALL_HINT}`);

export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'xapy-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath!,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
