// After the build: writes a Brotli (quality 11) and a gzip (level 9) copy next to every text file
// of dist/client (name.br, name.gz), so that scripts/serve.mjs can send the smallest encoding the
// client accepts without compressing on each request (src/server/precompressed.ts). On a phone the
// difference matters: a guide's HTML goes from about 18 kB (gzip at the usual level) to about 15 kB.
// Run by `npm run build`; pure Node.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { PRECOMPRESSED_TYPES } from '../src/server/precompressed.ts';

const client = new URL('../dist/client/', import.meta.url).pathname;
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
  d.isDirectory() ? files(join(dir, d.name)) : PRECOMPRESSED_TYPES.test(d.name) ? [join(dir, d.name)] : []);

let count = 0, before = 0, after = 0;
for (const file of files(client)) {
  const body = readFileSync(file);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  count++;
  before += body.length;
  after += br.length;
}
console.log(`[precompress] ${count} files: ${(before / 1024).toFixed(0)} kB → ${(after / 1024).toFixed(0)} kB Brotli`);
