import type { Approval } from '@shared/domain';
import { parseAnswersFile, serializeAnswersFile, type LibraryRows } from '@shared/library/answersFile';
import type { ParseResult } from '@shared/library/fileErrors';
import { libraryParts } from '@shared/library/importParts';
import { parsePlaybooksFile, serializePlaybooksFile, type PlaybookRows } from '@shared/library/playbooksFile';
import type { CalmaDatabase } from '../../db/database';
import type { Mutate } from '../../db/mutate';
import type { MessageId } from '../../i18n/messages/en';

export interface LibraryRowsBase {
  revisions: { id: string }[];
  approvals: Approval[];
}

/**
 * What differs between the two libraries a team keeps (answers, playbooks): their file format,
 * the mutation that imports them, where they are stored, and the words the console uses. Import,
 * export and the shipped-library seeding are written once, against this.
 */
export interface LibraryKind<R extends LibraryRowsBase> {
  /** The file's top-level list, as in `answers[3].revisions[0].id`. */
  root: 'answers' | 'playbooks';
  filePrefix: string;
  parse(file: string, text: string): ParseResult<R>;
  serialize(rows: R, as: 'yaml' | 'json'): string;
  records(rows: R): { id: string }[];
  parentOf(revision: R['revisions'][number]): string;
  load(mutate: Mutate, source: string, rows: R): Promise<unknown>;
  /** The rows cut into parts small enough to sync, each record with its history (see libraryParts). */
  parts(rows: R): R[];
  /** Every record not deleted, with all its revisions and approvals, in one read transaction. */
  read(db: CalmaDatabase): Promise<R>;
  messages: { pickTitle: MessageId; done: MessageId; exportTitle: MessageId; exportDone: MessageId };
}

export const ANSWERS: LibraryKind<LibraryRows> = {
  root: 'answers',
  filePrefix: 'calma-answers',
  parse: parseAnswersFile,
  serialize: serializeAnswersFile,
  records: (rows) => rows.answers,
  parentOf: (r) => r.answerId,
  load: (mutate, source, rows) => mutate('library.import', { source: source.slice(0, 300), ...rows }),
  parts: (rows) =>
    libraryParts({ records: rows.answers, revisions: rows.revisions, approvals: rows.approvals }, (r) => r.answerId).map((p) => ({
      answers: p.records,
      revisions: p.revisions,
      approvals: p.approvals,
    })),
  read: (db) =>
    db.transaction('r', db.answers, db.answerRevisions, db.approvals, async () => {
      const answers = (await db.answers.toArray()).filter((a) => !a.deleted);
      const ids = new Set(answers.map((a) => a.id));
      const revisions = (await db.answerRevisions.toArray()).filter((r) => ids.has(r.answerId));
      const approvals = (await db.approvals.toArray()).filter((a) => a.subject === 'answer' && ids.has(a.subjectId));
      return { answers, revisions, approvals };
    }),
  messages: { pickTitle: 'import.pickTitle', done: 'import.done', exportTitle: 'export.title', exportDone: 'export.done' },
};

export const PLAYBOOKS: LibraryKind<PlaybookRows> = {
  root: 'playbooks',
  filePrefix: 'calma-playbooks',
  parse: parsePlaybooksFile,
  serialize: serializePlaybooksFile,
  records: (rows) => rows.playbooks,
  parentOf: (r) => r.playbookId,
  load: (mutate, source, rows) => mutate('playbookLibrary.import', { source: source.slice(0, 300), ...rows }),
  parts: (rows) =>
    libraryParts({ records: rows.playbooks, revisions: rows.revisions, approvals: rows.approvals }, (r) => r.playbookId).map((p) => ({
      playbooks: p.records,
      revisions: p.revisions,
      approvals: p.approvals,
    })),
  read: (db) =>
    db.transaction('r', db.playbooks, db.playbookRevisions, db.approvals, async () => {
      const playbooks = (await db.playbooks.toArray()).filter((p) => !p.deleted);
      const ids = new Set(playbooks.map((p) => p.id));
      const revisions = (await db.playbookRevisions.toArray()).filter((r) => ids.has(r.playbookId));
      const approvals = (await db.approvals.toArray()).filter((a) => a.subject === 'playbook' && ids.has(a.subjectId));
      return { playbooks, revisions, approvals };
    }),
  messages: { pickTitle: 'playbooks.import.pickTitle', done: 'playbooks.import.done', exportTitle: 'playbooks.export.title', exportDone: 'playbooks.export.done' },
};
