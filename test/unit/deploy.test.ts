/**
 * The deploy files (Dockerfile, deploy/xapy-docs.service) agree with the project: the Node the
 * npm scripts pin, the commands the README gives, and every file scripts/serve.mjs loads.
 * Docker is not run here; this checks what can be checked without it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const unit = readFileSync('deploy/xapy-docs.service', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const pinnedNode: string = lock.packages['node_modules/node'].version;

/** Dockerfile instructions (continuation lines joined), split into build stages. */
const stages = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .filter((l) => l.trim() && !l.trim().startsWith('#'))
  .reduce<string[][]>((acc, line) => {
    if (/^FROM /i.test(line)) acc.push([]);
    acc.at(-1)?.push(line.trim());
    return acc;
  }, []);
const runtime = stages.at(-1)!;

/** The repository files a module loads through relative imports, recursively (.ts/.mjs only). */
function localImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    const target = normalize(join(dirname(file), spec!));
    if (existsSync(target) && !target.startsWith('dist/')) localImports(target, seen);
  }
  return seen;
}

describe('Dockerfile', () => {
  it('uses the pinned Node 24 by exact tag in every stage', () => {
    expect(pinnedNode).toMatch(/^24\./);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]).toMatch(new RegExp(`^FROM node:${pinnedNode.replaceAll('.', '\\.')}-[a-z]+-slim\\b`));
  });

  it('builds with the README commands and runs the server as the README says', () => {
    expect(stages[0]).toContain('RUN npm ci');
    expect(stages[0]).toContain('RUN npm run build');
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm run build');
    expect(readme).toContain('node scripts/serve.mjs');
    expect(runtime.at(-1)).toBe('CMD ["node", "scripts/serve.mjs"]');
  });

  it('runs as a non-root user, with a HEALTHCHECK on /healthz', () => {
    const user = runtime.find((l) => l.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
    expect(runtime.findIndex((l) => l.startsWith('USER '))).toBeLessThan(runtime.findIndex((l) => l.startsWith('CMD ')));
    expect(runtime.find((l) => l.startsWith('HEALTHCHECK'))).toMatch(/\/healthz/);
  });

  it('copies into the image every file the server loads', () => {
    const copied = runtime.filter((l) => l.startsWith('COPY ')).map((l) => l.split(/\s+/).at(-1)!.replace(/^\.\//, '').replace(/\/$/, ''));
    const needed = [...localImports('scripts/serve.mjs')];
    expect(needed).toEqual(expect.arrayContaining(['scripts/serve.mjs', 'src/server/negotiate.ts', 'src/server/log.ts']));
    for (const file of needed) expect(copied.some((c) => file === c || file.startsWith(`${c}/`)), file).toBe(true);
    expect(copied).toContain('dist');
  });

  it('installs only production dependencies in the image, and they include what the server imports', () => {
    expect(runtime).toContain('RUN npm ci --omit=dev && npm cache clean --force');
    const deps = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies);
    for (const file of localImports('scripts/serve.mjs')) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:^|\n)import\s[^'\n]*'([^.'][^']*)'/g)) {
        if (spec!.startsWith('node:')) continue;
        const pkg = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
        expect(deps, `${file} imports ${pkg}`).toContain(pkg);
      }
    }
  });
});

describe('systemd unit', () => {
  it('starts scripts/serve.mjs with HOST and PORT, as a dedicated user, and stops it with SIGTERM', () => {
    expect(unit).toMatch(/^ExecStart=\S*node scripts\/serve\.mjs$/m);
    expect(unit).toMatch(/^Environment=HOST=/m);
    expect(unit).toMatch(/^Environment=PORT=\d+$/m);
    expect(unit).toMatch(/^User=(?!root)\S+$/m);
    expect(unit).toMatch(/^KillSignal=SIGTERM$/m);
    // The server needs at most 10 s to stop; systemd must wait longer before killing it.
    expect(Number(unit.match(/^TimeoutStopSec=(\d+)$/m)?.[1])).toBeGreaterThan(10);
  });
});
