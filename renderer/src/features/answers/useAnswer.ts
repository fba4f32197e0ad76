import { useLiveQuery } from 'dexie-react-hooks';
import { deriveAnswerState, type Answer, type AnswerRevision, type AnswerState, type Approval, type CopyEvent } from '@shared/domain';
import { useServices } from '../../app/services';
import { useNow } from '../../app/useNow';

export interface AnswerView {
  answer: Answer;
  revisions: AnswerRevision[];
  approvals: Approval[];
  state: AnswerState;
  copies: CopyEvent[];
  /**
   * The state as of this instant, for decisions that must not trust a render that may be a
   * moment old (a background window's timers are throttled): copying checks it.
   */
  stateNow(): AnswerState | null;
}

/** One answer with its history and derived status, live: it updates when any of its rows change. */
export function useAnswer(id: string | null): AnswerView | null | undefined {
  const { db } = useServices();
  const rows = useLiveQuery(async () => {
    if (!id) return null;
    const answer = await db.answers.get(id);
    if (!answer || answer.deleted) return null;
    const [revisions, approvals, copies] = await Promise.all([
      db.answerRevisions.where('answerId').equals(id).toArray(),
      db.approvals.where('[subject+subjectId]').equals(['answer', id]).toArray(),
      db.copyEvents.where('answerId').equals(id).reverse().sortBy('at'),
    ]);
    return { answer, revisions, approvals, copies: copies.slice(0, 10) };
  }, [db, id]);
  // The state changes with the time only when an approval expires: re-derived at those moments,
  // with no ticking in between.
  const now = useNow(null, expiries(rows?.approvals));
  if (rows === undefined) return undefined;
  if (rows === null) return null;
  const state = deriveAnswerState(rows.revisions, rows.approvals, now);
  const { revisions, approvals } = rows;
  return state ? { ...rows, state, stateNow: () => deriveAnswerState(revisions, approvals, new Date()) } : null;
}

const expiries = (approvals: readonly Approval[] | undefined): number[] =>
  approvals?.flatMap((a) => (a.expiresAt ? [Date.parse(a.expiresAt)] : [])) ?? [];
