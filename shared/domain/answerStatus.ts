import type { AnswerRevision, Approval } from './answers';

/** What status derivation needs of a revision: answers' and playbooks' revisions both have it. */
export interface RevisionLike {
  id: string;
  number: number;
  createdAt: string;
}

export type RevisionStatus = 'draft' | 'approved' | 'expired' | 'superseded';

export interface AnswerState<R extends RevisionLike = AnswerRevision> {
  /** The revision the desk shows and copies: the one in force if any, else the newest. */
  shown: R;
  status: RevisionStatus;
  /** The approval behind `approved`, `expired` or `superseded`. */
  approval: Approval | null;
  /** The newest revision, when it differs from `shown` (a draft waiting for approval). */
  newerDraft: R | null;
}

/** Newest first: by revision number, then creation time, then id, so every machine agrees. */
export function compareRevisionsDesc(a: RevisionLike, b: RevisionLike): number {
  return b.number - a.number || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * The approval currently standing on each revision: the latest entry (approve or revoke) for it,
 * ordered by time then id. A revoked revision has none.
 */
function standingApprovals(approvals: readonly Approval[]): Map<string, Approval> {
  const latest = new Map<string, Approval>();
  for (const a of approvals) {
    const prev = latest.get(a.revisionId);
    if (!prev || a.at > prev.at || (a.at === prev.at && a.id > prev.id)) latest.set(a.revisionId, a);
  }
  for (const [rev, a] of latest) if (a.kind === 'revoke') latest.delete(rev);
  return latest;
}

/**
 * Derives an answer's status; it is never stored, so it cannot drift from the history.
 * - approved: the most recently approved revision, its approval not expired at `now`;
 * - expired: that same revision, but its approval's expiry has passed;
 * - superseded: a revision whose approval was overtaken by a later approval of another revision;
 * - draft: never approved (or its approval was revoked).
 */
export function deriveAnswerState<R extends RevisionLike = AnswerRevision>(
  revisions: readonly R[],
  approvals: readonly Approval[],
  now: Date,
): AnswerState<R> | null {
  if (revisions.length === 0) return null;
  const sorted = [...revisions].sort(compareRevisionsDesc);
  const newest = sorted[0]!;
  const standing = standingApprovals(approvals);
  let inForce: Approval | null = null;
  for (const a of standing.values()) {
    if (!revisions.some((r) => r.id === a.revisionId)) continue;
    if (!inForce || a.at > inForce.at || (a.at === inForce.at && a.id > inForce.id)) inForce = a;
  }
  if (!inForce) return { shown: newest, status: 'draft', approval: null, newerDraft: null };
  const shown = revisions.find((r) => r.id === inForce.revisionId)!;
  const expired = inForce.expiresAt !== null && Date.parse(inForce.expiresAt) <= now.getTime();
  return {
    shown,
    status: expired ? 'expired' : 'approved',
    approval: inForce,
    newerDraft: compareRevisionsDesc(newest, shown) < 0 ? newest : null,
  };
}

/** Status of one given revision (for history lists and the copy log). */
export function revisionStatus<R extends RevisionLike>(
  revision: R,
  revisions: readonly R[],
  approvals: readonly Approval[],
  now: Date,
): RevisionStatus {
  const state = deriveAnswerState(revisions, approvals, now);
  if (state && state.shown.id === revision.id) return state.status;
  return standingApprovals(approvals).has(revision.id) ? 'superseded' : 'draft';
}
