import type { Playbook, PlaybookRevision } from '../domain';
import type { MutationName, ParsedMutationArgs } from '../mutations';
import type { MutationStore } from '../mutations/store';
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
  'playbook.create': (w: MutationStore, { playbook, revision }: Args<'playbook.create'>) => playbooks.create(w, playbook, revision),
  'playbook.update': (w: MutationStore, { id, fields }: Args<'playbook.update'>) => playbooks.update(w, id, fields),
  'playbook.revise': (w: MutationStore, { revision }: Args<'playbook.revise'>) => playbooks.revise(w, revision),
  'playbook.approve': (w: MutationStore, { approval }: Args<'playbook.approve'>) => playbooks.approve(w, approval),
  'playbook.delete': (w: MutationStore, { id }: Args<'playbook.delete'>) => playbooks.remove(w, id),
  'playbookLibrary.import': (w: MutationStore, a: Args<'playbookLibrary.import'>) => playbooks.importRows(w, a.source, a.playbooks, a.revisions, a.approvals),
} as const;
