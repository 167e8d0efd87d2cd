/**
 * Pagefind's options, in one place for both of their readers: the index that the build writes
 * (Starlight's `pagefind` option in astro.config.mjs) and the search interface (search.ts).
 * A whole-word match counts for more than a longer word that merely starts with the query, so
 * "ip whitelist" finds the server IPs page rather than every page that says "IPv6".
 */
export const pagefindOptions = { ranking: { termSimilarity: 5 } };
