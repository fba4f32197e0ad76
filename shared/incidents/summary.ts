import type { ChecklistItem, Incident, LogEntry } from '../domain';
import { stepState } from './deadlines';

/** The community expects a first public answer within two hours of the crisis breaking. */
export const FIRST_ANSWER_TARGET_MS = 2 * 3600_000;

export interface IncidentSummary {
  incident: Incident;
  elapsedMs: number;
  done: number;
  total: number;
  overdue: ChecklistItem[];
  /** The first statement issued, and whether it came within the two-hour target. */
  firstStatement: { entry: LogEntry; withinTarget: boolean } | null;
  /** With no statement yet: whether the target has already passed. */
  firstAnswerMissed: boolean;
  lastStatement: LogEntry | null;
  /** Decisions, newest first, each with its latest correction's text when it was corrected. */
  decisions: { entry: LogEntry; text: string }[];
  /** The incident's next update time if set, else the earliest open deadline. */
  nextUpdateAt: string | null;
}

/** What the executive summary says about one incident at `now`, derived only from its rows. */
export function summarizeIncident(incident: Incident, items: readonly ChecklistItem[], log: readonly LogEntry[], now: number): IncidentSummary {
  const live = items.filter((i) => !i.deleted);
  const sorted = [...log].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const latestCorrection = new Map<string, LogEntry>();
  for (const e of sorted) if (e.kind === 'correction' && e.correctsId) latestCorrection.set(e.correctsId, e);
  const textOf = (e: LogEntry) => latestCorrection.get(e.id)?.text ?? e.text;
  const statements = sorted.filter((e) => e.kind === 'statement');
  const declared = Date.parse(incident.declaredAt);
  const first = statements[0] ?? null;
  const openDeadlines = live.filter((i) => !i.done && i.dueAt !== null && Date.parse(i.dueAt) >= now).map((i) => i.dueAt!).sort();
  return {
    incident,
    elapsedMs: now - declared,
    done: live.filter((i) => i.done).length,
    total: live.length,
    overdue: live.filter((i) => stepState(i, now) === 'overdue').sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '')),
    firstStatement: first ? { entry: first, withinTarget: Date.parse(first.at) - declared <= FIRST_ANSWER_TARGET_MS } : null,
    firstAnswerMissed: !first && now - declared > FIRST_ANSWER_TARGET_MS,
    lastStatement: statements.length > 0 ? { ...statements.at(-1)!, text: textOf(statements.at(-1)!) } : null,
    decisions: sorted.filter((e) => e.kind === 'decision').reverse().map((entry) => ({ entry, text: textOf(entry) })),
    nextUpdateAt: incident.nextUpdateAt ?? openDeadlines[0] ?? null,
  };
}

export interface ProgressPoint {
  at: number;
  done: number;
  open: number;
  overdue: number;
}

/**
 * The checklist over time, for the summary's chart: at each sample instant, how many steps were
 * done, open, or overdue (open past their deadline), as the rows say now.
 */
export function checklistOverTime(items: readonly ChecklistItem[], from: number, to: number, samples = 48): ProgressPoint[] {
  const live = items.filter((i) => !i.deleted);
  const step = Math.max(1, (to - from) / Math.max(1, samples - 1));
  const points: ProgressPoint[] = [];
  for (let n = 0; n < samples; n += 1) {
    const at = Math.round(from + n * step);
    let done = 0;
    let overdue = 0;
    for (const i of live) {
      if (i.done && i.doneAt !== null && Date.parse(i.doneAt) <= at) done += 1;
      else if (i.dueAt !== null && Date.parse(i.dueAt) < at) overdue += 1;
    }
    points.push({ at, done, overdue, open: live.length - done - overdue });
    if (at >= to) break;
  }
  return points;
}
