import { useLiveQuery } from 'dexie-react-hooks';
import type { Person } from '@shared/domain';
import { useServices } from '../../app/services';

/**
 * The directory, live: everyone stored, tombstones included (a tree node or a call pointing at
 * someone deleted must be told apart from one still loading; the caller decides what to show).
 * Undefined while loading. This is the one hook the screens read the directory through (people,
 * contact trees, the call tree and its escalations): they all run this same query, so Dexie's
 * live-query cache reads the table once for all of them while several are on screen.
 */
export function usePeople(): Person[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => db.people.toArray(), [db]);
}

/** The device's own time zone: what a person gets when nobody says theirs. */
export const deviceTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
