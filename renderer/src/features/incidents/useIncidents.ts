import { useLiveQuery } from 'dexie-react-hooks';
import type { ChecklistItem, CopyEvent, Incident, LogEntry } from '@shared/domain';
import { isOpen } from '@shared/incidents/statusMachine';
import { useServices } from '../../app/services';

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
  log: LogEntry[];
  copies: CopyEvent[];
}

/** One incident with its checklist (in order), its log and its copies (in time order), live. */
export function useIncident(id: string | null): IncidentRows | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!id) return null;
    const incident = await db.incidents.get(id);
    if (!incident || incident.deleted) return null;
    const [items, log, copies] = await Promise.all([
      db.checklistItems.where('[incidentId+order]').between([id, -Infinity], [id, Infinity]).toArray(),
      db.logEntries.where('[incidentId+at]').between([id, ''], [id, '\uffff']).toArray(),
      db.copyEvents.where('incidentId').equals(id).sortBy('at'),
    ]);
    return { incident, items: items.filter((i) => !i.deleted), log, copies };
  }, [db, id]);
}
