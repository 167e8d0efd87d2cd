/**
 * The server as an operator runs it (scripts/serve.mjs over the build): /healthz, the access log,
 * a busy port, a graceful stop on SIGTERM/SIGINT, and a 500 with a request id for a bug.
 * Most tests start their own server process, because they watch its output and its exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, inject } from 'vitest';
import { freePort } from '../helpers/server-setup.ts';

const base = inject('baseUrl');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const serversFile = parse(readFileSync('src/data/servers.yaml', 'utf8')) as { status: string };

interface Server {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => { stdout: string; stderr: string };
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
}

/** Starting a server process takes a few seconds on a busy machine. */
const SPAWNS = { timeout: 30_000 };

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts scripts/serve.mjs; resolves once it answers, unless `wait` is false (it may never listen). */
async function startServer(env: Record<string, string> = {}, { port, wait = true }: { port?: number; wait?: boolean } = {}): Promise<Server> {
  port ??= await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  let stopAt = 0;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, afterMs: Date.now() - stopAt })),
  );
  const origKill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => {
    stopAt = Date.now();
    return origKill(signal);
  };
  const url = `http://127.0.0.1:${port}`;
  if (wait) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited early:\n${stdout}${stderr}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The server did not start:\n${stdout}${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { child, url, port, output: () => ({ stdout, stderr }), exit };
}

/** The JSON lines a server printed so far. */
const logLines = (s: Server) =>
  s.output().stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('GET /healthz', () => {
  it('answers 200 with the build version and the server list status and date', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(body.build.version).toBe(pkg.version);
    expect(Date.parse(body.build.built)).not.toBeNaN();
    expect(body.build.commit === null || /^[0-9a-f]{7,40}$/.test(body.build.commit)).toBe(true);
    // The same state /servers.json publishes, read from src/data/servers.yaml by the build.
    const list = await (await fetch(`${base}/servers.json`)).json();
    expect(body.serverList).toEqual({ status: serversFile.status, updated: list.updated, version: list.version });
    expect(body.serverList.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses other methods with 405', async () => {
    const res = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('the access log', SPAWNS, () => {
  it('writes one JSON line per request: method, path, status, time and request id, never the query string or body', async () => {
    const server = await startServer();
    const secret = 'SECRET-key-d4f1e2';
    const res = await fetch(`${server.url}/api/check/ips?exchange=okx&ips=${secret}`);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const post = await fetch(`${server.url}/api/check/key?note=${secret}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ exchange: 'okx', metadata: secret }),
    });
    const postId = post.headers.get('x-request-id');
    await post.text();
    await expect.poll(() => logLines(server).filter((l) => l.msg === 'request').length).toBe(3);
    const lines = logLines(server).filter((l) => l.msg === 'request');
    expect(lines[1]).toMatchObject({ method: 'GET', path: '/api/check/ips', status: res.status, id });
    expect(lines[2]).toMatchObject({ method: 'POST', path: '/api/check/key', status: post.status, id: postId });
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['id', 'level', 'method', 'ms', 'msg', 'path', 'status', 'time']);
      expect(typeof line.ms).toBe('number');
    }
    const { stdout, stderr } = server.output();
    expect(stdout + stderr).not.toContain(secret);
    expect(stdout).not.toContain('?');
  });
});

describe('an unexpected exception', SPAWNS, () => {
  it('gets a 500 with a generic message and a request id, and is logged with its stack (never the query string)', async () => {
    // XAPY_TEST_FAULT=healthz makes /healthz throw (src/server/health.ts); production never sets it.
    const server = await startServer({ XAPY_TEST_FAULT: 'healthz' }, { wait: false });
    let res: Response | undefined;
    for (let i = 0; i < 200 && !res; i++) {
      res = await fetch(`${server.url}/healthz?token=SECRET-q`).catch(() => undefined);
      if (!res) await new Promise((r) => setTimeout(r, 100));
    }
    expect(res!.status).toBe(500);
    const body = await res!.json();
    const id = res!.headers.get('x-request-id')!;
    expect(body).toEqual({ error: expect.stringContaining(id), requestId: id });
    expect(body.error).not.toMatch(/Injected|Error:|at /);
    await expect.poll(() => logLines(server).some((l) => l.msg === 'unexpected exception')).toBe(true);
    const logged = logLines(server).find((l) => l.msg === 'unexpected exception')!;
    expect(logged).toMatchObject({ id, path: '/healthz', level: 50 });
    expect((logged.err as { stack: string }).stack).toMatch(/Injected fault[\s\S]*\n\s+at /);
    expect(server.output().stdout).not.toContain('SECRET-q');
  });

  it('client mistakes stay 4xx on the same server', async () => {
    const res = await fetch(`${base}/api/check/key`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(res.status).toBe(400);
  });
});

describe('a busy port', SPAWNS, () => {
  it('ends with one line naming PORT and how to change it, exit code 1', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as AddressInfo;
    try {
      const server = await startServer({}, { port, wait: false });
      const { code } = await server.exit;
      expect(code).toBe(1);
      const { stderr } = server.output();
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(new RegExp(`Port ${port} .*in use.*set PORT.*PORT=\\d+ npm run serve`));
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  });
});

describe('a graceful stop', SPAWNS, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal}: stops accepting, finishes the request in flight, exits 0 within 10 s`, async () => {
      const server = await startServer();
      const body = JSON.stringify({ exchange: 'okx', ips: '192.0.2.10' });
      const half = Math.floor(body.length / 2);
      // A request in flight: the server has read its headers (it answered "100 Continue"), and its
      // body arrives in two parts, the second only once the server has stopped accepting connections.
      const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const headers = { 'Content-Type': 'application/json', 'Content-Length': String(body.length), Expect: '100-continue' };
        const req = request(`${server.url}/api/check/ips`, { method: 'POST', headers }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, text }));
        });
        req.on('error', reject);
        req.on('continue', () => {
          req.write(body.slice(0, half));
          server.child.kill(signal);
          const refused = async () => fetch(`${server.url}/healthz`).then(() => false, () => true);
          expect.poll(refused, { timeout: 5000, interval: 50 }).toBe(true).then(() => req.end(body.slice(half)), reject);
        });
        req.flushHeaders();
      });
      const { status, text } = await answer;
      expect(status).toBe(200);
      expect(JSON.parse(text).exchange).toBe('okx');
      const { code, signal: killedBy, afterMs } = await server.exit;
      expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
      expect(afterMs).toBeLessThan(10_000);
    });
  }
});
