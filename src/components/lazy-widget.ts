/**
 * Loads a widget's code only when the visitor is about to use it: when the widget comes within a
 * screen of the viewport, or as soon as anything in it gets focus or a pointer press, whichever
 * comes first. A guide that embeds two checkers then costs no more script than a plain page until
 * the reader scrolls to them; a checker page, whose widget is on screen, loads it at once.
 *
 * The code and the facts it works with are same-origin modules of the site's own, fetched side
 * by side; nothing the visitor types is ever sent.
 * Each widget checks what was typed or chosen before its code arrived once it is defined.
 *
 * Watching for the viewport starts once the page has painted: on a checker page the widget is on
 * screen from the start, and its code (up to 17 kB compressed, in four files) and its facts would
 * otherwise be fetched while the page is still being drawn. Focus or a press inside a widget loads it at once.
 */
export function loadWhenNeeded(tag: string, load: () => Promise<{ define(facts: never): void }>): void {
  const widgets = [...document.querySelectorAll<HTMLElement>(tag)];
  if (widgets.length === 0) return;
  let started = false;
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) start();
  }, { rootMargin: '100% 0px' });
  function start() {
    if (started) return;
    started = true;
    observer.disconnect();
    // The checker's code and the facts it works with (src/components/widget-config.ts, built as
    // /widget-data/<tag>.js) load side by side; the code defines the element once both are here.
    const facts = import(/* @vite-ignore */ `/widget-data/${tag}.js`) as Promise<{ default: never }>;
    Promise.all([load(), facts]).then(([code, { default: data }]) => code.define(data)).catch(() => {
      for (const widget of widgets) {
        const note = document.createElement('p');
        note.className = 'xapy-load-error';
        note.setAttribute('role', 'alert');
        note.textContent = 'This checker could not load its code. Check your connection and reload the page.';
        widget.prepend(note);
      }
    });
  }
  for (const widget of widgets) {
    widget.addEventListener('focusin', start, { once: true });
    widget.addEventListener('pointerdown', start, { once: true });
  }
  afterFirstPaint(() => {
    for (const widget of widgets) observer.observe(widget);
  });
}

/**
 * Runs `fn` after the page's first contentful paint, or at once where the browser does not report
 * paints. The paint entry is delivered once the frame is on screen, not when it is drawn. A page
 * that has not painted within 3 s (opened in a background tab, say) runs `fn` then.
 */
export function afterFirstPaint(fn: () => void): void {
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) return fn();
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    setTimeout(fn);
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length) run();
  });
  observer.observe({ type: 'paint', buffered: true });
  const timer = setTimeout(run, 3000);
}

/** Whether the visitor typed or chose anything inside `root` (compared with the page as served). */
export function touched(root: HTMLElement): boolean {
  return [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input, textarea, select')].some((c) => {
    if (c instanceof HTMLSelectElement) return [...c.options].some((o) => o.selected !== o.defaultSelected);
    if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')) return c.checked !== c.defaultChecked;
    return c.value !== c.defaultValue;
  });
}
