/**
 * The two tables of contents ("On this page": <xapy-toc> beside the content on wide screens,
 * <xapy-mobile-toc> in the bar under the header on narrow ones; Starlight's markup and styles).
 * The link of the section being read carries aria-current="true", which Starlight's styles
 * highlight, and the narrow one shows that section's name in its bar. Its list closes when a link
 * in it is chosen, on a click outside it, and on Escape (focus then returns to its toggle).
 *
 * The section being read is the one whose heading is the last above a line a little below the
 * header, as in Starlight. Starlight finds it by watching every block of the page from an idle
 * callback, once per table of contents; on a long guide each scan took 7-29 ms of main-
 * thread work in the bench's browser, and Lighthouse counts such a task as blocking time. Here
 * both tables share one watcher of the headings alone.
 */
const PAGE_TITLE_ID = '_top';
/** Starlight's line: the header, the narrow table's bar, 2 rem, then a band of 53 px. */
const GAP = 32;
const BAND = 53;

const tables = new Set<XapyToc>();
let started = false;

function idOf(link: HTMLAnchorElement): string | undefined {
  if (!link.hash) return undefined;
  try {
    return decodeURIComponent(link.hash.slice(1));
  } catch {
    return undefined;
  }
}

class XapyToc extends HTMLElement {
  links: HTMLAnchorElement[] = [];

  connectedCallback() {
    this.links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    tables.add(this);
    if (!started) {
      started = true;
      (window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 1)))(watch);
    }
  }

  disconnectedCallback() {
    tables.delete(this);
  }

  /** Marks the link to `id` as the current one (none if this table has no such link). */
  show(id: string) {
    const link = this.links.find((a) => idOf(a) === id);
    if (!link) return;
    for (const a of this.links) if (a !== link && a.hasAttribute('aria-current')) a.removeAttribute('aria-current');
    if (link.getAttribute('aria-current') !== 'true') link.setAttribute('aria-current', 'true');
  }
}

class XapyMobileToc extends XapyToc {
  #wired = false;

  override connectedCallback() {
    super.connectedCallback();
    if (this.#wired) return;
    const details = this.querySelector('details');
    if (!details) return;
    this.#wired = true;
    const close = () => { details.open = false; };
    for (const a of this.links) a.addEventListener('click', close);
    window.addEventListener('click', (e) => { if (!details.contains(e.target as Node)) close(); });
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      if (hadFocus) details.querySelector('summary')?.focus();
    });
  }

  override show(id: string) {
    super.show(id);
    const current = this.links.find((a) => a.getAttribute('aria-current') === 'true');
    const name = this.querySelector('.display-current');
    if (current && name && name.textContent !== current.textContent) name.textContent = current.textContent;
  }
}

/** The headings that some table links to, in page order (the page title first). */
function headings(): HTMLElement[] {
  const ids = new Set<string>();
  for (const t of tables) for (const a of t.links) { const id = idOf(a); if (id) ids.add(id); }
  const found = [...ids].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);
  return found.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Where the reading line is, in pixels from the top of the viewport. */
function line(): number {
  const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
  const bar = document.querySelector('xapy-mobile-toc summary')?.getBoundingClientRect().height ?? 0;
  return header + bar + GAP + BAND;
}

function watch() {
  const list = headings();
  if (list.length === 0) return;
  let observer: IntersectionObserver | undefined;
  let at = 0;
  const update = () => {
    let current = list.find((h) => h.id === PAGE_TITLE_ID) ?? list[0];
    for (const h of list) {
      // A heading in a closed panel has no box: it is not where the reader is.
      const box = h.getClientRects()[0];
      if (box && box.top <= at) current = h;
    }
    for (const t of tables) t.show(current.id);
  };
  const observe = () => {
    at = line();
    // The viewport above the line: a heading enters or leaves it when it crosses the line.
    observer = new IntersectionObserver(update, { rootMargin: `0px 0px ${Math.min(0, at - window.innerHeight)}px 0px` });
    for (const h of list) observer.observe(h);
  };
  observe();
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    observer?.disconnect();
    clearTimeout(timer);
    timer = setTimeout(observe, 200);
  });
}

customElements.define('xapy-toc', XapyToc);
customElements.define('xapy-mobile-toc', XapyMobileToc);
