/** Worked API requests, written once for the pages and their Markdown twins. */
import { SITE } from '../nav.ts';

export const loopCurl = (request: unknown) =>
  `curl -s ${SITE}/api/check/addresses \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(request, null, 2)}'`;
