/**
 * Small HTTP helpers for the server routes: JSON and Markdown responses, and a request
 * body reader that enforces a size limit and never throws.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { createLogger } from './log.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const noStore = { 'Cache-Control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...noStore, ...headers },
  });
}

export function markdown(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/markdown; charset=utf-8', ...headers } });
}

export function errorJson(e: HttpError): Response {
  return json(e.status, { error: e.message }, e.headers);
}

/** Reads the body as text, refusing more than `limit` bytes with 413 (without reading it all). */
export async function readText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = () => new HttpError(413, `The request body is larger than ${limit / 1024} kB. Send a shorter list.`);
  if (declared > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** Reads a JSON object body: 400 with a clear message, quoting `example`, when it is not one. */
export async function readJsonObject(request: Request, example = '{"exchange": "okx", "ips": "192.0.2.10"}'): Promise<Record<string, unknown>> {
  const text = await readText(request);
  if (text.trim() === '') throw new HttpError(400, `The request body is empty. Send a JSON object, for example ${example}.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes the body, which may hold a pasted secret: never echo it.
    throw new HttpError(400, 'The request body is not valid JSON. Check its quotes, commas and brackets.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, `The request body must be a JSON object, for example ${example}.`);
  }
  if (depthOf(value) > MAX_JSON_DEPTH) {
    throw new HttpError(400, `The request body is nested more than ${MAX_JSON_DEPTH} levels deep. No exchange response or checker input is; send the data as the exchange returned it.`);
  }
  return value as Record<string, unknown>;
}

/** Deeper JSON than any exchange response or checker input; refused before any rule walks it. */
export const MAX_JSON_DEPTH = 64;

/** How deeply a parsed JSON value nests, counted without recursion (a hostile body cannot overflow the stack). */
export function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > MAX_JSON_DEPTH) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/**
 * Runs a handler and turns an HttpError (a client mistake: bad body, wrong method, unknown page)
 * into its 4xx response. Anything else is a bug in this server: it propagates to the middleware,
 * which answers 500 with a request id and logs the stack (see `internalError`).
 */
export async function handle(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof HttpError) return errorJson(e);
    throw e;
  }
}

let errorLog: Logger | undefined;

/**
 * The answer to an unexpected exception: 500 with a generic message and the request id, which
 * scripts/serve.mjs puts on every request (`X-Request-Id`); the log line holds the same id and the
 * stack, never the request's query string or body.
 */
export function internalError(error: unknown, request: Request): Response {
  const requestId = request.headers.get('x-request-id') ?? randomUUID();
  errorLog ??= createLogger();
  errorLog.error({ id: requestId, method: request.method, path: new URL(request.url).pathname, err: error }, 'unexpected exception');
  return json(500, { error: `Something went wrong on our side. Retry later; if it keeps happening, report it with request id ${requestId}.`, requestId }, { 'X-Request-Id': requestId });
}

export function methodNotAllowed(allowed: string[]): HttpError {
  return new HttpError(405, `Use ${allowed.join(' or ')} for this endpoint.`, { Allow: allowed.join(', ') });
}
