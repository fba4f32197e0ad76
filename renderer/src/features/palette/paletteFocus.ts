/**
 * Where the keyboard goes around the palette. The palette closes before what it opens (a copy
 * dialog, the editor) mounts, and those dialogs give the focus back, when they close, to whatever
 * had it as they opened: so the palette puts the focus back first, and they return it there too.
 */

/** The element with the keyboard focus, or null when it is nowhere in particular (the page body). */
export function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Focuses `target` if it is still on the page and can take the focus; else the page's main region,
 * so that the next Tab goes on into the page and not back to its first link.
 */
export function focusBack(target: HTMLElement | null): void {
  if (target?.isConnected) {
    target.focus();
    if (document.activeElement === target) return;
  }
  document.querySelector<HTMLElement>('main')?.focus();
}

/**
 * Whether a dialog holds the keyboard (the copy dialog, the editor, an import report…). The
 * palette does not open over one: the dialog keeps the focus, and what is typed in it.
 */
export function dialogIsOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]') !== null;
}
