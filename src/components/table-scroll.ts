/**
 * A content table that is wider than the screen scrolls sideways (Starlight makes each table its
 * own scroller). This makes such a table reachable with the Tab key, so it can be scrolled with the
 * arrow keys, and names it after its caption or the heading above it. A table that fits is left
 * out of the Tab order. Nothing here changes the layout.
 */
const headingSelector = 'h2, h3, h4';

/** The nearest heading before `el` in document order, inside the page content, else the page title. */
function headingBefore(el: Element): HTMLElement | undefined {
  let node: Element | null = el;
  while (node && !node.matches('.sl-markdown-content')) {
    let prev = node.previousElementSibling;
    while (prev) {
      if (prev.matches(headingSelector)) return prev as HTMLElement;
      const inner = prev.querySelectorAll<HTMLElement>(headingSelector);
      if (inner.length) return inner[inner.length - 1];
      prev = prev.previousElementSibling;
    }
    node = node.parentElement;
  }
  // A table above the first heading belongs to the page as a whole: its title names it.
  return document.querySelector<HTMLElement>('h1[id]') ?? undefined;
}

function update(table: HTMLTableElement) {
  const scrolls = table.scrollWidth > table.clientWidth + 1;
  if (!scrolls) {
    if (table.dataset.xapyScroll) table.removeAttribute('tabindex');
    delete table.dataset.xapyScroll;
    return;
  }
  table.dataset.xapyScroll = 'true';
  table.tabIndex = 0;
  if (!table.caption && !table.hasAttribute('aria-label') && !table.hasAttribute('aria-labelledby')) {
    const heading = headingBefore(table);
    if (heading?.id) table.setAttribute('aria-labelledby', heading.id);
  }
}

const observer = new ResizeObserver((entries) => {
  for (const e of entries) update(e.target as HTMLTableElement);
});
for (const table of document.querySelectorAll<HTMLTableElement>('.sl-markdown-content table')) observer.observe(table);
