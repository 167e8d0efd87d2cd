// Starts the built site as it is served in production (scripts/serve.mjs: negotiation and security
// headers in front of the Node adapter) on a free 127.0.0.1 port, and waits until it answers.
// `child` is the server's own node process (process.execPath is the node binary, not a wrapper),
// so its pid is the one to read memory from; `stop()` ends it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function startBuiltServer() {
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => child.kill();
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`${base}/servers.json`)).ok) return { base, child, stop }; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  stop();
  throw new Error('The built server did not start.');
}
