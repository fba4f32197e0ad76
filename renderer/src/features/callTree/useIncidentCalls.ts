import { useLiveQuery } from 'dexie-react-hooks';
import type { CallAttempt } from '@shared/domain';
import { useServices } from '../../app/services';

/** An incident's call attempts in time order, live (append-only: they are only ever added). */
export function useIncidentCalls(incidentId: string | null): CallAttempt[] | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => (incidentId ? db.callAttempts.where('[incidentId+at]').between([incidentId, ''], [incidentId, '\uffff']).toArray() : []),
    [db, incidentId],
  );
}
