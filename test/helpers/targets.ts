/**
 * Every parser and rule set that reads text from outside (a visitor's paste, an author's MDX, a
 * data file), in one list, for the fuzz tests (test/unit/fuzz/) and the benchmarks (bench/).
 * No vitest here: plain Node runs it from bench/.
 *
 * Adding a rule set from another branch: append one entry to `targets` with `run` (text in, its
 * result out), `report` when the result is a checker report, and the errors it may throw by
 * design. The fuzz tests and the bench then cover it; give it its own arbitrary in
 * test/helpers/fuzz-inputs.ts (`inputsFor`) when random Unicode rarely reaches its interesting paths.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { checkIps, ipFactsOf, type IpCheckContext } from '../../src/rules/ip-check.ts';
import { parseList } from '../../src/rules/ip-parse.ts';
import type { Report } from '../../src/rules/report.ts';
import { DataError, parseExchangeFile, parseNetworksFile, parseServersFile } from '../../src/data/parse.ts';
import { mdxToMarkdown, UnknownComponentError } from '../../src/agents/markdown.ts';

const read = (file: string) => readFileSync(file, 'utf8');
export const SITE_FOR_TESTS = 'https://docs.xapy.io';
export const servers = parseServersFile('src/data/servers.yaml', read('src/data/servers.yaml'));
export const exchangeIdsOnDisk = readdirSync('src/data/exchanges').filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
export const exchanges = exchangeIdsOnDisk.map((id) => parseExchangeFile(`src/data/exchanges/${id}.yaml`, read(`src/data/exchanges/${id}.yaml`)));

export const ipContext = (exchangeId: string | null): IpCheckContext => ({
  servers,
  exchange: exchangeId ? ipFactsOf(exchanges.find((e) => e.id === exchangeId)!) : null,
  site: SITE_FOR_TESTS,
});

export interface Target {
  name: string;
  /** What reads this text: `paste` for a visitor's input to a checker (1 MB pastes apply), `source` for authors' files. */
  input: 'paste' | 'source';
  run: (text: string) => unknown;
  /** When the result is a checker report (the shared contract). */
  report?: (result: unknown) => Report;
  /** Errors the target throws on purpose for bad input, with a message for the author. Anything else is a bug. */
  expectedError?: (error: unknown) => boolean;
}

/**
 * Errors micromark/remark raise for text that is not valid MDX: a VFileMessage with a position.
 * Under vitest, micromark runs its development build, whose internal `devlop` assertions (an error
 * named "Assertion") fire first on some invalid MDX, e.g. "<CardGrid>---\ntitle: T\n---": the
 * production build used by `astro build` raises the positioned syntax error there instead.
 */
const isMdxSyntaxError = (e: unknown) => e instanceof Error && (('reason' in e && 'place' in e) || e.name === 'Assertion');

export const targets: Target[] = [
  { name: 'ip-parse: parseList', input: 'paste', run: (text) => parseList(text) },
  { name: 'ip-check: any exchange', input: 'paste', run: (text) => checkIps(text, ipContext(null)), report: (r) => r as Report },
  ...exchangeIdsOnDisk.map((id): Target => ({
    name: `ip-check: ${id}`, input: 'paste', run: (text) => checkIps(text, ipContext(id)), report: (r) => r as Report,
  })),
  {
    name: 'agents: mdxToMarkdown', input: 'source',
    run: (text) => mdxToMarkdown(text, { title: 'Fuzz', pagePath: '/fuzz/page/' }),
    // By design: invalid MDX, a component without a renderer, a built-in used without its required attribute.
    expectedError: (e) => e instanceof UnknownComponentError || isMdxSyntaxError(e)
      || (e instanceof Error && e.constructor === Error && /^<\w+> needs /.test(e.message)),
  },
  ...([
    ['data: parseExchangeFile', 'src/data/exchanges/okx.yaml', parseExchangeFile],
    ['data: parseServersFile', 'src/data/servers.yaml', parseServersFile],
    ['data: parseNetworksFile', 'src/data/networks.yaml', parseNetworksFile],
  ] as const).map(([name, file, parse]): Target => ({
    name, input: 'source', run: (text) => parse(file, text),
    // A bad data file fails the build with a DataError that names the file, the field and the fix.
    expectedError: (e) => e instanceof DataError && e.message.startsWith(`${file} is not valid`),
  })),
];

/**
 * Inputs built to drive a regular expression or a recursive parser into super-linear time or deep
 * recursion, each of about `n` characters. Timed per kB in the bench; the fuzz tests check that
 * eight times the input costs about eight times the time, not 64 or more.
 */
export const adversarial: Record<string, (n: number) => string> = {
  "'a'×n + '!'": (n) => `${'a'.repeat(n)}!`,
  'digits and dots': (n) => `${'1.'.repeat(n / 2)}x`,
  'colons': (n) => `${':'.repeat(n)}x`,
  'hex groups': (n) => `${'ff:'.repeat(n / 3)}g`,
  'nested separators': (n) => ', ;\t\n'.repeat(n / 5),
  'quotes and brackets': (n) => `${'["\''.repeat(n / 6)}${'\'"]'.repeat(n / 6)}`,
  'slashes': (n) => `1.2.3.4${'/'.repeat(n)}`,
  'one huge token': (n) => `${'0'.repeat(n)}.1.1.1`,
  'url-like': (n) => `a${'+.-'.repeat(n / 3)}://`,
  'markdown emphasis': (n) => `${'*_'.repeat(n / 2)}x`,
  'markdown links': (n) => `${'['.repeat(n / 2)}x${'](y)'.repeat(n / 8)}`,
  'nested quotes and lists': (n) => `${'> - '.repeat(Math.min(n / 4, 2000))}x\n`.repeat(Math.max(1, n / 8000)),
  'mdx braces': (n) => `${'{'.repeat(n / 2)}${'}'.repeat(n / 2)}`,
  'yaml nesting': (n) => `${'- '.repeat(Math.min(n / 2, 500))}x\n`.repeat(Math.max(1, n / 1000)),
};

/** Runs a target and returns its result, or the error when it is one the target throws by design. */
export function runTarget(target: Target, text: string): { result?: unknown; error?: unknown } {
  try {
    return { result: target.run(text) };
  } catch (error) {
    if (target.expectedError?.(error)) return { error };
    throw error;
  }
}

/** About `bytes` of realistic paste: public and private addresses, ranges, junk, in mixed separators. */
export function bigPaste(bytes: number): string {
  const tokens = ['192.0.2.10', '198.51.100.20', '1.2.3.4', '10.0.0.1', '2001:db8::1', '2606:4700::1111', '203.0.113.0/24', '1.2.3.4:443', 'x.example', '"8.8.8.8"', '*', '300.1.1.1'];
  const seps = [', ', '\n', ';', '\t', ' '];
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = tokens[(i * 7) % tokens.length]! + seps[i % seps.length]!;
    out.push(t);
    size += t.length;
  }
  return out.join('');
}
