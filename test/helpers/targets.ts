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
import { checkIps, ipFactsAmong, type IpCheckContext } from '../../src/rules/ip-check.ts';
import { parseList } from '../../src/rules/ip-parse.ts';
import type { Report } from '../../src/rules/report.ts';
import { DataError, parseExchangeFile, parseNetworksFile, parseServersFile } from '../../src/data/parse.ts';
import { mdxToMarkdown, UnknownComponentError } from '../../src/agents/markdown.ts';
import { checkKeyMetadata, keyFactsOf, type KeyCheckResult } from '../../src/rules/key-check.ts';
import { checkAddressLoopInput, loopFactsOf, type LoopContext } from '../../src/rules/address-loop.ts';
import { loopInputFromText } from '../../src/rules/address-lines.ts';

const read = (file: string) => readFileSync(file, 'utf8');
export const SITE_FOR_TESTS = 'https://docs.xapy.io';
export const servers = parseServersFile('src/data/servers.yaml', read('src/data/servers.yaml'));
export const exchangeIdsOnDisk = readdirSync('src/data/exchanges').filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
export const exchanges = exchangeIdsOnDisk.map((id) => parseExchangeFile(`src/data/exchanges/${id}.yaml`, read(`src/data/exchanges/${id}.yaml`)));

export const networks = parseNetworksFile('src/data/networks.yaml', read('src/data/networks.yaml'));

export const ipContext = (exchangeId: string | null): IpCheckContext => ({
  servers,
  exchange: exchangeId ? ipFactsAmong(exchanges.find((e) => e.id === exchangeId)!, exchanges) : null,
  site: SITE_FOR_TESTS,
});

