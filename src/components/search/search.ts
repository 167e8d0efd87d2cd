/**
 * The search dialog in the header (<xapy-search>, Starlight's markup): opens from its button or with
 * Ctrl/⌘+K, closes with Escape, its Cancel button, a click outside it or on a result. Pagefind's
 * interface is loaded the first time a reader shows an intent to search (pointer over the button,
 * a touch on it) or opens the dialog, not on every page view.
 */
import { pagefindOptions } from './options.ts';

type Result = { url: string; sub_results: Array<{ url: string }> };

class XapySearch extends HTMLElement {
  #ui: Promise<void> | undefined;
  #wired = false;

  connectedCallback() {
    if (this.#wired) return;
    this.#wired = true;
    const openButton = this.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const closeButton = this.querySelector<HTMLButtonElement>('button[data-close-modal]');
    const dialog = this.querySelector('dialog');
    const frame = this.querySelector('.dialog-frame');
    if (!openButton || !dialog || !frame) return;

    const onClick = (event: MouseEvent) => {
      const target = event.target as Node | null;
      const onLink = !!target && 'href' in target;
      if (onLink || (target && document.body.contains(target) && !frame.contains(target))) close();
    };
    const open = (event?: Event) => {
      dialog.showModal();
      document.body.toggleAttribute('data-search-modal-open', true);
      this.querySelector('input')?.focus();
      event?.stopPropagation();
      window.addEventListener('click', onClick);
      void this.#loadInterface(dialog);
    };
    const close = () => dialog.close();

    openButton.addEventListener('click', open);
    // A pointer over the button or a finger on it; not keyboard focus, which every Tab through the
    // header passes on its way to the page.
    for (const intent of ['pointerenter', 'touchstart']) {
      openButton.addEventListener(intent, () => void this.#loadInterface(dialog), { once: true, passive: true });
    }
    openButton.disabled = false;
    closeButton?.addEventListener('click', close);
    dialog.addEventListener('close', () => {
      document.body.toggleAttribute('data-search-modal-open', false);
      window.removeEventListener('click', onClick);
    });
    window.addEventListener('keydown', (event) => {
      if ((event.metaKey || event.ctrlKey) && event.key === 'k') {
        if (dialog.open) close();
        else open();
        event.preventDefault();
      }
    });
  }

  /** Loads and draws Pagefind's interface, once per page view. */
  #loadInterface(dialog: HTMLDialogElement): Promise<void> {
    const container = this.querySelector<HTMLElement>('#starlight__search');
    if (!container) return Promise.resolve(); // `astro dev` has no search index
    this.#ui ??= (async () => {
      // Read out while it loads and if it fails; Pagefind's interface announces its own results.
      container.setAttribute('role', 'status');
      container.setAttribute('aria-busy', 'true');
      container.textContent = 'Loading search…';
      try {
        const { PagefindUI } = await import('@pagefind/default-ui');
        container.textContent = '';
        container.removeAttribute('role');
        new PagefindUI({
          ...pagefindOptions,
          element: '#starlight__search',
          baseUrl: import.meta.env.BASE_URL,
          bundlePath: import.meta.env.BASE_URL.replace(/\/$/, '') + '/pagefind/',
          showImages: false,
          translations: this.#translations(),
          showSubResults: true,
          processResult: (result: Result) => {
            const url = this.#formatUrl;
            result.url = url(result.url);
            result.sub_results = result.sub_results.map((sub) => ({ ...sub, url: url(sub.url) }));
          },
        });
        if (dialog.open) this.querySelector('input')?.focus();
      } catch {
        // A browser remembers a script that failed to load for as long as the page is open, so
        // opening the dialog again would fail the same way: the reader has to reload the page.
        container.textContent = 'Search could not load. Check your connection, then reload the page.';
      } finally {
        container.removeAttribute('aria-busy');
      }
    })();
    return this.#ui;
  }

  #translations(): Record<string, string> {
    try {
      return JSON.parse(this.dataset.translations || '{}');
    } catch {
      return {};
    }
  }

  /** Starlight marks the element when the site's URLs have no trailing slash: "/a/#b" → "/a#b". */
  #formatUrl = (path: string) => {
    if (this.dataset.stripTrailingSlash === undefined) return path;
    const hash = path.indexOf('#');
    const [page, fragment] = hash < 0 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
    return (page.length > 1 && page.endsWith('/') ? page.slice(0, -1) : page) + fragment;
  };
}

customElements.define('xapy-search', XapySearch);
