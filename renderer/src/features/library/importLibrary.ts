import { LineCounter, parseDocument } from 'yaml';
import { formatPath, libraryIssue, positionOf, type LibraryIssue, type Place } from '@shared/library/fileErrors';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import { MutationError } from '@shared/mutations/error';
import type { LibraryKind, LibraryRowsBase } from './libraryKinds';

export type ImportOutcome = { ok: true; records: number; revisions: number; approvals: number } | { ok: false; issues: LibraryIssue[] };

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
    return { ok: false, issues: refusalIssues(k, file, text, parsed.value, error) };
  }
  const rows = parsed.value;
  return { ok: true, records: k.records(rows).length, revisions: rows.revisions.length, approvals: rows.approvals.length };
}

/**
 * What the database refused, as issues of the file. A conflict names a stored revision or approval
 * that the file would rewrite; it is pointed at in the file (path and line, as every other problem)
 * so the author can find it. Anything else the mutation refuses (the file's checks should have
 * caught it first) is shown with the database's own words.
 */
function refusalIssues<R extends LibraryRowsBase>(kind: LibraryKind<R>, file: string, text: string, rows: R, error: MutationError): LibraryIssue[] {
  const issues = error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
  return issues.map((i) => {
    const row = error.code === 'conflict' ? locateRow(kind, text, rows, i.path) : undefined;
    if (row) return libraryIssue(file, row.place, row.path, { code: 'rewritesHistory', kind: row.kind, id: i.path });
    return libraryIssue(file, { line: null, column: null }, '', { code: 'refusedByStore', detail: i.path === '' ? i.message : `${i.path}: ${i.message}` });
  });
}

/** Where the revision or approval with this id is written in the file, if the file has it. */
function locateRow<R extends LibraryRowsBase>(kind: LibraryKind<R>, text: string, rows: R, id: string): { kind: 'revision' | 'approval'; path: string; place: Place } | undefined {
  const revision = rows.revisions.find((r) => r.id === id);
  const approval = rows.approvals.find((a) => a.id === id);
  const owner = revision ? kind.parentOf(revision) : approval?.subjectId;
  if (owner === undefined) return undefined;
  const index = revision
    ? rows.revisions.filter((r) => kind.parentOf(r) === owner).findIndex((r) => r.id === id)
    : rows.approvals.filter((a) => a.subjectId === owner).findIndex((a) => a.id === id);
  const path = [kind.root, kind.records(rows).findIndex((r) => r.id === owner), revision ? 'revisions' : 'approvals', index, 'id'];
  const lines = new LineCounter();
  return { kind: revision ? 'revision' : 'approval', path: formatPath(path), place: positionOf(parseDocument(text, { lineCounter: lines }), lines, path) };
}

/** The whole library (records not deleted, with every revision and approval) as a file. */
export async function exportLibrary<R extends LibraryRowsBase>(kind: LibraryKind<R>, db: CalmaDatabase, as: 'yaml' | 'json'): Promise<string> {
  return kind.serialize(await kind.read(db), as);
}
