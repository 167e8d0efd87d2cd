/**
 * Specification of the Markdown twin an AI agent reads at `/<path>.md`:
 * each test states what the agent sees for one kind of MDX source.
 */
import { describe, it, expect } from 'vitest';
import type { RootContent, TableRow } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import {
  mdxToMarkdown,
  markdownUrl,
  UnknownComponentError,
  type ComponentRenderer,
  type JsxElementInfo,
  type MarkdownOptions,
} from '../../src/agents/markdown';

const PAGE = '/setup/on-crypto-exchanges/server-ips/';
const md = (body: string, options: Partial<MarkdownOptions> = {}) =>
  mdxToMarkdown(body, { title: 'Server IPs', pagePath: PAGE, ...options });
/** The body: what follows the `# Server IPs` heading. */
const body = (source: string, options: Partial<MarkdownOptions> = {}) =>
  md(source, options).slice('# Server IPs\n\n'.length);

/** Everything an agent reads as prose: all text outside code, plus raw HTML. */
function prose(markdown: string): string {
  const parts: string[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown), (node) => {
    if (node.type === 'code' || node.type === 'inlineCode') return 'skip';
    if (node.type === 'text' || node.type === 'html') parts.push(node.value);
  });
  return parts.join('\n');
}

// A project widget, as the page route would supply it: renders the server list as a table.
const SERVERS = [
  { region: 'eu', ip: '203.0.113.7', since: '2024-05-01' },
  { region: 'eu', ip: '203.0.113.8', since: '2025-01-15' },
  { region: 'us', ip: '198.51.100.4', since: '2024-05-01' },
];
const cell = (value: string, code = false) =>
  ({ type: 'tableCell', children: [code ? { type: 'inlineCode', value } : { type: 'text', value }] }) as TableRow['children'][number];
const ServerList: ComponentRenderer = (el) => [
  {
    type: 'table',
    align: ['left', 'left'],
    children: [
      { type: 'tableRow', children: [cell('IP'), cell('In use since')] },
      ...SERVERS.filter((s) => s.region === el.attributes.region).map(
        (s): TableRow => ({ type: 'tableRow', children: [cell(s.ip, true), cell(s.since)] }),
      ),
    ],
  },
];

describe('page frame', () => {
  it('starts with the title as the only H1, then the description', () => {
    expect(md('Body text.', { description: 'IPs XAPY calls exchanges from.' })).toBe(
      '# Server IPs\n\nIPs XAPY calls exchanges from.\n\nBody text.\n',
    );
    expect(md('Body text.')).toBe('# Server IPs\n\nBody text.\n');
  });

  it('demotes H1s written in the body (Markdown or <h1>) so there is exactly one H1', () => {
    expect(body('# Intro\n\n<h1>Also</h1>\n\n## Kept')).toBe('## Intro\n\n## Also\n\n## Kept\n');
  });

  it('drops a leading YAML frontmatter block if Astro left one in', () => {
    expect(body('---\ntitle: Server IPs\nsidebar:\n  order: 2\n---\n\nText.')).toBe('Text.\n');
  });

  it('keeps a leading thematic break that is not YAML frontmatter', () => {
    expect(body('---\n\nText.')).toBe('---\n\nText.\n');
  });

  it('handles an empty body', () => {
    expect(md('')).toBe('# Server IPs\n');
  });
});

describe('MDX-only syntax is removed', () => {
  it('drops import/export statements', () => {
    const out = body("import { Aside } from '@astrojs/starlight/components';\nexport const x = 1;\n\nText.");
    expect(out).toBe('Text.\n');
  });

  it('drops {/* comments */} and {expressions}, without leaving double spaces', () => {
    expect(body('{/* editor note */}\n\nUse {props.count} keys {/* inline */} per account.')).toBe(
      'Use keys per account.\n',
    );
  });

  it('drops HTML comments produced by renderers (MDX itself rejects <!-- --> as a syntax error)', () => {
    const Note: ComponentRenderer = () => [{ type: 'html', value: '<!-- internal -->' }];
    expect(body('Before\n\n<Note />\n\nAfter', { components: { Note } })).toBe('Before\n\nAfter\n');
    expect(() => body('<!-- c -->')).toThrow(/comment in MDX/);
  });
});

