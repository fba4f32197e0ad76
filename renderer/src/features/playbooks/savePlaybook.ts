import type { Localized } from '@shared/domain';
import { uuidv7 } from '@shared/uuid';
import type { Mutate } from '../../db/mutate';
import { draftContent, draftProblems, sameContent, type PlaybookDraft } from './draft';
import type { PlaybookView } from './usePlaybooks';
import type { PlaybookProblem } from './validate';

/** Default validity of an approval, as for answers: a playbook is reviewed at least once a year. */
export const APPROVAL_DAYS = 365;

export type SaveOutcome =
  | { ok: false; problems: PlaybookProblem[] }
  | { ok: true; kind: 'created'; id: string }
  | { ok: true; kind: 'revised' | 'fields' | 'unchanged'; id: string };

/**
 * Saves the editor's draft. A new playbook is created with revision 1. An existing one gets a new
 * revision (number = highest + 1, based on the revision the editor opened) only when its content
 * changed; an approved revision is never written again. Title and scenario are the playbook's own
 * editable fields, updated apart. Nothing is written when the draft has problems.
 */
export async function savePlaybook(
  mutate: Mutate,
  input: { view: PlaybookView | null; draft: PlaybookDraft; userName: string; now?: Date; newId?: () => string },
): Promise<SaveOutcome> {
  const { view, draft, userName } = input;
  const problems = draftProblems(draft);
  if (problems.length > 0) return { ok: false, problems };
  const now = (input.now ?? new Date()).toISOString();
  const newId = input.newId ?? (() => uuidv7());
  const content = draftContent(draft);
  const title: Localized = { es: draft.title.es.trim(), en: draft.title.en.trim() };
  const scenario = draft.scenario.trim();

  if (!view) {
    const id = newId();
    await mutate('playbook.create', {
      playbook: { id, clock: {}, deleted: false, title, scenario, ownerId: null, lastReviewedAt: null, createdAt: now, createdBy: userName },
      revision: { id: newId(), playbookId: id, number: 1, basedOn: null, ...content, createdAt: now, createdBy: userName },
    });
    return { ok: true, kind: 'created', id };
  }

  const base = view.state.newerDraft ?? view.state.shown;
  const revised = !sameContent(base, content);
  // The revision first: if it is refused, nothing at all was written.
  if (revised) {
    const number = Math.max(...view.revisions.map((r) => r.number)) + 1;
    await mutate('playbook.revise', {
      revision: { id: newId(), playbookId: view.playbook.id, number, basedOn: base.id, ...content, createdAt: now, createdBy: userName },
    });
  }
  const fields: { title?: Localized; scenario?: string } = {};
  if (title.es !== view.playbook.title.es || title.en !== view.playbook.title.en) fields.title = title;
  if (scenario !== view.playbook.scenario) fields.scenario = scenario;
  const changedFields = Object.keys(fields).length > 0;
  if (changedFields) await mutate('playbook.update', { id: view.playbook.id, fields });
  return { ok: true, kind: revised ? 'revised' : changedFields ? 'fields' : 'unchanged', id: view.playbook.id };
}

/**
 * Approves the newest revision of a playbook in the name of `by`, valid for a year, and records
 * the review date on the playbook. The rules about who may approve are the caller's (see
 * approvalRefusal); the server enforces them again when syncing.
 */
export async function approvePlaybook(mutate: Mutate, view: PlaybookView, by: string, at = new Date(), newId: () => string = () => uuidv7()): Promise<number> {
  const target = view.state.newerDraft ?? view.state.shown;
  await mutate('playbook.approve', {
    approval: {
      id: newId(),
      subject: 'playbook',
      subjectId: view.playbook.id,
      revisionId: target.id,
      kind: 'approve',
      by,
      at: at.toISOString(),
      expiresAt: new Date(at.getTime() + APPROVAL_DAYS * 86_400_000).toISOString(),
      note: '',
    },
  });
  await mutate('playbook.update', { id: view.playbook.id, fields: { lastReviewedAt: at.toISOString() } });
  return target.number;
}
