import type { Localized } from '@shared/domain';
import { MAX_OFFSET_MINUTES } from './formatOffset';

/** A reason a playbook (or one revision of it) cannot be saved or approved; `step` is 1-based. */
export type PlaybookProblem =
  | { kind: 'title' }
  | { kind: 'scenario' }
  | { kind: 'steps' }
  | { kind: 'stepText'; step: number }
  | { kind: 'stepRole'; step: number }
  | { kind: 'stepOffset'; step: number };

export interface PlaybookDraftShape {
  title: Localized;
  scenario: string;
  steps: readonly { text: Localized; role: string; offsetMinutes: number }[];
}

const blank = (text: Localized) => text.es.trim() === '' && text.en.trim() === '';

/**
 * The rules a playbook must meet, before it is saved and before it is approved: a title in at
 * least one language, a scenario, one step at least, and each step with a text (in one language
 * at least), a role, and a deadline that is a whole number of minutes from 0 to 90 days.
 */
export function playbookProblems(draft: PlaybookDraftShape): PlaybookProblem[] {
  const problems: PlaybookProblem[] = [];
  if (blank(draft.title)) problems.push({ kind: 'title' });
  if (draft.scenario.trim() === '') problems.push({ kind: 'scenario' });
  if (draft.steps.length === 0) problems.push({ kind: 'steps' });
  draft.steps.forEach((s, i) => {
    const step = i + 1;
    if (blank(s.text)) problems.push({ kind: 'stepText', step });
    if (s.role.trim() === '') problems.push({ kind: 'stepRole', step });
    if (!Number.isInteger(s.offsetMinutes) || s.offsetMinutes < 0 || s.offsetMinutes > MAX_OFFSET_MINUTES) problems.push({ kind: 'stepOffset', step });
  });
  return problems;
}

/** Why the approve button is disabled, or null when this person may approve this revision. */
export type ApprovalRefusal = 'needName' | 'problems' | 'ownRevision';

/**
 * The rules of the answers' ApproveButton, for playbooks: a name is needed (it goes into the
 * approval), a revision with problems is not approved, and nobody approves a revision they wrote.
 */
export function approvalRefusal(input: { userName: string; problems: number; author: string }): ApprovalRefusal | null {
  const name = input.userName.trim();
  if (!name) return 'needName';
  if (input.problems > 0) return 'problems';
  if (input.author === name) return 'ownRevision';
  return null;
}