describe('Starlight components', () => {
  it.each([
    ['note', 'Note'],
    ['tip', 'Tip'],
    ['caution', 'Caution'],
    ['danger', 'Danger'],
  ])('<Aside type="%s"> is a blockquote opening with **%s:**', (type, label) => {
    expect(body(`<Aside type="${type}">\nRotate keys yearly.\n</Aside>`)).toBe(`> **${label}:** Rotate keys yearly.\n`);
  });

  it('<Aside> defaults to Note, uses its title as the label, and keeps block content', () => {
    expect(body('<Aside>One line aside.</Aside>')).toBe('> **Note:** One line aside.\n');
    expect(body('<Aside type="caution" title="Before you start">\nCheck **twice**.\n\nThen act.\n</Aside>')).toBe(
      '> **Before you start:** Check **twice**.\n>\n> Then act.\n',
    );
    expect(body('<Aside type="danger">\n- never share secrets\n- ever\n</Aside>')).toBe(
      '> **Danger:**\n>\n> - never share secrets\n> - ever\n',
    );
  });

  it('<Steps> leaves its ordered list ordered', () => {
    expect(body('<Steps>\n1. Open settings.\n2. Create a key.\n3. Save.\n</Steps>')).toBe(
      '1. Open settings.\n2. Create a key.\n3. Save.\n',
    );
  });

  it('<Tabs> renders every <TabItem> as a bold label followed by its content', () => {
    const source = '<Tabs>\n  <TabItem label="Binance">\n    Use *Restrict access*.\n  </TabItem>\n  <TabItem label="OKX">Add under **IP whitelist**.</TabItem>\n</Tabs>';
    expect(body(source)).toBe('**Binance**\n\nUse *Restrict access*.\n\n**OKX**\n\nAdd under **IP whitelist**.\n');
  });

  it('a <TabItem> without a label is an error rather than an unlabelled flattening', () => {
    expect(() => body('<Tabs>\n<TabItem>\nx\n</TabItem>\n</Tabs>')).toThrow(/TabItem/);
  });

  it('<Card> is a bold title plus content; <CardGrid> is its children', () => {
    expect(body('<CardGrid>\n<Card title="Fast" icon="rocket">\nQuick setup.\n</Card>\n<Card title="Safe">\nLeast privilege.\n</Card>\n</CardGrid>')).toBe(
      '**Fast**\n\nQuick setup.\n\n**Safe**\n\nLeast privilege.\n',
    );
  });

  it('adjacent <LinkCard>s form one list of `[title](href): description`', () => {
    const source = '<CardGrid>\n  <LinkCard title="Checker" href="/tools/checker/" description="Verify a key." />\n  <LinkCard title="Home" href="/" />\n</CardGrid>';
    expect(body(source)).toBe('- [Checker](/tools/checker.md): Verify a key.\n- [Home](/index.md)\n');
  });

  it('<LinkButton> is a link, <Badge> its text, <Icon> nothing', () => {
    expect(body('<LinkButton href="/setup/" variant="primary">Get started <Icon name="right-arrow" /></LinkButton>')).toBe(
      '[Get started](/setup.md)\n',
    );
    expect(body('## Checker <Badge text="Beta" variant="caution" />\n\nNew <Badge text="v2" /> format.')).toBe(
      '## Checker Beta\n\nNew v2 format.\n',
    );
  });

  it('<FileTree> is its list', () => {
    expect(body('<FileTree>\n- src/\n  - **index.ts** entry\n- README.md\n</FileTree>')).toBe(
      '- src/\n  - **index.ts** entry\n- README.md\n',
    );
  });

  it('<Code code lang> is a fenced block with that language (title kept as meta)', () => {
    expect(body('<Code code={`const a = {b: 1};\\nimport x`} lang="js" title="a.js" />')).toBe(
      '```js title="a.js"\nconst a = {b: 1};\nimport x\n```\n',
    );
    expect(body('<Code code="curl ifconfig.me" />')).toBe('```text\ncurl ifconfig.me\n```\n');
  });

  it('<Code code={variable}> cannot be resolved statically and is an error', () => {
    expect(() => body("import src from './a.js?raw';\n\n<Code code={src} lang=\"js\" />")).toThrow(/Code/);
  });
});

