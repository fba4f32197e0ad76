import { useLiveQuery } from 'dexie-react-hooks';
import type { Answer } from '@shared/domain';
import { useServices } from '../../app/services';

/**
 * The titles of some answers, by id, kept live (an answer renamed or deleted elsewhere shows at
 * once); deleted and unknown answers are left out. Undefined while loading.
 */
export function useAnswerTitles(ids: readonly string[]): ReadonlyMap<string, Answer['title']> | undefined {
  const { db } = useServices();
  // One key for the set of ids, so a new array with the same ids does not query again.
  const key = [...new Set(ids)].join('\n');
  return useLiveQuery(async () => {
    const rows = await db.answers.bulkGet(key ? key.split('\n') : []);
    return new Map(rows.flatMap((a) => (a && !a.deleted ? [[a.id, a.title] as const] : [])));
  }, [db, key]);
}
