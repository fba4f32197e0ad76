import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChecklistItem, CopyEvent, Incident } from '@shared/domain';
import { isOpen } from '@shared/incidents/statusMachine';
import { useServices } from '../../app/services';
import type { CalmaDatabase } from '../../db/database';
import { watchIncidentLog, type IncidentLogState, type LogWatch } from './incidentLog';

/** Open incidents first (newest first), then resolved ones. */
export function useIncidentList(): Incident[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const all = (await db.incidents.orderBy('declaredAt').reverse().toArray()).filter((i) => !i.deleted);
    return [...all.filter((i) => isOpen(i.status)), ...all.filter((i) => !isOpen(i.status))];
  }, [db]);
}

export interface IncidentRows {
  incident: Incident;
  items: ChecklistItem[];
  copies: CopyEvent[];
}

/**
 * An incident with its checklist (in order) and its copies (in time order), in one transaction;
 * null if there is no such incident (or it was deleted). Its log is read apart (useIncidentLog):
 * it can be thousands of entries, and the header and checklist need not wait for them.
 */
export async function readIncident(db: CalmaDatabase, id: string): Promise<IncidentRows | null> {
  return db.transaction('r', [db.incidents, db.checklistItems, db.copyEvents], async () => {
    const incident = await db.incidents.get(id);
    if (!incident || incident.deleted) return null;
    const [items, copies] = await Promise.all([
      db.checklistItems.where('[incidentId+order]').between([id, -Infinity], [id, Infinity]).toArray(),
      db.copyEvents.where('incidentId').equals(id).sortBy('at'),
    ]);
    return { incident, items: items.filter((i) => !i.deleted), copies };
  });
}

/** One incident with its checklist and its copies, live. */
export function useIncident(id: string | null): IncidentRows | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (id ? readIncident(db, id) : null), [db, id]);
}

/** How long after opening or the last scroll the log's background reads wait, in milliseconds. */
const QUIET_MS = 300;

/**
 * An incident's log, live: its first entries at once, the rest as they are read (undefined until
 * the first read). `readMore`: the view is near the end of what is read, read on now.
 */
export function useIncidentLog(incidentId: string): [IncidentLogState | undefined, () => void] {
  const { db } = useServices();
  const [current, setCurrent] = useState<{ incidentId: string; log: IncidentLogState }>();
  const watch = useRef<LogWatch | null>(null);
  useEffect(() => {
    // Opening the incident, then scrolling anywhere in the page (the checklist, the timeline),
    // holds the background reads.
    let scrolledAt = performance.now();
    const scrolled = () => (scrolledAt = performance.now());
    document.addEventListener('scroll', scrolled, { capture: true, passive: true });
    const started = watchIncidentLog(db, incidentId, (log) => setCurrent({ incidentId, log }), { busyNow: () => performance.now() - scrolledAt < QUIET_MS });
    watch.current = started;
    return () => {
      document.removeEventListener('scroll', scrolled, { capture: true });
      started.stop();
      watch.current = null;
    };
  }, [db, incidentId]);
  const readMore = useCallback(() => watch.current?.readMore(), []);
  return [current?.incidentId === incidentId ? current.log : undefined, readMore];
}
