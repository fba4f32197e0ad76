import { LineCounter, parseDocument } from 'yaml';
import { formatPath, positionOf, type FileIssue } from '@shared/library/fileErrors';
import { parsePlaybooksFile, serializePlaybooksFile, type PlaybookRows } from '@shared/library/playbooksFile';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import { MutationError } from '../../db/mutationError';

export type PlaybookImportOutcome =
  | { ok: true; playbooks: number; revisions: number; approvals: number }
  | { ok: false; issues: FileIssue[] };

/**
 * Imports a playbook library file, all or nothing, like importLibraryFile for answers: a file with
 * any problem (syntax, schema, duplicate ids, or a revision or approval that would rewrite the
 * history already stored) is refused whole with every problem listed, and the database is left
 * exactly as it was (the import is one mutation, so one transaction).
 */
export async function importPlaybooksFile(mutate: Mutate, file: string, text: string): Promise<PlaybookImportOutcome> {
  const parsed = parsePlaybooksFile(file, text);
  if (!parsed.ok) return parsed;
  try {
    await mutate('playbookLibrary.import', { source: file.slice(0, 300), ...parsed.value });
  } catch (error) {
    if (!(error instanceof MutationError)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: '(root)', message: error.message }];
    return {
      ok: false,
      issues: issues.map((i) => ({ file, line: null, column: null, path: i.path, message: i.message, ...locateRow(text, parsed.value, i.path) })),
    };
  }
  const { playbooks, revisions, approvals } = parsed.value;
  return { ok: true, playbooks: playbooks.length, revisions: revisions.length, approvals: approvals.length };
}

/**
 * A conflict names the stored row by id; point at that row's id in the file instead (path and
 * line), as for every other problem, so the author can find it. Unknown ids are left as they are.
 */
function locateRow(text: string, rows: PlaybookRows, id: string): Pick<FileIssue, 'line' | 'column' | 'path'> | undefined {
  const revision = rows.revisions.find((r) => r.id === id);
  const approval = rows.approvals.find((a) => a.id === id);
  const owner = revision?.playbookId ?? approval?.subjectId;
  if (owner === undefined) return undefined;
  const index = revision
    ? rows.revisions.filter((r) => r.playbookId === owner).findIndex((r) => r.id === id)
    : rows.approvals.filter((a) => a.subjectId === owner).findIndex((a) => a.id === id);
  const path = ['playbooks', rows.playbooks.findIndex((p) => p.id === owner), revision ? 'revisions' : 'approvals', index, 'id'];
  const lines = new LineCounter();
  return { path: formatPath(path), ...positionOf(parseDocument(text, { lineCounter: lines }), lines, path) };
}

/** Every playbook not deleted, with all its revisions and approvals, as a library file. */
export async function exportPlaybooks(db: CalmaDatabase, as: 'yaml' | 'json'): Promise<string> {
  return db.transaction('r', db.playbooks, db.playbookRevisions, db.approvals, async () => {
    const playbooks = (await db.playbooks.toArray()).filter((p) => !p.deleted);
    const ids = new Set(playbooks.map((p) => p.id));
    const revisions = (await db.playbookRevisions.toArray()).filter((r) => ids.has(r.playbookId));
    const approvals = (await db.approvals.toArray()).filter((a) => a.subject === 'playbook' && ids.has(a.subjectId));
    return serializePlaybooksFile({ playbooks, revisions, approvals }, as);
  });
}
