/**
 * The `.md` routes: a page's twin, one section of it (`?section=`), an answer (`?ask=`), and
 * `/search.md`. Markdown by default, JSON where the Accept header prefers it.
 */
import { findPage, docsIndex } from './docs.ts';
import { json, markdown } from './http.ts';
import { wantsJson } from './negotiate.ts';
import { notFoundMarkdown, pageMarkdown, sectionMarkdown, unknownSectionMarkdown } from '../agents/pages.ts';
import { ask, askJson, askMarkdown, AskInputError, closestByTitle, readAskParams } from '../agents/ask.ts';
import { MAX_TERMS, searchDocs, searchHowTo, searchJson, searchMarkdown } from '../agents/search.ts';
import { squash } from '../agents/text.ts';

/** A computed answer is the same for every request until the next deploy: let caches keep it briefly. */
const COMPUTED = { 'Cache-Control': 'public, max-age=300', 'X-Robots-Tag': 'noindex', Vary: 'Accept' };
const TWIN = { 'Cache-Control': 'public, max-age=300', Vary: 'Accept' };

/**
 * Answers are deterministic for a given build, so each server process keeps the last few hundred it
 * rendered (a bounded LRU): agents repeat questions, and an answer costs about a millisecond and a half
 * of ranking and Markdown rendering. No request data is kept beyond the question itself.
 */
const ANSWER_CACHE_SIZE = 500;
const answers = new Map<string, { json: boolean; body: unknown }>();

function rememberedAnswer(key: string, compute: () => { json: boolean; body: unknown }) {
  let hit = answers.get(key);
  if (hit) answers.delete(key);
  else hit = compute();
  answers.set(key, hit);
  if (answers.size > ANSWER_CACHE_SIZE) answers.delete(answers.keys().next().value!);
  return hit;
}

const badRequest = (message: string, accept: string | null) =>
  wantsJson(accept) ? json(400, { error: message }, COMPUTED) : markdown(400, `# Bad request\n\n${message}\n`, COMPUTED);

export async function twinResponse(slug: string, url: URL, accept: string | null): Promise<Response> {
  const page = await findPage(slug);
  if (!page) {
    const words = slug.replaceAll(/[/_-]+/g, ' ');
    return markdown(404, notFoundMarkdown(url.pathname, closestByTitle(await docsIndex(), words)), { 'X-Robots-Tag': 'noindex' });
  }
  const q = url.searchParams;
  if (q.has('ask')) {
    let input;
    try {
      input = readAskParams(q);
    } catch (e) {
      if (e instanceof AskInputError) return badRequest(e.message, accept);
      throw e;
    }
    const index = await docsIndex();
    const asJson = wantsJson(accept);
    const answer = rememberedAnswer(JSON.stringify([page.id, asJson, input]), () => {
      const result = ask(index, { ...input, page: page.id });
      return asJson ? { json: true, body: askJson(result) } : { json: false, body: askMarkdown(result) };
    });
    return answer.json ? json(200, answer.body, COMPUTED) : markdown(200, answer.body as string, COMPUTED);
  }
  if (q.has('section')) {
    const id = q.get('section') ?? '';
    const body = sectionMarkdown(page, id);
    return body ? markdown(200, body, TWIN) : markdown(404, unknownSectionMarkdown(page, id), TWIN);
  }
  return markdown(200, pageMarkdown(page), TWIN);
}

export async function searchResponse(url: URL, accept: string | null): Promise<Response> {
  const terms = squash(url.searchParams.get('q') ?? '');
  if (terms.length > MAX_TERMS) return badRequest(`The search terms are ${terms.length} characters long; send at most ${MAX_TERMS}.`, accept);
  const index = await docsIndex();
  if (!terms) return wantsJson(accept) ? json(200, { query: '', results: [], message: 'Add q=<terms> to search.' }, COMPUTED) : markdown(200, searchHowTo(), COMPUTED);
  const results = searchDocs(index, terms);
  return wantsJson(accept) ? json(200, searchJson(results), COMPUTED) : markdown(200, searchMarkdown(results, index), COMPUTED);
}
