/**
 * What the server list's surfaces derive from src/data/servers.yaml: its state (status, date,
 * version), the body of /servers.json, the history in words and the Atom feed /servers.atom.
 * Pure: callers pass the parsed list and the site's origin.
 */
import { Feed } from 'feed';
import ipaddr from 'ipaddr.js';
import type { ServerChange, Servers } from './schema.ts';

export const SERVER_IPS_PATH = '/setup/on-crypto-exchanges/server-ips/';
export const SERVERS_JSON_PATH = '/servers.json';
export const SERVERS_FEED_PATH = '/servers.atom';

export interface ServerListState {
  status: Servers['status'];
  /** The date of the last change, YYYY-MM-DD. */
  updated: string;
  /** Grows with every change: the last change's date as YYYYMMDD, then its number that day (01, 02, …). */
  version: number;
}

/** The list's state, e.g. for a health check: `{ status, updated, version }`. */
export function serverListState(list: Pick<Servers, 'status' | 'updated' | 'version'>): ServerListState {
  return { status: list.status, updated: list.updated, version: list.version };
}

/** The id of a change on the server IPs page (its anchor), e.g. "change-2026112601". */
export const changeId = (change: Pick<ServerChange, 'version'>) => `change-${change.version}`;

export interface ChangedServer {
  address: string;
  /** The label of an added server that is still listed. */
  label?: string;
}
export interface ChangeView {
  id: string;
  version: number;
  date: string;
  added: ChangedServer[];
  removed: ChangedServer[];
  note?: string;
}

const canonical = (address: string) => ipaddr.process(address).toString();

/** The list's changes, newest first, with the labels of the added servers still listed. */
export function changeViews(list: Pick<Servers, 'servers' | 'history'>): ChangeView[] {
  const labels = new Map(list.servers.map((s) => [canonical(s.address), s.label]));
  const withLabel = (address: string): ChangedServer => {
    const label = labels.get(canonical(address));
    return label === undefined ? { address } : { address, label };
  };
  return list.history
    .map((c) => ({
      id: changeId(c),
      version: c.version,
      date: c.date,
      added: c.added.map(withLabel),
      removed: c.removed.map((address) => ({ address })),
      ...(c.note ? { note: c.note } : {}),
    }))
    .reverse();
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
/** "2 servers added, 1 removed": a change in a few words. */
export function changeSummary(c: Pick<ChangeView, 'added' | 'removed'>): string {
  const parts = [c.added.length ? `${count(c.added.length, 'server')} added` : '', c.removed.length ? `${c.added.length ? c.removed.length : count(c.removed.length, 'server')} removed` : ''];
  return parts.filter(Boolean).join(', ');
}
export const serverText = (s: ChangedServer) => (s.label ? `${s.address} (${s.label})` : s.address);

/** The body of /servers.json. */
export function serverListJson(list: Servers, site: string) {
  return {
    status: list.status,
    updated: list.updated,
    version: list.version,
    ...(list.note ? { note: list.note } : {}),
    feed: `${site}${SERVERS_FEED_PATH}`,
    servers: list.servers,
    history: list.history.map((c) => ({ date: c.date, version: c.version, added: c.added, removed: c.removed, ...(c.note ? { note: c.note } : {}) })),
  };
}

const escapeHtml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const midnight = (date: string) => new Date(`${date}T00:00:00Z`);

/** /servers.atom: one entry per change of the list, newest first (Atom 1.0). */
export function serverListAtom(list: Servers, site: string): string {
  const page = `${site}${SERVER_IPS_PATH}`;
  const example = list.status === 'example';
  const feed = new Feed({
    id: `${site}${SERVERS_FEED_PATH}`,
    title: example ? 'XAPY’s server list (example addresses, not XAPY’s servers)' : 'XAPY’s server list',
    description: 'Every change of the IP addresses XAPY sends requests from. When the list changes, update the IP restriction of each API key you created for XAPY to match.',
    link: page,
    feedLinks: { atom: `${site}${SERVERS_FEED_PATH}` },
    updated: midnight(list.updated),
    author: { name: 'XAPY', link: site },
    generator: false,
  });
  const items = (servers: ChangedServer[]) => `<ul>${servers.map((s) => `<li>${escapeHtml(serverText(s))}</li>`).join('')}</ul>`;
  for (const c of changeViews(list)) {
    const html = [
      example ? `<p><strong>Example addresses, not XAPY’s servers.</strong> ${escapeHtml(list.note ?? '')} Do not put them on a real key.</p>` : '',
      c.note ? `<p>${escapeHtml(c.note)}</p>` : '',
      c.added.length ? `<p>Added:</p>${items(c.added)}` : '',
      c.removed.length ? `<p>Removed:</p>${items(c.removed)}` : '',
      `<p>Update the IP restriction of each API key you created for XAPY to match <a href="${escapeHtml(page)}">the list</a>.</p>`,
    ].join('');
    feed.addItem({
      title: escapeHtml(`${c.date}: ${changeSummary(c)}`),
      id: `${page}#${c.id}`,
      link: `${page}#${c.id}`,
      date: midnight(c.date),
      content: html,
    });
  }
  return feed.atom1();
}
