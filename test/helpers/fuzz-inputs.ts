/**
 * fast-check arbitraries for the fuzz tests: random Unicode for everything, plus inputs shaped like
 * what each target really reads (IP pastes, MDX pages, mutated data files), which reach the deep
 * paths that random text rarely does.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { IP_LIST_FIELD, keyExamples, networks, servers } from './targets.ts';

const serverAddresses = servers.servers.map((s) => s.address);

/** One entry as people paste it, valid or not. */
export const ipToken: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...serverAddresses),
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4Extended(),
  fc.tuple(fc.ipV4(), fc.nat(40)).map(([ip, p]) => `${ip}/${p}`),
  fc.tuple(fc.ipV6(), fc.nat(140)).map(([ip, p]) => `${ip}/${p}`),
  fc.tuple(fc.ipV4(), fc.nat(70000)).map(([ip, port]) => `${ip}:${port}`),
  fc.tuple(fc.ipV6(), fc.nat(70000)).map(([ip, port]) => `[${ip}]:${port}`),
  fc.ipV6().map((ip) => `[${ip}]`),
  fc.ipV6().map((ip) => `${ip.toUpperCase()}%eth0`),
  fc.ipV4().map((ip) => `::ffff:${ip}`),
  fc.ipV4().map((ip) => `https://${ip}/`),
  fc.constantFrom('*', '0.0.0.0/0', '::/0', 'x.example', 'localhost', '300.1.1.1', '01.2.3.4', '1.2.3', '::', '[', ']', '""', '/'),
  fc.string({ maxLength: 20 }),
);

const separator = fc.constantFrom(',', ' ', '\n', ';', '\t', ', ', '\r\n', '  ', ',\n');

/** A pasted IP list: entries in mixed separators, sometimes quoted, sometimes a JSON array. */
export const ipListText: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.tuple(ipToken, separator, fc.constantFrom('', '"', "'", '`')), { maxLength: 30 })
    .map((parts) => parts.map(([t, s, q]) => `${q}${t}${q}${s}`).join('')),
  fc.array(ipToken, { maxLength: 30 }).map((ts) => JSON.stringify(ts)),
  fc.array(ipToken, { maxLength: 30 }).map((ts) => `[${ts.map((t) => `"${t}"`).join(', ')}`), // a JSON array cut short
);

const mdxFragments = [
  '# Heading', '## Section {#anchor}', '### Sub', '- item', '1. item', '   - nested', '> quote', '> **Note:** x',
  '```js\nconst a = 1;\n```', '```\nunclosed', '`code`', '*em*', '**strong**', '~~del~~', '***', '---',
  '[link](/a/b/)', '[relative](../x/#y)', '[md](./page.md)', '[ext](https://example.com)', '![img](./a.png)', '<https://example.com>',
  '| a | b |\n| - | - |\n| 1 | 2 |', '[^1]\n\n[^1]: note', '<!-- comment -->', '{/* comment */}', '{1 + 1}', '{`text`}',
  'import { Aside } from "@astrojs/starlight/components";', 'export const x = 1;',
  '<Aside type="caution" title="T">body</Aside>', '<Aside>', '</Aside>', '<Steps>\n\n1. one\n\n</Steps>', '<Tabs>', '</Tabs>',
  '<TabItem label="A">a</TabItem>', '<TabItem>x</TabItem>', '<LinkCard title="T" href="/x/" description="d" />', '<CardGrid>', '</CardGrid>',
  '<Card title="C">c</Card>', '<Badge text="b" />', '<Icon name="star" />', '<Code code="x = 1" lang="py" title="t" />', '<Code lang="py" />',
  '<FileTree>\n- a\n</FileTree>', '<LinkButton href="/y/">go</LinkButton>', '<br />', '<hr />', '<p>para</p>', '<a href="/x/">x</a>',
  '<code>c</code>', '<em>e</em>', '<strong>s</strong>', '<del>d</del>', '<div>block</div>', '<Unknown />', '<a.b />', '<x:y />',
  '---\ntitle: T\n---', '\uFEFF', '&amp;', '\\*', 'text', 'a < b', 'a > b', '{', '}', '<', '>', '\t', '',
];

