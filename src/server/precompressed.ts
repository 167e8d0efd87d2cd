/**
 * Sends the build's precompressed copies of static files (scripts/precompress.mjs writes name.br
 * and name.gz next to each text file of dist/client) to clients that accept them: Brotli first,
 * then gzip. Anything else (a file without copies, a query string, a page rewritten to its
 * Markdown twin, a server route) is left to the next handler, which compresses on the fly.
 * Only files listed when the server starts are served, so no path can reach outside the build.
 */
import { readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative } from 'node:path';
import mime from 'mime-types';
import Negotiator from 'negotiator';
import send from 'send';

/** The files worth compressing: text formats. Pagefind's own files are compressed already. */
export const PRECOMPRESSED_TYPES = /\.(html|css|m?js|json|svg|txt|md|xml|webmanifest)$/;

const ENCODINGS = { br: '.br', gzip: '.gz' } as const;

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), root) : [`/${relative(root, join(dir, d.name))}`]);
}

/**
 * Returns a handler for the build's client directory: it answers GET and HEAD for a file that has
 * a copy in an encoding the client accepts and returns true, or returns false and sends nothing.
 */
export function precompressed(clientDir: string): (req: IncomingMessage, res: ServerResponse) => boolean {
  const copies = new Set(listFiles(clientDir).filter((f) => f.endsWith('.br') || f.endsWith('.gz')));
  return (req, res) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url || req.url.includes('?')) return false;
    let path: string;
    try {
      path = decodeURIComponent(req.url);
    } catch {
      return false;
    }
    const file = path.endsWith('/') ? `${path}index.html` : path;
    // Among encodings the client rates equally (browsers send "gzip, deflate, br, zstd"), Brotli wins.
    const negotiator = new Negotiator(req) as Negotiator & { encoding(available: string[], opts: { preferred: string[] }): string | undefined };
    const encoding = negotiator.encoding(Object.keys(ENCODINGS), { preferred: Object.keys(ENCODINGS) }) as keyof typeof ENCODINGS | undefined;
    if (!encoding || !(encoding in ENCODINGS) || !copies.has(file + ENCODINGS[encoding])) return false;

    const vary = res.getHeader('Vary');
    res.setHeader('Vary', vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');
    res.setHeader('Content-Encoding', encoding);
    res.setHeader('Content-Type', mime.contentType(extname(file)) || 'application/octet-stream');
    // Astro's hashed assets never change under one name (as the adapter's own static handler says).
    if (file.startsWith('/_astro/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    // The ETag is the one validator a cache needs, so no Last-Modified beside it; and no byte ranges
    // (a range of a compressed copy is of no use to a browser). Each header left out is bytes off
    // every page's first round trip: a phone's first round trip carries about 14,600 bytes, and the
    // key checker page, headers included, is within a few dozen bytes of that.
    send(req, file + ENCODINGS[encoding], { root: clientDir, dotfiles: 'allow', index: false, lastModified: false, acceptRanges: false })
      .on('error', (err: { status?: number }) => {
        res.removeHeader('Content-Encoding');
        res.statusCode = err.status ?? 404;
        res.end();
      })
      .pipe(res);
    return true;
  };
}
