import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '@shared/domain';
import { useServices } from '../../app/services';

/** Everyone stored, tombstones included (the caller decides), live: undefined while loading. */
export function usePeople(): Person[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.people.toArray(), [db]);
}

/** The device's own time zone: what a person gets when nobody says theirs. */
export const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