describe('HTML written in MDX', () => {
  it('<kbd> and <code> become inline code, <br/> a line break', () => {
    expect(body('Press <kbd>Ctrl</kbd>+<kbd>V</kbd> in <code>config</code>.<br/>Done.')).toBe(
      'Press `Ctrl`+`V` in `config`.\\\nDone.\n',
    );
  });

  it('<abbr title> spells out the abbreviation', () => {
    expect(body('An <abbr title="Application Programming Interface">API</abbr> key.')).toBe(
      'An API (Application Programming Interface) key.\n',
    );
  });

  it('<details><summary> becomes a bold summary followed by the content', () => {
    expect(body('<details>\n<summary>Why fixed IPs?</summary>\n\nBecause keys *leak*.\n</details>')).toBe(
      '**Why fixed IPs?**\n\nBecause keys *leak*.\n',
    );
  });

  it('inline formatting tags and links map to Markdown; unknown lower-case tags become their content', () => {
    expect(body('<strong>a</strong> <em>b</em> <a href="../faq/">c</a> <span>d *e*</span> <my-widget>f</my-widget>')).toBe(
      '**a** *b* [c](/setup/on-crypto-exchanges/faq.md) d *e* f\n',
    );
  });
});

describe('project components', () => {
  it('an unknown capitalised component throws UnknownComponentError naming it', () => {
    expect(() => body('Intro.\n\n<ServerList region="eu" />')).toThrow(UnknownComponentError);
    expect(() => body('Intro.\n\n<ServerList region="eu" />')).toThrow(/<ServerList>.*line 3/);
    expect(() => body('<Aside>\nSee <IpChecker />\n</Aside>')).toThrow(/<IpChecker>/);
    try {
      body('<Widgets.Map />');
    } catch (error) {
      expect((error as UnknownComponentError).component).toBe('Widgets.Map');
    }
    expect.assertions(4);
  });

  it('a supplied renderer gets name, typed attributes and raw children, and can convert them', () => {
    let seen: JsxElementInfo | undefined;
    const Panel: ComponentRenderer = (el, convert) => {
      seen = el;
      return [{ type: 'heading', depth: 3, children: [{ type: 'text', value: String(el.attributes.heading) }] }, ...convert(el.children)];
    };
    const out = body('<Panel heading="Limits" max={30} open hidden={false} label={`x`} data={items} {...rest}>\nUp to <Badge text="30" /> IPs.\n</Panel>', {
      components: { Panel },
    });
    expect(seen?.name).toBe('Panel');
    expect(seen?.attributes).toEqual({ heading: 'Limits', max: 30, open: true, hidden: false, label: 'x', data: null });
    expect(out).toBe('### Limits\n\nUp to 30 IPs.\n');
  });

  it('supplied renderers override built-ins of the same name', () => {
    const Badge: ComponentRenderer = (el) => [{ type: 'emphasis', children: [{ type: 'text', value: `[${el.attributes.text}]` }] }];
    expect(body('New <Badge text="beta" />.', { components: { Badge } })).toBe('New *\\[beta]*.\n');
  });

  it('a widget rendering a table gets a GFM table', () => {
    expect(body('<ServerList region="eu" />', { components: { ServerList } })).toBe(
      '| IP            | In use since |\n| :------------ | :----------- |\n| `203.0.113.7` | 2024-05-01   |\n| `203.0.113.8` | 2025-01-15   |\n',
    );
  });
});

