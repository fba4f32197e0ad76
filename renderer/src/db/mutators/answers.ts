import type { Answer, AnswerRevision, Incident } from '@shared/domain';
import { MutationError } from '../mutationError';
import type { MutationName, ParsedMutationArgs } from '@shared/mutations';
import type { MutationWriter } from '../writer';
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
  'answer.create': (w: MutationWriter, { answer, revision }: Args<'answer.create'>) => answers.create(w, answer, revision),
  'answer.update': (w: MutationWriter, { id, fields }: Args<'answer.update'>) => answers.update(w, id, fields),
  'answer.revise': (w: MutationWriter, { revision }: Args<'answer.revise'>) => answers.revise(w, revision),
  'answer.approve': (w: MutationWriter, { approval }: Args<'answer.approve'>) => answers.approve(w, approval),
  'answer.delete': (w: MutationWriter, { id }: Args<'answer.delete'>) => answers.remove(w, id),
  async 'copy.record'(w: MutationWriter, { copy, statement }: Args<'copy.record'>) {
    await putImmutable(w, 'copyEvents', [copy], 'copy');
    if (!statement) return;
    if (statement.kind !== 'statement' || copy.incidentId === null || statement.incidentId !== copy.incidentId) {
      throw new MutationError('invalid', 'a statement must be a "statement" entry of the incident the copy was made for');
    }
    await requireLive<Incident>(w, 'incidents', statement.incidentId, 'incident');
    await putImmutable(w, 'logEntries', [statement], 'log entry');
  },
  'library.import': (w: MutationWriter, a: Args<'library.import'>) => answers.importRows(w, a.answers, a.revisions, a.approvals),
} as const;
