/**
 * GET /healthz: whether the server answers, which build it runs, and the state of XAPY's server
 * list in that build. A load balancer, a container HEALTHCHECK or systemd can poll it.
 */
import { servers } from '../data/index.ts';
import { serverListState } from '../data/server-list.ts';

export interface BuildInfo {
  version: string;
  commit: string | null;
  built: string;
}

declare const __XAPY_BUILD__: BuildInfo | undefined;

/** Baked into the server bundle by astro.config.mjs (scripts/build-info.mjs); absent outside a build. */
export const build: BuildInfo = typeof __XAPY_BUILD__ === 'undefined' ? { version: 'unbuilt', commit: null, built: 'unbuilt' } : __XAPY_BUILD__;

/**
 * Set only by the server tests (test/site/ops.test.ts): `XAPY_TEST_FAULT=healthz` makes /healthz
 * throw, to prove that an unexpected exception becomes a 500 with a request id. Production never
 * sets it.
 */
export function injectedFault(): void {
  if (process.env.XAPY_TEST_FAULT === 'healthz') throw new Error('Injected fault (XAPY_TEST_FAULT=healthz)');
}

export function health() {
  injectedFault();
  return {
    status: 'ok',
    build,
    serverList: serverListState(servers),
  };
}
