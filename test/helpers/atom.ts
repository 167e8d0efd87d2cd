/**
 * Reads an Atom feed strictly into the parts the tests check: sax's strict parser first refuses
 * anything that is not well-formed XML (a bare & or <, a bad tag), then xmldom reads the tree.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import sax from 'sax';

const ATOM = 'http://www.w3.org/2005/Atom';

export interface AtomLink { rel: string | null; href: string | null; type: string | null }
export interface AtomEntry { id: string; title: string; titleType: string | null; updated: string; links: AtomLink[]; content: string; contentType: string | null }
export interface AtomFeed { id: string; title: string; updated: string; author: string; links: AtomLink[]; entries: AtomEntry[] }

const child = (el: Element, name: string): Element | undefined => {
  for (const c of Array.from(el.childNodes)) if (c.nodeType === 1 && (c as Element).namespaceURI === ATOM && (c as Element).localName === name) return c as Element;
  return undefined;
};
const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((c): c is Element => c.nodeType === 1 && (c as Element).namespaceURI === ATOM && (c as Element).localName === name);
const text = (el: Element, name: string) => child(el, name)?.textContent ?? '';
const links = (el: Element): AtomLink[] => children(el, 'link').map((l) => ({ rel: l.getAttribute('rel'), href: l.getAttribute('href'), type: l.getAttribute('type') }));

/** Throws unless `xml` is well-formed XML. */
export function checkWellFormed(xml: string): void {
  const parser = sax.parser(true);
  parser.onerror = (e) => { throw new Error(`not well-formed XML: ${e.message.split('\n')[0]}`); };
  parser.write(xml).close();
}

export function parseAtom(xml: string): AtomFeed {
  checkWellFormed(xml);
  const doc = new DOMParser({ onError: (level, message) => { throw new Error(`Atom feed is not well-formed XML (${level}): ${message}`); } }).parseFromString(xml, 'application/xml');
  const feed = doc.documentElement;
  if (!feed || feed.namespaceURI !== ATOM || feed.localName !== 'feed') throw new Error('expected an Atom <feed> root element');
  return {
    id: text(feed, 'id'),
    title: text(feed, 'title'),
    updated: text(feed, 'updated'),
    author: child(feed, 'author') ? text(child(feed, 'author')!, 'name') : '',
    links: links(feed),
    entries: children(feed, 'entry').map((e) => ({
      id: text(e, 'id'),
      title: text(e, 'title'),
      titleType: child(e, 'title')?.getAttribute('type') ?? null,
      updated: text(e, 'updated'),
      links: links(e),
      content: text(e, 'content'),
      contentType: child(e, 'content')?.getAttribute('type') ?? null,
    })),
  };
}
