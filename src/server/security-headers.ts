/**
 * Security headers for every response of the production server (scripts/serve.mjs), and the same
 * rules written out as a `_headers` file for CDN deployments (scripts/write-headers.mjs).
 *
 * Each page's Content-Security-Policy is the one Astro computed at build time (with the hashes of
 * the page's own scripts and styles), completed by scripts/csp-hashes.mjs into dist/page-headers.json. Only erasable type syntax and no
 * project imports, so that plain Node can import it (it strips the types).
 */

/** Sent with every response. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Only features Chromium knows: it warns in the console of every page about an unknown one
  // (bluetooth, listed here until 2026-12-03), and ignores it anyway.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), interest-cohort=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The key a URL path and a _headers.json pathname share: no trailing slash, no index.html. */
export function pathKey(pathname: string): string {
  let path = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  while (path.endsWith('/')) path = path.slice(0, -1); // not /\/+$/: on "//…//x/" it retries the run from each slash
  return path === '' ? '/' : path;
}

/**
 * The per-page policies from Astro's _headers.json ([{ pathname, headers: [{ key, value }] }]),
 * as a Map from pathKey to headers.
 */
export type Policies = Map<string, Record<string, string>>;
interface HeadersEntry { pathname: string; headers?: { key: string; value: string }[] }

export function pagePolicies(headersJson: unknown): Policies {
  const map: Policies = new Map();
  for (const entry of (Array.isArray(headersJson) ? headersJson : []) as HeadersEntry[]) {
    const headers: Record<string, string> = {};
    for (const h of entry.headers ?? []) headers[h.key] = h.value;
    map.set(pathKey(entry.pathname), headers);
  }
  return map;
}

/**
 * Headers for a response to `pathname`: the security headers, and the page's own policy. A path
 * that is no page gets the 404 page's policy (unknown URLs are answered with that page; for JSON,
 * Markdown and assets a policy that allows only this site is harmless).
 */
export function headersFor(pathname: string, policies: Policies): Record<string, string> {
  return { ...SECURITY_HEADERS, ...(policies.get(pathKey(pathname)) ?? policies.get('/404') ?? {}) };
}
