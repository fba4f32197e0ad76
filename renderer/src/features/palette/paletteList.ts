/**
 * What the palette lists and what its keys do, kept apart from React so the rules can be tested:
 * the palette acts only on rows that answer the text now in the box.
 */

export type PaletteOption<A, C> =
  | { key: string; kind: 'command'; command: C }
  | { key: string; kind: 'answer'; answer: A };

export interface PaletteList<A, C> {
  options: PaletteOption<A, C>[];
  /** The answers for the text in the box have not come yet (none are listed meanwhile). */
  pending: boolean;
}

/** The search's latest answer: the hits, and the text they answer (null before the first). */
export interface Answered<A> {
  text: string | null;
  hits: readonly A[];
}

/**
 * The rows for `text`: the commands it matches first (it is a command the person is typing), then
 * the answers — only if they answer this very text. Answers for an earlier text (the search is a
 * message away, so a pasted word is in the box before its answers are) are not listed at all, so
 * no key and no click can reach them. A search that failed will not answer: nothing is pending.
 */
export function paletteList<A extends { id: string }, C extends { id: string }>(input: {
  text: string;
  commands: readonly C[];
  answered: Answered<A>;
  searchFailed: boolean;
}): PaletteList<A, C> {
  const fresh = input.answered.text === input.text;
  const options: PaletteOption<A, C>[] = input.commands.map((command) => ({ key: `command:${command.id}`, kind: 'command', command }));
  if (fresh) for (const answer of input.answered.hits) options.push({ key: `answer:${answer.id}`, kind: 'answer', answer });
  return { options, pending: !fresh && !input.searchFailed };
}

/** The active row: the one last moved to while it is still listed, else the first (-1: none). */
export function activeIndex(options: readonly { key: string }[], activeKey: string | null): number {
  if (options.length === 0) return -1;
  const at = activeKey === null ? -1 : options.findIndex((o) => o.key === activeKey);
  return at < 0 ? 0 : at;
}

/** The key of the row `step` rows from the active one, wrapping around; null when none is listed. */
export function moveActive(options: readonly { key: string }[], activeKey: string | null, step: 1 | -1): string | null {
  if (options.length === 0) return null;
  const at = activeIndex(options, activeKey);
  return options[(at + step + options.length) % options.length]!.key;
}

/**
 * What Enter does now: open the active row; or, with nothing listed while the answers are still
 * coming, wait for them (the palette then opens the first); or nothing.
 */
export function enterAction(list: PaletteList<unknown, unknown>, activeKey: string | null): { do: 'choose'; index: number } | { do: 'wait' } | { do: 'nothing' } {
  const index = activeIndex(list.options, activeKey);
  if (index >= 0) return { do: 'choose', index };
  return list.pending ? { do: 'wait' } : { do: 'nothing' };
}
