import type { Answer, AnswerRevision, Incident } from '../domain';
import { MutationError } from '../mutations/error';
import type { MutationName, ParsedMutationArgs } from '../mutations';
import type { MutationStore } from '../mutations/store';
import { putImmutable, requireLive } from './common';
import { revisedRecordMutators } from './revisedRecords';

type Args<N extends MutationName> = ParsedMutationArgs<N>;

const answers = revisedRecordMutators<Answer, AnswerRevision>({
  label: 'answer',
  subject: 'answer',
  table: 'answers',
  revisions: 'answerRevisions',
  parentOf: (r) => r.answerId,
});

export const answerMutators = {
  'answer.create': (w: MutationStore, { answer, revision }: Args<'answer.create'>) => answers.create(w, answer, revision),
  'answer.update': (w: MutationStore, { id, fields }: Args<'answer.update'>) => answers.update(w, id, fields),
  'answer.revise': (w: MutationStore, { revision }: Args<'answer.revise'>) => answers.revise(w, revision),
  'answer.approve': (w: MutationStore, { approval }: Args<'answer.approve'>) => answers.approve(w, approval),
  'answer.delete': (w: MutationStore, { id }: Args<'answer.delete'>) => answers.remove(w, id),
  async 'copy.record'(w: MutationStore, { copy, statement }: Args<'copy.record'>) {
    await putImmutable(w, 'copyEvents', [copy], 'copy');
    if (!statement) return;
    if (statement.kind !== 'statement' || copy.incidentId === null || statement.incidentId !== copy.incidentId) {
      throw new MutationError('invalid', 'a statement must be a "statement" entry of the incident the copy was made for');
    }
    await requireLive<Incident>(w, 'incidents', statement.incidentId, 'incident');
    await putImmutable(w, 'logEntries', [statement], 'log entry');
  },
  'library.import': (w: MutationStore, a: Args<'library.import'>) => answers.importRows(w, a.source, a.answers, a.revisions, a.approvals),
} as const;