describe('links point at Markdown twins', () => {
  it.each([
    ['/tools/checker/', '/tools/checker.md'],
    ['/tools/checker', '/tools/checker.md'],
    ['/tools/checker/#usage', '/tools/checker.md#usage'],
    ['/tools/checker/?key=1#usage', '/tools/checker.md?key=1#usage'],
    ['/', '/index.md'],
    ['../api-keys/', '/setup/on-crypto-exchanges/api-keys.md'],
    ['./binance/', '/setup/on-crypto-exchanges/server-ips/binance.md'],
    ['../../', '/setup.md'],
    ['#current-ips', '/setup/on-crypto-exchanges/server-ips.md#current-ips'],
    ['/servers.json', '/servers.json'],
    ['/llms.txt', '/llms.txt'],
    ['../servers.json', '/setup/on-crypto-exchanges/servers.json'],
    ['/tools/checker.md', '/tools/checker.md'],
    ['https://www.binance.com/en/my/settings/api-management', 'https://www.binance.com/en/my/settings/api-management'],
    ['//cdn.example.com/x/', '//cdn.example.com/x/'],
    ['mailto:support@xapy.io', 'mailto:support@xapy.io'],
  ])('%s -> %s', (href, expected) => {
    expect(markdownUrl(href, PAGE)).toBe(expected);
  });

  it('a pure #anchor on the home page points into /index.md', () => {
    expect(markdownUrl('#faq', '/')).toBe('/index.md#faq');
  });

  it('rewrites inline links and link definitions, and leaves image sources alone', () => {
    const source = '[Keys](../api-keys/) and [FAQ][faq]. ![Diagram](/img/flow.png) ![Local](./flow.png)\n\n[faq]: /help/faq/#ips';
    expect(body(source)).toBe(
      '[Keys](/setup/on-crypto-exchanges/api-keys.md) and [FAQ][faq]. ![Diagram](/img/flow.png) ![Local](./flow.png)\n\n[faq]: /help/faq.md#ips\n',
    );
  });
});

describe('Markdown output style', () => {
  it('uses - bullets, * emphasis, ** strong and keeps GFM tables', () => {
    expect(body('* one _two_ __three__\n* ~~four~~\n\n| A | B |\n|:--|--:|\n| 1 | 2 |')).toBe(
      '- one *two* **three**\n- ~~four~~\n\n| A  |  B |\n| :- | -: |\n| 1  |  2 |\n',
    );
  });

  it('fences every code block, closed, with `text` when no language was given', () => {
    expect(body('```\n203.0.113.7\n```')).toBe('```text\n203.0.113.7\n```\n');
    expect(body('```sh\ncurl ifconfig.me')).toBe('```sh\ncurl ifconfig.me\n```\n');
  });

  it('leaves code content verbatim, even JSX, imports and expressions', () => {
    const code = "import x from 'y';\nexport const a = {b};\nconst el = <Foo bar={1} />;\n{/* not a comment here */}";
    expect(body('```tsx\n' + code + '\n```\n\nUse `<Foo>` and `import x`.')).toBe(
      '```tsx\n' + code + '\n```\n\nUse `<Foo>` and `import x`.\n',
    );
  });
});

