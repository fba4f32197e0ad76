import { LineCounter, parseDocument } from 'yaml';
import { formatPath, positionOf, type FileIssue } from '@shared/library/fileErrors';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import { MutationError } from '@shared/mutations/error';
import type { LibraryKind, LibraryRowsBase } from './libraryKinds';

export type ImportOutcome = { ok: true; records: number; revisions: number; approvals: number } | { ok: false; issues: FileIssue[] };

/**
 * Imports a library file, all or nothing: a file with any problem (syntax, schema, limits, or a
 * revision or approval that would rewrite history already stored) is refused whole with every
 * problem listed, and the database is left exactly as it was. A big file is written as several
 * mutations (parts small enough to sync, see libraryParts), all in one local transaction.
 */
export async function importLibraryFile<R extends LibraryRowsBase>(k: LibraryKind<R>, db: CalmaDatabase, mutate: Mutate, file: string, text: string): Promise<ImportOutcome> {
  const parsed = k.parse(file, text);
  if (!parsed.ok) return parsed;
  try {
    const parts = k.parts(parsed.value);
    await db.transaction('rw', db.tables, async () => {
      for (const part of parts) await k.load(mutate, file, part);
    });
  } catch (error) {
    if (!(error instanceof MutationError)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: '(root)', message: error.message }];
    return { ok: false, issues: issues.map((i) => ({ file, line: null, column: null, path: i.path, message: i.message, ...locateRow(k, text, parsed.value, i.path) })) };
  }
  const rows = parsed.value;
  return { ok: true, records: k.records(rows).length, revisions: rows.revisions.length, approvals: rows.approvals.length };
}

/**
 * A conflict names the stored row by id; point at that row's id in the file instead (path and
 * line), as for every other problem, so the author can find it. Unknown ids are left as they are.
 */
function locateRow<R extends LibraryRowsBase>(kind: LibraryKind<R>, text: string, rows: R, id: string): Pick<FileIssue, 'line' | 'column' | 'path'> | undefined {
  const revision = rows.revisions.find((r) => r.id === id);
  const approval = rows.approvals.find((a) => a.id === id);
  const owner = revision ? kind.parentOf(revision) : approval?.subjectId;
  if (owner === undefined) return undefined;
  const index = revision
    ? rows.revisions.filter((r) => kind.parentOf(r) === owner).findIndex((r) => r.id === id)
    : rows.approvals.filter((a) => a.subjectId === owner).findIndex((a) => a.id === id);
  const path = [kind.root, kind.records(rows).findIndex((r) => r.id === owner), revision ? 'revisions' : 'approvals', index, 'id'];
  const lines = new LineCounter();
  return { path: formatPath(path), ...positionOf(parseDocument(text, { lineCounter: lines }), lines, path) };
}

/** The whole library (records not deleted, with every revision and approval) as a file. */
export async function exportLibrary<R extends LibraryRowsBase>(kind: LibraryKind<R>, db: CalmaDatabase, as: 'yaml' | 'json'): Promise<string> {
  return kind.serialize(await kind.read(db), as);
}
