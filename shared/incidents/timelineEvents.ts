import type { CallAttempt, ChecklistItem, CopyEvent, LogEntry } from '../domain';
import { mergeTimeline, type TimelineEvent } from './timeline';

/** A timeline line: the log entry or copy it came from, so the view can say what happened. */
export type IncidentEvent =
  | (TimelineEvent & { kind: 'log'; entry: LogEntry; item: ChecklistItem | null })
  | (TimelineEvent & { kind: 'copy'; copy: CopyEvent })
  | (TimelineEvent & { kind: 'call'; call: CallAttempt });

/**
 * Everything that happened in an incident, in time order: its log (declaration, status changes,
 * steps ticked, unticked, added, reassigned, notes, decisions, statements, corrections) and every
 * copy of an answer made for it, and every call attempt of its call tree (escalations included).
 * Each source arrives sorted by its index; the merge keeps the order.
 */
export function incidentTimeline(
  log: readonly LogEntry[],
  copies: readonly CopyEvent[],
  items: readonly ChecklistItem[],
  calls: readonly CallAttempt[] = [],
  { logIsPrefix = false }: TimelineOptions = {},
): IncidentEvent[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const fromLog = log.map((entry): IncidentEvent => ({ id: entry.id, at: entry.at, kind: 'log', entry, item: entry.itemId ? (byId.get(entry.itemId) ?? null) : null }));
  const fromCopies = copies.map((copy): IncidentEvent => ({ id: copy.id, at: copy.at, kind: 'copy', copy }));
  const fromCalls = calls.map((call): IncidentEvent => ({ id: call.id, at: call.at, kind: 'call', call }));
  const merged = mergeTimeline<IncidentEvent>([fromLog, fromCopies, fromCalls]);
  if (!logIsPrefix) return merged;
  // Entries not read yet may come before any copy or call after the latest one read, so the
  // timeline is only certain up to that entry.
  return merged.slice(0, merged.findLastIndex((e) => e.kind === 'log') + 1);
}

export interface TimelineOptions {
  /**
   * `log` is only the first entries of the log, in time order (the rest is still being read): the
   * timeline returned is then the part of the whole one that they settle, a prefix of it.
   */
  logIsPrefix?: boolean;
}