describe('a realistic page', () => {
  const SOURCE = `---
title: Server IPs
description: IP addresses XAPY calls exchanges from.
---
import { Aside, Steps, Tabs, TabItem, LinkCard, CardGrid, Badge } from '@astrojs/starlight/components';
import ServerList from '~/components/ServerList.astro';
export const region = 'eu';

{/* Keep in sync with public/servers.json */}

XAPY calls exchanges from fixed IPs <Badge text="Updated" variant="tip" />. The same list is in
[servers.json](/servers.json); see also [API key scopes](../api-keys/#scopes).

<Aside type="caution" title="Before you start">
Only whitelist the IPs on this page, for the {region} region.
</Aside>

## Current IPs

<ServerList region="eu" />

<Aside>Addresses change rarely; watch the [changelog](/help/changelog/).</Aside>

## Add the IPs to your key

<Steps>
1. Open **API Management** on the exchange.
2. Paste the IPs, one per line:

   \`\`\`
   203.0.113.7
   203.0.113.8
   \`\`\`
3. Save, then check the key with the [checker](#check-your-key).
</Steps>

<Tabs>
  <TabItem label="Binance">
    Choose *Restrict access to trusted IPs only*, then press <kbd>Ctrl</kbd>+<kbd>V</kbd>.
  </TabItem>
  <TabItem label="OKX">Add them under **IP whitelist**.</TabItem>
</Tabs>

| Exchange | Max IPs per key |
| :------- | --------------: |
| Binance  | 30 |
| OKX      | 20 |

## Check your key

\`\`\`ts
import { check } from '@xapy/checker';
const report = await check({ key: process.env.KEY }); // <Report />
\`\`\`

<CardGrid>
  <LinkCard title="Key checker" href="/tools/checker/" description="Verify a key's permissions." />
  <LinkCard title="Exchange guides" href="../" />
</CardGrid>
`;

  const EXPECTED = `# Server IPs

IP addresses XAPY calls exchanges from.

XAPY calls exchanges from fixed IPs Updated. The same list is in
[servers.json](/servers.json); see also [API key scopes](/setup/on-crypto-exchanges/api-keys.md#scopes).

> **Before you start:** Only whitelist the IPs on this page, for the region.

## Current IPs

| IP            | In use since |
| :------------ | :----------- |
| \`203.0.113.7\` | 2024-05-01   |
| \`203.0.113.8\` | 2025-01-15   |

> **Note:** Addresses change rarely; watch the [changelog](/help/changelog.md).

## Add the IPs to your key

1. Open **API Management** on the exchange.
2. Paste the IPs, one per line:

   \`\`\`text
   203.0.113.7
   203.0.113.8
   \`\`\`
3. Save, then check the key with the [checker](/setup/on-crypto-exchanges/server-ips.md#check-your-key).

**Binance**

Choose *Restrict access to trusted IPs only*, then press \`Ctrl\`+\`V\`.

**OKX**

Add them under **IP whitelist**.

| Exchange | Max IPs per key |
| :------- | --------------: |
| Binance  |              30 |
| OKX      |              20 |

## Check your key

\`\`\`ts
import { check } from '@xapy/checker';
const report = await check({ key: process.env.KEY }); // <Report />
\`\`\`

- [Key checker](/tools/checker.md): Verify a key's permissions.
- [Exchange guides](/setup/on-crypto-exchanges.md)
`;

  const render = () =>
    mdxToMarkdown(SOURCE, {
      title: 'Server IPs',
      description: 'IP addresses XAPY calls exchanges from.',
      pagePath: PAGE,
      components: { ServerList },
    });

  it('renders exactly the expected Markdown', () => {
    expect(render()).toBe(EXPECTED);
  });

  it('leaves no MDX in the prose: no import/export, no <Component> tags, no {expressions}', () => {
    const text = prose(render());
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    expect(text).not.toMatch(/<[A-Z]/);
    expect(text).not.toContain('{');
    expect(render()).toContain("import { check } from '@xapy/checker';"); // ...but code keeps it
  });

  it('has exactly one H1', () => {
    const h1s: RootContent[] = [];
    visit(unified().use(remarkParse).parse(render()), 'heading', (h) => {
      if (h.depth === 1) h1s.push(h);
    });
    expect(h1s).toHaveLength(1);
  });
});
