import { liveQuery } from 'dexie';
import type { LogEntry } from '@shared/domain';
import { compareEvents } from '@shared/incidents/timeline';
import type { CalmaDatabase } from '../../db/database';

/** An incident's log as read so far. */
export interface IncidentLogState {
  /** The entries read so far, in time order (as the [incidentId+at] index returns them: ties by id). */
  entries: readonly LogEntry[];
  /**
   * `entries` is the whole log (as of the latest change seen), not only its first entries. Until
   * then how many there are is not known: counting them costs about as much as reading them.
   */
  complete: boolean;
}

export interface WatchOptions {
  /** Entries read with the change signal: enough for the timeline's first screen and well beyond. */
  headSize?: number;
  /** Entries per read of the rest. */
  chunkSize?: number;
  /** The pause before each read of the rest that nobody is waiting for, in milliseconds. */
  pauseMs?: number;
  /** While this says the person is busy (scrolling, say), reads nobody is waiting for wait on. */
  busyNow?: () => boolean;
}

export interface LogWatch {
  /** The view is close to the end of what is read: read on now, without pausing. */
  readMore(): void;
  /** Stops following: no more reads, no more calls. */
  stop(): void;
}

const logRange = (db: CalmaDatabase, incidentId: string) => db.logEntries.where('[incidentId+at]').between([incidentId, ''], [incidentId, '\uffff']);

/**
 * The entries of the log that come after `after` in time order (the first ones if null), at most
 * `limit`; `done` when there are no more. Reads from `after`'s time on and drops what is not after
 * it, so entries sharing that time are neither skipped nor read twice.
 */
export async function readLogAfter(db: CalmaDatabase, incidentId: string, after: LogEntry | null, limit: number): Promise<{ entries: LogEntry[]; done: boolean }> {
  if (!after) {
    const entries = await logRange(db, incidentId).limit(limit).toArray();
    return { entries, done: entries.length < limit };
  }
  for (let want = limit; ; want *= 2) {
    const rows = await db.logEntries.where('[incidentId+at]').between([incidentId, after.at], [incidentId, '\uffff'], true, false).limit(want).toArray();
    const entries = rows.filter((e) => e.at !== after.at || e.id > after.id);
    // Every row read shared `after`'s time and came before it: read further.
    if (entries.length > 0 || rows.length < want) return { entries, done: rows.length < want };
  }
}

/**
 * The log as it is now, reusing the entries already read: the ids come from the index (in time
 * order, cheap: no values), only the entries not in `known` are read. Log entries never change once
 * written, so an id known is an entry known. `through`: only the log up to that entry (the part
 * read so far, while the rest is still to be read). Returns `known` itself when nothing changed.
 */
