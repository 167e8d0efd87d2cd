/**
 * What users and programs read about XAPY's server list besides the list itself: its state, the
 * JSON at /servers.json and the Atom feed of its changes at /servers.atom.
 */
import { describe, expect, it } from 'vitest';
import { parseAtom } from '../helpers/atom.ts';
import { parseServersFile } from '../../src/data/parse.ts';
import { changeViews, serverListAtom, serverListJson, serverListState } from '../../src/data/server-list.ts';

const SITE = 'https://docs.example.test';
const published = parseServersFile('servers.yaml', `status: published
servers:
  - address: 8.8.4.4
    label: Frankfurt 1
  - address: 2001:4860:4860::8844
    label: Singapore <1> & "2"
history:
  - date: 2026-11-20
    added: [8.8.4.4, 1.0.0.1]
    note: The first list.
  - date: 2026-12-01
    added: [2001:4860:4860::8844]
    removed: [1.0.0.1]
    note: Singapore replaces Tokyo ]]> <b>now</b> & then.
`);
const example = parseServersFile('servers.yaml', `status: example
note: These stand in for XAPY's list.
servers:
  - address: 192.0.2.10
    label: Example server A
history:
  - date: 2026-11-26
    added: [192.0.2.10]
`);

const atom = (list = published) => parseAtom(serverListAtom(list, SITE));

describe('the server list’s state', () => {
  it('is the status, the date of the last change and its version', () => {
    expect(serverListState(published)).toEqual({ status: 'published', updated: '2026-12-01', version: 2026120101 });
    expect(serverListState(example)).toEqual({ status: 'example', updated: '2026-11-26', version: 2026112601 });
  });
});

describe('/servers.json', () => {
  it('carries the date, the version, the feed, the servers and the history', () => {
    const json = serverListJson(published, SITE);
    expect(json).toMatchObject({ status: 'published', updated: '2026-12-01', version: 2026120101, feed: 'https://docs.example.test/servers.atom' });
    expect(json).not.toHaveProperty('note');
    expect(json.servers).toEqual(published.servers);
    expect(json.history).toEqual([
      { date: '2026-11-20', version: 2026112001, added: ['8.8.4.4', '1.0.0.1'], removed: [], note: 'The first list.' },
      { date: '2026-12-01', version: 2026120101, added: ['2001:4860:4860::8844'], removed: ['1.0.0.1'], note: 'Singapore replaces Tokyo ]]> <b>now</b> & then.' },
    ]);
  });

  it('keeps the note while the list is an example', () => {
    expect(serverListJson(example, SITE)).toMatchObject({ status: 'example', note: "These stand in for XAPY's list." });
  });
});

describe('/servers.atom', () => {
  it('is an Atom 1.0 feed with id, title, updated, author and links to itself and the page', () => {
    const feed = atom();
    expect(feed.id).toBe(`${SITE}/servers.atom`);
    expect(feed.title).toBe('XAPY’s server list');
    expect(feed.updated).toBe('2026-12-01T00:00:00.000Z');
    expect(feed.author).toBe('XAPY');
    expect(feed.links).toEqual(expect.arrayContaining([
      { rel: 'self', href: `${SITE}/servers.atom`, type: null },
      { rel: 'alternate', href: `${SITE}/setup/on-crypto-exchanges/server-ips/`, type: null },
    ]));
  });

  it('is read strictly: the reader refuses what is not well-formed Atom', () => {
    expect(() => parseAtom('<feed xmlns="http://www.w3.org/2005/Atom"><title>a & b</title></feed>')).toThrow(/not well-formed/);
    expect(() => parseAtom('<rss><channel/></rss>')).toThrow(/Atom <feed>/);
  });

  it('has one entry per change, newest first, each linking to the change on the page', () => {
    const entries = atom().entries;
    expect(entries.map((e) => e.id)).toEqual([
      `${SITE}/setup/on-crypto-exchanges/server-ips/#change-2026120101`,
      `${SITE}/setup/on-crypto-exchanges/server-ips/#change-2026112001`,
    ]);
    expect(entries.map((e) => e.links[0]!.href)).toEqual(entries.map((e) => e.id));
    expect(entries.map((e) => e.updated)).toEqual(['2026-12-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z']);
    expect(entries.map((e) => e.titleType)).toEqual(['html', 'html']);
    expect(entries.map((e) => e.title)).toEqual(['2026-12-01: 1 server added, 1 removed', '2026-11-20: 2 servers added']);
  });

  it('lists the addresses added and removed, with the labels of listed servers, escaped as HTML', () => {
    const [latest, first] = atom().entries;
    const html = latest!.content;
    expect(latest!.contentType).toBe('html');
    expect(html).toContain('<p>Added:</p><ul><li>2001:4860:4860::8844 (Singapore &lt;1&gt; &amp; &quot;2&quot;)</li></ul>');
    expect(html).toContain('<p>Removed:</p><ul><li>1.0.0.1</li></ul>');
    expect(html).toContain('Singapore replaces Tokyo ]]&gt; &lt;b&gt;now&lt;/b&gt; &amp; then.');
    expect(first!.content).toContain('<li>8.8.4.4 (Frankfurt 1)</li><li>1.0.0.1</li>');
    expect(html).not.toMatch(/example addresses/i);
  });

  it('says the addresses are examples while the list is one', () => {
    const feed = atom(example);
    expect(feed.title).toMatch(/example addresses, not XAPY’s servers/);
    expect(feed.entries[0]!.content).toContain('<strong>Example addresses, not XAPY’s servers.</strong> These stand in for XAPY&#39;s list.'.replace('&#39;', "'"));
  });
});

describe('the history on the page', () => {
  it('lists the changes newest first with anchors that the feed links to', () => {
    expect(changeViews(published).map((c) => [c.id, c.date, c.added.map((s) => s.label ?? s.address), c.removed.map((s) => s.address)])).toEqual([
      ['change-2026120101', '2026-12-01', ['Singapore <1> & "2"'], ['1.0.0.1']],
      ['change-2026112001', '2026-11-20', ['Frankfurt 1', '1.0.0.1'], []],
    ]);
  });
});
