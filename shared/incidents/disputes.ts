import type { ChecklistItem, LogEntry } from '../domain';

/** The ticks and unticks of one step that were made without knowing of the one it shows. */
export interface StepConcurrency {
  itemId: string;
  /** The tick or untick the step shows: the later write, the same on every machine. */
  shown: LogEntry;
  /** Changes made without seeing `shown`, and that `shown` did not see either. */
  concurrent: LogEntry[];
  /** Those of them with the opposite result: if any, the step is disputed. */
  rivals: LogEntry[];
}

const isToggle = (e: LogEntry) => e.kind === 'step' && e.itemId !== null && (e.action === 'done' || e.action === 'undone') && e.basis !== undefined;

/**
 * Ticks and unticks say what their author had seen: `basis`, the entry the step showed then, and
 * `settles`, the concurrent changes the author was shown beside it. An entry "saw" everything
 * reachable through those links. Two changes where neither saw the other were concurrent (usually
 * both made offline); if they disagree, the step is disputed until someone acts having seen both.
 * Derived from append-only history and the step's last-writer-wins `doneEntryId`, so every
 * machine, whatever order the changes reached it in, finds the same disputes.
 */
export function stepConcurrency(items: readonly ChecklistItem[], entries: readonly LogEntry[]): Map<string, StepConcurrency> {
  const toggles = new Map<string, LogEntry[]>();
  const byId = new Map<string, LogEntry>();
  for (const entry of entries) {
    if (!isToggle(entry)) continue;
    byId.set(entry.id, entry);
    toggles.set(entry.itemId!, [...(toggles.get(entry.itemId!) ?? []), entry]);
  }
  const seenBy = new Map<string, Set<string>>();
  const seen = (entry: LogEntry): Set<string> => {
    const known = seenBy.get(entry.id);
    if (known) return known;
    const result = new Set<string>();
    const stack = [entry.basis, ...(entry.settles ?? [])];
    while (stack.length > 0) {
      const id = stack.pop();
      if (!id || result.has(id)) continue;
      result.add(id);
      const parent = byId.get(id);
      if (parent) stack.push(parent.basis, ...(parent.settles ?? []));
    }
    seenBy.set(entry.id, result);
    return result;
  };
  const out = new Map<string, StepConcurrency>();
  for (const item of items) {
    const shown = item.doneEntryId ? byId.get(item.doneEntryId) : undefined;
    if (!shown) continue;
    const shownSaw = seen(shown);
    const concurrent = (toggles.get(item.id) ?? []).filter((e) => e.id !== shown.id && !shownSaw.has(e.id) && !seen(e).has(shown.id));
    if (concurrent.length === 0) continue;
    concurrent.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    out.set(item.id, { itemId: item.id, shown, concurrent, rivals: concurrent.filter((e) => e.action !== shown.action) });
  }
  return out;
}

/** The disputed steps: concurrent changes that disagree with what the step shows. */
export function findDisputes(items: readonly ChecklistItem[], entries: readonly LogEntry[]): Map<string, StepConcurrency> {
  return new Map([...stepConcurrency(items, entries)].filter(([, c]) => c.rivals.length > 0));
}