/** An MDX page: Markdown, JSX, expressions and ESM in random order, with random text between. */
export const mdxText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...mdxFragments) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 25 })
  .chain((parts) => fc.array(fc.constantFrom('\n\n', '\n', ' ', ''), { minLength: parts.length, maxLength: parts.length })
    .map((seps) => parts.map((p, i) => p + seps[i]).join('')));

/** A data file after random edits: lines deleted, doubled or changed, text inserted, the end cut off. */
export function mutatedFile(path: string): fc.Arbitrary<string> {
  const original = readFileSync(path, 'utf8');
  const edit = fc.tuple(fc.constantFrom('delete', 'double', 'replace', 'insert', 'indent', 'cut'), fc.nat(), fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('value: unknown', 'value: true', 'value: -1', 'value: 1e999', '- 1.2.3.4', 'id: other', 'sources: []', ': :', '&a', '*a', '<<: *a', '!!binary x', '{', '[', '"', 'null', '~'),
  ));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let lines = original.split('\n');
    for (const [op, at, text] of edits) {
      const i = at % lines.length;
      if (op === 'delete') lines.splice(i, 1);
      else if (op === 'double') lines.splice(i, 0, lines[i]!);
      else if (op === 'replace') lines[i] = lines[i]!.replace(/:.*$/, `: ${text}`);
      else if (op === 'insert') lines.splice(i, 0, text);
      else if (op === 'indent') lines[i] = `  ${lines[i]}`;
      else lines = lines.slice(0, i);
      if (lines.length === 0) lines = [''];
    }
    return lines.join('\n');
  });
}

/** Any text: Unicode strings, lone surrogates and control characters included. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

type JsonPath = (string | number)[];

/** Every place in a JSON value: object fields and array items, nested. */
function jsonPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  const inner = Array.isArray(value)
    ? value.flatMap((x, i) => jsonPaths(x, [...path, i]))
    : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, x]) => jsonPaths(x, [...path, k])) : [];
  return [path, ...inner];
}

const at = (root: unknown, path: JsonPath) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);

/** A value that looks like an exchange secret: long, letters and digits. */
const secretLike = fc.tuple(fc.stringMatching(/^[A-Za-z]{6,20}$/), fc.stringMatching(/^[0-9]{2,8}$/), fc.stringMatching(/^[A-Za-z0-9]{16,30}$/)).map((p) => p.join(''));

/** What people and exchanges put in key metadata's fields. */
const keyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  ipListText,
  fc.array(ipToken, { maxLength: 6 }),
  secretLike,
  fc.constantFrom('*', '', 'read_only,trade', 'read_only,withdraw,trade', 'trade', 'readonly', 'withdraw', 'true', true, false, 0, 1, '0', '00000', null, [], {},
    '203.**.154', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----', '2099-01-01T00:00:00Z', -1, 1e21),
);
const keyField = fc.oneof(
  fc.constantFrom('ip', 'ips', 'ipList', 'ip_whitelist', 'ipAddresses', 'ipWhitelist', 'ipRestrict', 'perm', 'permissions', 'authorities', 'perms',
    'enableWithdrawals', 'enableFutures', 'enableSpotAndMarginTrading', 'canWithdraw', 'secret', 'secretKey', 'passphrase', 'label', 'note', 'remark',
    'expiredAt', 'tradingAuthorityExpirationTime', 'readOnly', 'type', 'parentUid', 'mainUid', 'uid', 'code', 'msg', 'data', 'result', 'retCode'),
  fc.string({ maxLength: 12 }),
);

/**
 * Key metadata as pasted for one exchange: one of its official examples (test/fixtures/key-metadata)
 * with random edits (a value replaced, a field removed or added, only an inner object kept), written
 * compact or pretty, sometimes cut short; or any JSON.
 */
