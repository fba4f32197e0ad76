import type { MutationArgs } from '@shared/mutations';
import type { ImportWrite } from '@shared/people/importPlan';
import { IMPORT_PART_BYTES, jsonBytes, splitByBytes } from '@shared/sync/byteBudget';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';

export { IMPORT_PART_BYTES };

type ImportArgs = MutationArgs<'people.import'>;

/**
 * The `people.import` mutations for one file: the new people, then the merges, cut into parts of at
 * most `budget` bytes each, in the file's order. A file with nothing to write is one empty part.
 */
export function importParts(source: string, write: Pick<ImportWrite, 'create' | 'update'>, budget = IMPORT_PART_BYTES): ImportArgs[] {
  // The envelope counts the list being cut as "[]", which splitByBytes counts again.
  const room = budget - jsonBytes({ source, create: [], update: [] }) + 2;
  const creates = splitByBytes(write.create, room).map((create): ImportArgs => ({ source, create, update: [] }));
  const updates = splitByBytes(write.update, room).map((update): ImportArgs => ({ source, create: [], update }));
  const parts = [...creates, ...updates];
  return parts.length > 0 ? parts : [{ source, create: [], update: [] }];
}

/**
 * Writes an import on this machine all or nothing, as the dialog promises: every part in one local
 * transaction, so a part that fails (a person to merge into was deleted meanwhile) leaves nothing
 * written and no outbox row. On the team each part is its own mutation and applies on its own;
 * a part the server refuses is undone here and listed with the other refused changes, the rest of
 * the import stays, as with any change made offline.
 */
export async function writeImport(db: CalmaDatabase, mutate: Mutate, source: string, write: Pick<ImportWrite, 'create' | 'update'>): Promise<void> {
  const parts = importParts(source.slice(0, 300), write);
  await db.transaction('rw', db.tables, async () => {
    for (const part of parts) await mutate('people.import', part);
  });
}