export async function refreshLog(db: CalmaDatabase, incidentId: string, known: readonly LogEntry[], through?: LogEntry): Promise<readonly LogEntry[]> {
  return db.transaction('r', db.logEntries, async () => {
    const range = through ? db.logEntries.where('[incidentId+at]').between([incidentId, ''], [incidentId, through.at], true, true) : logRange(db, incidentId);
    const ids = await range.primaryKeys();
    const byId = new Map(known.map((e) => [e.id, e]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) for (const entry of await db.logEntries.bulkGet(missing)) if (entry) byId.set(entry.id, entry);
    // Entries at `through`'s very time but after it are the next read's.
    const entries = ids.flatMap((id) => byId.get(id) ?? []).filter((e) => !through || compareEvents(e, through) <= 0);
    const same = entries.length === known.length && entries.every((e, i) => e === known[i]);
    return same ? known : entries;
  });
}

/**
 * Follows an incident's log without holding the first screen up on reading all of it. A live query
 * reads only the first `headSize` entries, so the timeline can show at once, and is the change
 * signal: it runs again whenever the log is written to (from this window, another window, or
 * sync). The rest is read outside it (no live-query bookkeeping for thousands of keys), a chunk at a
 * time: at once while the view is near the end of what is read (`readMore`), otherwise after a
 * pause and not while the person is busy (`busyNow`), so reading a long log does not compete with
 * opening or scrolling the page (each read keeps the database, and a core, busy). Each change is
 * applied as soon as it is seen, by `refreshLog`. Calls `onChange` with each new state.
 */
export function watchIncidentLog(
  db: CalmaDatabase,
  incidentId: string,
  onChange: (state: IncidentLogState) => void,
  { headSize = 200, chunkSize = 1000, pauseMs = 150, busyNow = () => false }: WatchOptions = {},
  onError: (error: unknown) => void = (error) => console.error(error),
): LogWatch {
  let state: IncidentLogState | null = null;
  /** The entries read: those shown and, after them, any read in the background and not shown yet. */
  let read: readonly LogEntry[] = [];
  let stopped = false;
  /** Reading; `changed`: the log changed since the last refresh began; `wanted`: the view asked for more. */
  let busy = false;
  let changed = false;
  let wanted = false;
  let wake: (() => void) | null = null;

  const show = (complete: boolean) => {
    if (stopped || (state && read === state.entries && complete === state.complete)) return;
    state = { entries: read, complete };
    onChange(state);
  };

  /** Waits `pauseMs`, or less if woken (a change, or the view asking for more): true if woken. */
  const pause = () =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => done(false), pauseMs);
      const done = (woken: boolean) => {
        clearTimeout(timer);
        wake = null;
        resolve(woken);
      };
      wake = () => done(true);
    });

  /**
   * One read at a time: each change seen first, then the rest of the log, a chunk at a time. A
   * chunk read in the background is shown with the next one the view asks for, or with the last:
   * showing each would render the timeline again for rows nobody is looking at yet.
   */
  const pump = () => {
    if (busy || stopped || !state) return;
    busy = true;
    void (async () => {
      try {
        while (!stopped && state) {
          if (changed) {
            changed = false;
            read = await refreshLog(db, incidentId, read, state.complete ? undefined : read.at(-1));
            show(state.complete);
          } else if (!state.complete) {
            const asked = wanted;
            if (!asked && ((await pause()) || busyNow())) continue;
            wanted = false;
            if (asked && read.length > state.entries.length) {
              show(false);
              continue;
            }
            const { entries, done } = await readLogAfter(db, incidentId, read.at(-1) ?? null, chunkSize);
            if (stopped) return;
            read = [...read, ...entries];
            // A change seen meanwhile may have added entries among those read before: it is
            // applied first, then whatever is left is read, at once.
            if (done && changed) wanted = true;
            else if (done || asked || wanted) show(done);
            if (!done) wanted = false;
          } else {
            return;
          }
        }
      } catch (error) {
        if (!stopped) onError(error);
      } finally {
        busy = false;
      }
    })();
  };

  const subscription = liveQuery(() =>
    Promise.all([
      logRange(db, incidentId).limit(headSize + 1).toArray(),
      // Only to be told of deletions: a count on an index hears of every row deleted from the
      // table (which rows it covered is not kept), and so of an entry dropped beyond the first
      // screen (a write the server refused, rolled back). Its range is empty: it costs nothing.
      db.logEntries.where('[incidentId+at]').equals([incidentId, '']).count(),
    ]),
  ).subscribe({
    next: ([head]) => {
      if (stopped) return;
      // One more than the head is read to tell whether the head is the whole log.
      const whole = head.length <= headSize;
      if (!state || (whole && !busy)) {
        // The first read, or a log short enough that the head is all of it.
        read = whole ? head : head.slice(0, headSize);
        show(whole);
      } else {
        changed = true;
        wake?.();
      }
      pump();
    },
    error: (error) => {
      if (!stopped) onError(error);
    },
  });

  return {
    readMore: () => {
      wanted = true;
      wake?.();
    },
    stop: () => {
      stopped = true;
      wake?.();
      subscription.unsubscribe();
    },
  };
}
