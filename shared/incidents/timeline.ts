/**
 * One line of an incident's timeline. Every source (declaration, step changes, log entries, copies,
 * status changes, calls) is turned into these and merged in time order.
 */
export interface TimelineEvent {
  id: string;
  at: string;
  kind: string;
}

/** Time order, ties broken by id so every machine shows the same order. */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Merges lists that are each already in time order (as their indexes return them) into one. There
 * are only a handful of sources, so each step scans their heads: O(n·k). An unsorted list is sorted
 * first, so the result is correct whatever it is given.
 */
export function mergeTimeline<E extends TimelineEvent>(sources: readonly (readonly E[])[]): E[] {
  const lists = sources.map((list) => (isSorted(list) ? list : [...list].sort(compareEvents)));
  const heads = lists.map(() => 0);
  const out: E[] = [];
  const total = lists.reduce((n, l) => n + l.length, 0);
  while (out.length < total) {
    let best = -1;
    for (let i = 0; i < lists.length; i += 1) {
      const candidate = lists[i]![heads[i]!];
      if (candidate && (best < 0 || compareEvents(candidate, lists[best]![heads[best]!]!) < 0)) best = i;
    }
    out.push(lists[best]![heads[best]!]!);
    heads[best]! += 1;
  }
  return out;
}

function isSorted(list: readonly TimelineEvent[]): boolean {
  for (let i = 1; i < list.length; i += 1) if (compareEvents(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}
