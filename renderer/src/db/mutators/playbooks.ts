import type { Playbook, PlaybookRevision } from '@shared/domain';
import type { MutationName, ParsedMutationArgs } from '@shared/mutations';
import type { MutationWriter } from '../writer';
import { revisedRecordMutators } from './revisedRecords';

type Args<N extends MutationName> = ParsedMutationArgs<N>;

const playbooks = revisedRecordMutators<Playbook, PlaybookRevision>({
  label: 'playbook',
  subject: 'playbook',
  table: 'playbooks',
  revisions: 'playbookRevisions',
  parentOf: (r) => r.playbookId,
});

export const playbookMutators = {
  'playbook.create': (w: MutationWriter, { playbook, revision }: Args<'playbook.create'>) => playbooks.create(w, playbook, revision),
  'playbook.update': (w: MutationWriter, { id, fields }: Args<'playbook.update'>) => playbooks.update(w, id, fields),
  'playbook.revise': (w: MutationWriter, { revision }: Args<'playbook.revise'>) => playbooks.revise(w, revision),
  'playbook.approve': (w: MutationWriter, { approval }: Args<'playbook.approve'>) => playbooks.approve(w, approval),
  'playbook.delete': (w: MutationWriter, { id }: Args<'playbook.delete'>) => playbooks.remove(w, id),
  'playbookLibrary.import': (w: MutationWriter, a: Args<'playbookLibrary.import'>) => playbooks.importRows(w, a.playbooks, a.revisions, a.approvals),
} as const;