export interface Target {
  name: string;
  /** What reads this text: `paste` for a visitor's input to a checker (1 MB pastes apply), `source` for authors' files. */
  input: 'paste' | 'source';
  run: (text: string) => unknown;
  /** When the result is a checker report (the shared contract); undefined for a result that is an input error instead. */
  report?: (result: unknown) => Report | undefined;
  /** Errors the target throws on purpose for bad input, with a message for the author. Anything else is a bug. */
  expectedError?: (error: unknown) => boolean;
  /** For `paste` targets: about `bytes` of what people really paste into this one, when it is not an IP list (bigPaste). */
  bigInput?: (bytes: number) => string;
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
  ...exchangeIdsOnDisk.map((id): Target => ({
    name: `key-check: ${id}`, input: 'paste',
    // As the widget sends it: the metadata box's text, the IP box empty, no key chosen yet.
    run: (text) => checkKeyMetadata({ exchange: id, mode: 'read-write', metadata: text, ips: '', addressWhitelistConfirmed: false }, keyContext(id)),
    report: (r) => ((r as KeyCheckResult).ok ? (r as KeyCheckResult & { ok: true }).report : undefined),
    bigInput: (bytes) => bigKeyMetadata(id, bytes),
  })),
  ...(['deposits', 'whitelist'] as const).map((box): Target => ({
    name: `address-loop: ${box} lines`, input: 'paste',
    run: (text) => checkAddressLoopInput(loopInputFromText(loopPaste(box, text), networks), loopContext),
    report: (r) => r as Report,
    bigInput: (bytes) => bigLoopPaste(box, bytes),
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
  // /^"+|"+$/ and /\/+$/ retried such a run from each of its characters (quadratic).
  'quote run': (n) => `"x${'"'.repeat(n - 3)}x`,
  'slash run': (n) => `${'/'.repeat(n - 2)}x/`,
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

const PASTE_TOKENS = ['192.0.2.10', '198.51.100.20', '1.2.3.4', '10.0.0.1', '2001:db8::1', '2606:4700::1111', '203.0.113.0/24', '1.2.3.4:443', 'x.example', '"8.8.8.8"', '*', '300.1.1.1'];

/** About `bytes` of realistic paste: public and private addresses, ranges, junk, in mixed separators. */
export function bigPaste(bytes: number): string {
  const tokens = PASTE_TOKENS;
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

export const keyContext = (exchangeId: string) => ({
  servers, exchange: keyFactsOf(exchanges.find((e) => e.id === exchangeId)!, exchanges), site: SITE_FOR_TESTS,
});

/** The exchanges' official key-metadata examples (test/fixtures/key-metadata), by exchange id. */
export const keyExamples: Record<string, unknown[]> = {};
for (const file of readdirSync('test/fixtures/key-metadata').filter((f) => f.endsWith('.json')).sort()) {
  (keyExamples[file.split('-')[0]!] ??= []).push(JSON.parse(read(`test/fixtures/key-metadata/${file}`)).response);
}

/** Fields of key metadata that hold the key's IP list ("ips", "ip_whitelist", "ipAddresses"…). */
export const IP_LIST_FIELD = /^ip(s|list|_?whitelist|_?addresses)?$/i;

/**
 * About `bytes` of key metadata: the exchange's official example with its IP list grown to fill
 * them with bigPaste's entries (an "ip_whitelist" added where the example has none), pretty-printed.
 */
export function bigKeyMetadata(exchangeId: string, bytes: number): string {
  const example = structuredClone(keyExamples[exchangeId]![0]) as Record<string, unknown>;
  const entries = PASTE_TOKENS.filter((t) => t !== '*').map((t) => t.replaceAll('"', '')); // "*" would read as a masked list
  const ips: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    ips.push(entries[(i * 7) % entries.length]!);
    size += ips[ips.length - 1]!.length + 6;
  }
  let grown = false;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (IP_LIST_FIELD.test(k) && (typeof item === 'string' || Array.isArray(item))) {
          (v as Record<string, unknown>)[k] = typeof item === 'string' ? ips.join(',') : ips;
          grown = true;
        } else walk(item);
      }
    }
  };
  walk(example);
  if (!grown) example.ip_whitelist = ips;
  return JSON.stringify(example, null, 2);
}

export const loopContext: LoopContext = { exchanges: exchanges.map(loopFactsOf), networks, site: SITE_FOR_TESTS };

/** Valid deposit addresses, one a network family, and their lines as exchanges show them. */
const LOOP_ADDRESSES = {
  tron: 'TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo',
  evm: '0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66693',
  solana: 'H9KWDKrC7yydhMm7XdY9buiA7LuBDxDJYbHiB5KcxUyi',
  ton: 'UQBvI0aFLnw2QbZgjMPCLRdtRHxhUyinQudg6sdiohIwg5jL',
};

/**
 * A loop of two exchanges as the widget reads it, `text` pasted into one box of the first
 * (its deposit addresses, or its whitelist) and the other boxes filled in as people do.
 */
export function loopPaste(box: 'deposits' | 'whitelist', text: string) {
  const [a, b] = exchangeIdsOnDisk as [string, string];
  return [
    { exchange: a, deposits: box === 'deposits' ? text : `USDT TRC20 ${LOOP_ADDRESSES.tron}`, whitelist: box === 'whitelist' ? text : `TRC20 TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW` },
    { exchange: b, deposits: 'USDT TRC20 TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW\nUSDC ERC20 0xF394A0F9e17142da3dF5725011300a4F9BA3FA1a', whitelist: `TRC20 ${LOOP_ADDRESSES.tron}\nERC20 ${LOOP_ADDRESSES.evm}` },
  ];
}

/** About `bytes` of address lines for one box, as copied from exchanges: right, wrong and unreadable lines, repeated. */
export function bigLoopPaste(box: 'deposits' | 'whitelist', bytes: number): string {
  const asset = box === 'deposits' ? 'USDT ' : '';
  const lines = [
    `${asset}TRC20 ${LOOP_ADDRESSES.tron}`, `${asset}ERC20 ${LOOP_ADDRESSES.evm}`, `${asset}BEP20 (BSC) ${LOOP_ADDRESSES.evm.toLowerCase()}`,
    `${asset}SOL ${LOOP_ADDRESSES.solana}`, `${asset}TON ${LOOP_ADDRESSES.ton} memo: 123456`, `- ${asset}TRC20 TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW`,
    `${asset}ERC20 0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66694`, `${asset}Polygon 0xF394A0F9e17142da3dF5725011300a4F9BA3FA1a`,
    `${asset}NoSuchChain abc`, 'TRC20', '# my addresses', `USDC Arbitrum One ${LOOP_ADDRESSES.evm}`,
  ];
  const out: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    out.push(lines[(i * 5) % lines.length]!);
    size += out[out.length - 1]!.length + 1;
  }
  return out.join('\n');
}
