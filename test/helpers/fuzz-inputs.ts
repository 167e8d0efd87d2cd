/**
 * fast-check arbitraries for the fuzz tests: random Unicode for everything, plus inputs shaped like
 * what each target really reads (IP pastes, MDX pages, mutated data files), which reach the deep
 * paths that random text rarely does.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { servers } from './targets.ts';

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

/** The realistic input of each target in test/helpers/targets.ts, by name; random text for the rest. */
export function inputsFor(targetName: string): fc.Arbitrary<string> {
  if (targetName.startsWith('ip-')) return ipListText;
  if (targetName === 'agents: mdxToMarkdown') return mdxText;
  if (targetName === 'data: parseExchangeFile') return mutatedFile('src/data/exchanges/okx.yaml');
  if (targetName === 'data: parseServersFile') return mutatedFile('src/data/servers.yaml');
  if (targetName === 'data: parseNetworksFile') return mutatedFile('src/data/networks.yaml');
  return anyText;
}