export function keyMetadataText(exchangeId: string): fc.Arbitrary<string> {
  const examples = keyExamples[exchangeId]!;
  const edit = fc.tuple(fc.constantFrom('replace', 'delete', 'add', 'inner', 'grow-ips'), fc.nat(), keyField, keyValue);
  const edited = fc.tuple(fc.constantFrom(...examples), fc.array(edit, { maxLength: 4 }), fc.constantFrom(0, 2, 'cut'), fc.nat())
    .map(([example, edits, indent, cutAt]) => {
      let root: unknown = structuredClone(example);
      for (const [op, pick, field, value] of edits) {
        const paths = jsonPaths(root);
        const path = paths[pick % paths.length]!;
        const parent = path.length ? at(root, path.slice(0, -1)) as Record<string | number, unknown> : undefined;
        const node = at(root, path);
        if (op === 'replace') {
          if (parent) parent[path.at(-1)!] = structuredClone(value);
          else root = structuredClone(value);
        } else if (op === 'delete' && parent) {
          if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
          else delete parent[path.at(-1)!];
        } else if (op === 'add' && node && typeof node === 'object' && !Array.isArray(node)) (node as Record<string, unknown>)[field] = structuredClone(value);
        else if (op === 'inner' && node && typeof node === 'object') root = node;
        else if (op === 'grow-ips' && parent && !Array.isArray(parent) && IP_LIST_FIELD.test(String(path.at(-1)))) {
          parent[path.at(-1)!] = Array.from({ length: 50 }, (_, i) => `${pick % 256}.${i}.0.${(pick + i) % 256}`).join(',');
        }
      }
      const text = JSON.stringify(root, null, indent === 'cut' ? 0 : indent) ?? 'null';
      return indent === 'cut' ? text.slice(0, cutAt % (text.length + 1)) : text;
    });
  return fc.oneof({ weight: 5, arbitrary: edited }, { weight: 1, arbitrary: fc.json() });
}

const networkNames = networks.flatMap((n) => [n.id, n.name, ...n.aliases]);
/** Deposit addresses of each family, valid and slightly wrong. */
const loopAddress = fc.oneof(
  fc.constantFrom('TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', 'TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW', '0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66693',
    '0x6bacbad7afc28d7819bb00f9b5d8692d20b66693', '0xF394A0F9e17142da3dF5725011300a4F9BA3FA1a', 'bc1qw508d6qejxtdg4c5u4c5u4c5u4c5u4c5u4c5',
    '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'H9KWDKrC7yydhMm7XdY9buiA7LuBDxDJYbHiB5KcxUyi', 'UQBvI0aFLnw2QbZgjMPCLRdtRHxhUyinQudg6sdiohIwg5jL'),
  fc.tuple(fc.constantFrom('TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', '0x6bacBad7aFc28d7819Bb00f9B5D8692D20B66693', 'H9KWDKrC7yydhMm7XdY9buiA7LuBDxDJYbHiB5KcxUyi'), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }))
    .map(([a, i, c]) => a.slice(0, i % a.length) + c + a.slice((i % a.length) + 1)),
  fc.string({ maxLength: 12 }),
);
/** One line of a deposit list or a whitelist, as copied from an exchange: asset, network, address, memo. */
const loopLine = fc.tuple(
  fc.constantFrom('', '', 'USDT ', 'USDC ', 'usdt ', 'BTC ', '- ', '• ', '# '),
  fc.oneof(fc.constantFrom(...networkNames), fc.string({ maxLength: 8 })),
  fc.constantFrom(' ', '\t', ', ', ' | ', ';'),
  loopAddress,
  fc.constantFrom('', '', ' memo: 123456', ' tag 42', ' 99', ' comment=x'),
).map((parts) => parts.join(''));
/** Address lines pasted into one box of the loop checker. */
export const loopLinesText: fc.Arbitrary<string> = fc.array(fc.oneof({ weight: 4, arbitrary: loopLine }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 12 })
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((sep) => lines.join(sep)));

/** The realistic input of each target in test/helpers/targets.ts, by name; random text for the rest. */
export function inputsFor(targetName: string): fc.Arbitrary<string> {
  if (targetName.startsWith('ip-')) return ipListText;
  if (targetName.startsWith('key-check: ')) return keyMetadataText(targetName.slice('key-check: '.length));
  if (targetName.startsWith('address-loop: ')) return loopLinesText;
  if (targetName === 'agents: mdxToMarkdown') return mdxText;
  if (targetName === 'data: parseExchangeFile') return mutatedFile('src/data/exchanges/okx.yaml');
  if (targetName === 'data: parseServersFile') return mutatedFile('src/data/servers.yaml');
  if (targetName === 'data: parseNetworksFile') return mutatedFile('src/data/networks.yaml');
  return anyText;
}
