import { useLiveQuery } from 'dexie-react-hooks';
import { deriveAnswerState, type AnswerState, type Playbook, type PlaybookRevision } from '@shared/domain';
import { useServices } from '../../app/services';

export interface PlaybookChoice {
  playbook: Playbook;
  /** The revision an incident would start from: the approved one, else the newest draft. */
  state: AnswerState<PlaybookRevision>;
}

/** Every playbook an incident can be declared from, with the revision it would use. */
export function usePlaybookChoices(): PlaybookChoice[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [playbooks, revisions, approvals] = await Promise.all([
      db.playbooks.toArray(),
      db.playbookRevisions.toArray(),
      db.approvals.where('[subject+subjectId]').between(['playbook', ''], ['playbook', '\uffff']).toArray(),
    ]);
    const now = new Date();
    return playbooks
      .filter((p) => !p.deleted)
      .flatMap((playbook) => {
        const state = deriveAnswerState(
          revisions.filter((r) => r.playbookId === playbook.id),
          approvals.filter((a) => a.subjectId === playbook.id),
          now,
        );
        return state ? [{ playbook, state }] : [];
      });
  }, [db]);
}
