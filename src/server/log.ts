/**
 * The server's logger: one JSON line per event on standard output (pino). `LOG_LEVEL` sets the
 * level (default `info`; `warn` keeps the access log off, `silent` turns logging off).
 *
 * Users paste key metadata and addresses into query strings and bodies, so no log line ever
 * holds either: the access line names the path only, and an error line holds the stack of the
 * exception, never the request.
 */
import { pino, type Logger } from 'pino';

export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined });
}

/** A URL's path without its query string or fragment, as the access log records it. */
export function pathOf(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/, 1)[0] || '/';
}

export interface AccessEntry {
  id: string;
  method: string;
  path: string;
  status: number;
  ms: number;
}

/** The fields of one access-log line, from the method, the raw URL, the status and the time taken. */
export function accessEntry(id: string, method: string | undefined, url: string | undefined, status: number, ms: number): AccessEntry {
  return { id, method: method ?? 'GET', path: pathOf(url), status, ms: Math.round(ms * 10) / 10 };
}
