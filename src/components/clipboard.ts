/** Copies text and announces the result in a live region. Browser-only; used by the widgets. */
export async function copyText(text: string, status: Element | null, done = 'Copied.'): Promise<void> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    // Older browsers, or a page without clipboard permission: fall back to a selection copy.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    ok = document.execCommand('copy');
    area.remove();
  }
  if (!status) return;
  // Clear first, so that a second copy with the same message is announced again.
  status.textContent = '';
  const message = ok ? done : 'Copy failed: select the text and copy it by hand.';
  requestAnimationFrame(() => (status.textContent = message));
}
