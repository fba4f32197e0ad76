/**
 * Moves one item of a list to another position, returning a new list; the others keep their
 * order. Positions outside the list leave it as it is (a copy), so a "Move up" on the first step
 * is harmless.
 */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from < 0 || from >= items.length || to < 0 || to >= items.length || from === to) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

/** "Move up" (-1) or "Move down" (+1): the new list and where the moved item now is. */
export function moveBy<T>(items: readonly T[], index: number, delta: -1 | 1): { items: T[]; index: number; moved: boolean } {
  const to = index + delta;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return { items: [...items], index, moved: false };
  return { items: moveItem(items, index, to), index: to, moved: true };
}
