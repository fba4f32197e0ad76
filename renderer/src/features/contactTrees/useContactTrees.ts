import { useLiveQuery } from 'dexie-react-hooks';
import type { ContactTree } from '@shared/domain';
import { useServices } from '../../app/services';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Every tree that is not deleted, by name. */
export function useTreeList(): ContactTree[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.contactTrees.toArray()).filter((t) => !t.deleted).sort((a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id)), [db]);
}

/** One tree, live; null once it is deleted or if it never existed. */
export function useTree(id: string | null): ContactTree | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (!id) return null;
    const tree = await db.contactTrees.get(id);
    return tree && !tree.deleted ? tree : null;
  }, [db, id]);
}
