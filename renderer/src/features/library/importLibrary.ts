import { LineCounter, parseDocument } from 'yaml';
import { parseAnswersFile, serializeAnswersFile, type LibraryRows } from '@shared/library/answersFile';
import { formatPath, positionOf, type FileIssue } from '@shared/library/fileErrors';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import { MutationError } from '../../db/mutationError';

export type ImportOutcome =
  | { ok: true; answers: number; revisions: number; approvals: number }
  | { ok: false; issues: FileIssue[] };

/**
 * Imports an answer library file, all or nothing: a file with any problem (syntax, schema, limits,
 * or a revision that would rewrite history already stored) is refused whole with every problem
 * listed, and the database is left exactly as it was.
 */
export async function importLibraryFile(mutate: Mutate, file: string, text: string): Promise<ImportOutcome> {
  const parsed = parseAnswersFile(file, text);
  if (!parsed.ok) return parsed;
  try {
    await mutate('library.import', { source: file, ...parsed.value });
  } catch (error) {
    if (!(error instanceof MutationError)) throw error;
    const issues = error.issues.length > 0 ? error.issues : [{ path: '(root)', message: error.message }];
    return { ok: false, issues: issues.map((i) => ({ file, line: null, column: null, path: i.path, message: i.message, ...locateRow(text, parsed.value, i.path) })) };
  }
  const { answers, revisions, approvals } = parsed.value;
  return { ok: true, answers: answers.length, revisions: revisions.length, approvals: approvals.length };
}

/**
 * A conflict names the stored row by id; point at that row's id in the file instead (path and
 * line), as for every other problem, so the author can find it. Unknown ids are left as they are.
 */
function locateRow(text: string, rows: LibraryRows, id: string): Pick<FileIssue, 'line' | 'column' | 'path'> | undefined {
  const revision = rows.revisions.find((r) => r.id === id);
  const approval = rows.approvals.find((a) => a.id === id);
  const owner = revision?.answerId ?? approval?.subjectId;
  if (owner === undefined) return undefined;
  const list = revision ? rows.revisions.filter((r) => r.answerId === owner) : rows.approvals.filter((a) => a.subjectId === owner);
  const path = ['answers', rows.answers.findIndex((a) => a.id === owner), revision ? 'revisions' : 'approvals', list.findIndex((r) => r.id === id), 'id'];
  const lines = new LineCounter();
  return { path: formatPath(path), ...positionOf(parseDocument(text, { lineCounter: lines }), lines, path) };
}

/** The whole library (answers not deleted, with every revision and approval) as a file. */
export async function exportLibrary(db: CalmaDatabase, as: 'yaml' | 'json'): Promise<string> {
  return db.transaction('r', db.answers, db.answerRevisions, db.approvals, async () => {
    const answers = (await db.answers.toArray()).filter((a) => !a.deleted);
    const ids = new Set(answers.map((a) => a.id));
    const revisions = (await db.answerRevisions.toArray()).filter((r) => ids.has(r.answerId));
    const approvals = (await db.approvals.toArray()).filter((a) => a.subject === 'answer' && ids.has(a.subjectId));
    return serializeAnswersFile({ answers, revisions, approvals }, as);
  });
}
