/**
 * Starts the built site (dist/server/entry.mjs, through scripts/serve.mjs as in production) on a
 * free loopback port for the site and browser tests, and tells them its address through
 * `inject('baseUrl')`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  const entry = 'dist/server/entry.mjs';
  const server = 'scripts/serve.mjs';
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first (npm test does it for you).`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [server], {
    // LOG_LEVEL=warn: no access log (the tests make thousands of requests); errors are still logged.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/servers.json`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`The built server did not start on ${baseUrl}:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  project.provide('baseUrl', baseUrl);
  return () => {
    child.kill();
  };
}
