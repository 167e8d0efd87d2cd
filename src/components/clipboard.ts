/** Copies text and announces the result in a live region. Browser-only; used by the widgets. */
export async function copyText(text: string, status: Element | null, done = 'Copied.'): Promise<void> {
  // The Clipboard API works on every current browser in a secure context (HTTPS, or localhost);
  // the deprecated execCommand('copy') is not used. When the browser refuses, the widget says so.
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    ok = false;
  }
  if (!status) return;
  // Clear first, so that a second copy with the same message is announced again.
  status.textContent = '';
  const message = ok ? done : 'Copy failed: select the text and copy it by hand.';
  requestAnimationFrame(() => (status.textContent = message));
}
