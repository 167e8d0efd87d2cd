/**
 * SITE, the origin every absolute URL of the docs starts with, comes from the build's environment.
 * A bad value must stop the build with a message that says what to set.
 */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { DEFAULT_SITE, siteOrigin } from '../../src/nav.ts';
import { rewriteOrigin } from '../../src/agents/site-origin.ts';
import { mdxToTree, stringifyMarkdown } from '../../src/agents/markdown.ts';

describe('SITE from the environment', () => {
  it('defaults to the production origin', () => {
    expect(siteOrigin(undefined)).toBe('https://docs.xapy.io');
    expect(siteOrigin('')).toBe(DEFAULT_SITE);
  });

  it.each([
    ['https://docs.example.test', 'https://docs.example.test'],
    ['https://docs.example.test/', 'https://docs.example.test'],
    ['http://localhost:4321', 'http://localhost:4321'],
    ['  https://Staging.Example.TEST  ', 'https://staging.example.test'],
  ])('accepts the origin %j as %j', (value, origin) => {
    expect(siteOrigin(value)).toBe(origin);
  });

  it.each([
    ['docs.example.test', /not an absolute URL/],
    ['ftp://docs.example.test', /the scheme is ftp, not http or https/],
    ['https://docs.example.test/docs/', /it has a path \(\/docs\/\); the docs are served from the root/],
    ['https://docs.example.test/index.html', /it has a path/],
    ['https://docs.example.test/?v=1', /a query or a fragment/],
    ['https://docs.example.test#top', /a query or a fragment/],
    ['https://user:pw@docs.example.test', /user name or password/],
  ])('refuses %j with a message naming SITE and the fix', (value, why) => {
    expect(() => siteOrigin(value)).toThrow(why);
    expect(() => siteOrigin(value)).toThrow(/^SITE must be the absolute http\(s\) URL of the site's root, such as https:\/\/docs\.xapy\.io; found ".*".*Set SITE to the origin alone/);
  });
});

describe('full URLs written in MDX follow SITE', () => {
  const mdx = [
    'Add `https://docs.xapy.io/mcp` to your client, or read [the index](https://docs.xapy.io/llms.txt).',
    '',
    '```sh',
    'curl -s https://docs.xapy.io/api/check/ips',
    '```',
    '',
    '<LinkCard title="Index" href="https://docs.xapy.io/llms.txt" />',
    '',
    'Other sites stay: https://www.okx.com/docs-v5/.',
  ].join('\n');
  const render = (site: string) => {
    const tree: Root = mdxToTree(mdx, { title: 'T', pagePath: '/p/' });
    rewriteOrigin(tree, site);
    return stringifyMarkdown(tree);
  };

  it('shows the built origin in text, code, links and component attributes', () => {
    const md = render('https://docs.example.test');
    expect(md).not.toContain('docs.xapy.io');
    expect(md).toContain('`https://docs.example.test/mcp`');
    expect(md).toContain('(https://docs.example.test/llms.txt)');
    expect(md).toContain('curl -s https://docs.example.test/api/check/ips');
    expect(md).toContain('https://www.okx.com/docs-v5/');
  });

  it('changes nothing for the production origin', () => {
    expect(render(DEFAULT_SITE)).toBe(stringifyMarkdown(mdxToTree(mdx, { title: 'T', pagePath: '/p/' })));
  });
});
