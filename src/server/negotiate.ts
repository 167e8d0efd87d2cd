/** Which representation a request's Accept header prefers (negotiator parses the q-values). */
import Negotiator from 'negotiator';

export function preferredType(accept: string | null | undefined, offered: string[]): string {
  const negotiator = new Negotiator({ headers: { accept: accept || '*/*' } });
  return negotiator.mediaType(offered) ?? offered[0]!;
}

/** Agent endpoints answer Markdown unless JSON is preferred. */
export const wantsJson = (accept: string | null | undefined) => preferredType(accept, ['text/markdown', 'application/json']) === 'application/json';
