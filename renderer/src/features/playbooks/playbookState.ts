import { deriveAnswerState, type AnswerRevision, type Approval, type PlaybookRevision, type RevisionStatus } from '@shared/domain';

/** What deriveAnswerState needs of a revision; playbook revisions have it too. */
interface RevisionLike {
  id: string;
  number: number;
  createdAt: string;
}

export interface RevisedState<R> {
  /** The revision in force if any, else the newest. */
  shown: R;
  status: RevisionStatus;
  approval: Approval | null;
  /** The newest revision when it is newer than `shown`: a draft waiting for approval. */
  newerDraft: R | null;
}

/**
 * deriveAnswerState for any revised record. It reads only id, number and createdAt of the
 * revisions (and the approvals), so one rule decides "approved / expired / draft" for answers and
 * playbooks alike; the cast only widens its parameter type, and the revisions it returns are the
 * very objects passed in.
 */
export function deriveRevisedState<R extends RevisionLike>(revisions: readonly R[], approvals: readonly Approval[], now: Date): RevisedState<R> | null {
  return deriveAnswerState(revisions as unknown as AnswerRevision[], approvals, now) as unknown as RevisedState<R> | null;
}

export type PlaybookState = RevisedState<PlaybookRevision>;

export const derivePlaybookState = (revisions: readonly PlaybookRevision[], approvals: readonly Approval[], now: Date): PlaybookState | null =>
  deriveRevisedState(revisions, approvals, now);
