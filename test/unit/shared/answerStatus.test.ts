import { describe, expect, it } from 'vitest';
import type { AnswerRevision, Approval } from '../../../shared/domain';
import { deriveAnswerState, revisionStatus } from '../../../shared/domain/answerStatus';

const rev = (n: number): AnswerRevision => ({
  id: `r${n}`,
  answerId: 'a',
  number: n,
  basedOn: n > 1 ? `r${n - 1}` : null,
  texts: { es: { x: `texto ${n}` }, en: { x: `text ${n}` } },
  createdAt: `2026-01-0${n}T00:00:00.000Z`,
  createdBy: 'ana',
});
const approve = (id: string, revisionId: string, at: string, expiresAt: string | null = null, kind: 'approve' | 'revoke' = 'approve'): Approval => ({
  id, subject: 'answer', subjectId: 'a', revisionId, kind, by: 'lead', at, expiresAt, note: '',
});
const now = new Date('2026-06-01T00:00:00Z');

describe('answer status', () => {
  it('is draft when nothing was approved, showing the newest revision', () => {
    const state = deriveAnswerState([rev(1), rev(2)], [], now)!;
    expect(state.status).toBe('draft');
    expect(state.shown.id).toBe('r2');
  });

  it('names the exact approved revision, and a newer draft beside it', () => {
    const state = deriveAnswerState([rev(1), rev(2)], [approve('p1', 'r1', '2026-01-02T00:00:00Z')], now)!;
    expect(state.status).toBe('approved');
    expect(state.shown.id).toBe('r1');
    expect(state.approval?.by).toBe('lead');
    expect(state.newerDraft?.id).toBe('r2');
  });

  it('is expired once the approval expiry has passed, and approved just before', () => {
    const approvals = [approve('p1', 'r1', '2026-01-02T00:00:00Z', '2026-06-01T00:00:00Z')];
    expect(deriveAnswerState([rev(1)], approvals, now)!.status).toBe('expired');
    expect(deriveAnswerState([rev(1)], approvals, new Date('2026-05-31T23:59:59Z'))!.status).toBe('approved');
  });

  it('marks an older approved revision superseded when a newer one is approved', () => {
    const revisions = [rev(1), rev(2)];
    const approvals = [approve('p1', 'r1', '2026-01-02T00:00:00Z'), approve('p2', 'r2', '2026-01-03T00:00:00Z')];
    expect(deriveAnswerState(revisions, approvals, now)!.shown.id).toBe('r2');
    expect(revisionStatus(rev(1), revisions, approvals, now)).toBe('superseded');
    expect(revisionStatus(rev(2), revisions, approvals, now)).toBe('approved');
  });

  it('falls back to the earlier approval when the latest is revoked', () => {
    const revisions = [rev(1), rev(2)];
    const approvals = [
      approve('p1', 'r1', '2026-01-02T00:00:00Z'),
      approve('p2', 'r2', '2026-01-03T00:00:00Z'),
      approve('p3', 'r2', '2026-01-04T00:00:00Z', null, 'revoke'),
    ];
    const state = deriveAnswerState(revisions, approvals, now)!;
    expect(state.shown.id).toBe('r1');
    expect(state.status).toBe('approved');
    expect(revisionStatus(rev(2), revisions, approvals, now)).toBe('draft');
  });

  it('ignores approvals of revisions it was not given', () => {
    expect(deriveAnswerState([rev(1)], [approve('p', 'other', '2026-01-02T00:00:00Z')], now)!.status).toBe('draft');
    expect(deriveAnswerState([], [], now)).toBeNull();
  });
});
