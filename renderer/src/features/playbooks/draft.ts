import { roleFromText, severitySchema, type Localized, type PlaybookRevision, type PlaybookStep, type Severity } from '@shared/domain';
import type { PlaybookProblem } from './validate';
import { playbookProblems } from './validate';

/** One step as the editor holds it: the deadline stays the text typed until it is saved. */
export interface DraftStep {
  id: string;
  text: Localized;
  role: string;
  offset: string;
  required: boolean;
  answerIds: string[];
}

export interface PlaybookDraft {
  title: Localized;
  scenario: string;
  whenToUse: Localized;
  severities: Record<Severity, Localized>;
  steps: DraftStep[];
  /** The contact tree incidents from this playbook get preselected (never started for them), or none. */
  contactTreeId: string | null;
}

/**
 * What a revision holds besides its identity: the part a save compares to decide on a new
 * revision. The tree to activate is part of it: changing it is a change to approve.
 */
export type RevisionContent = Pick<PlaybookRevision, 'whenToUse' | 'severities' | 'steps' | 'contactTreeId'>;

const empty = (): Localized => ({ es: '', en: '' });

export function emptyStep(id: string): DraftStep {
  return { id, text: empty(), role: 'crisis-lead', offset: '0', required: true, answerIds: [] };
}

/** The editor's starting point: a playbook's title and scenario with one revision's content, or a blank one. */
export function draftFrom(source: { title: Localized; scenario: string; revision: RevisionContent } | null, newStepId: () => string): PlaybookDraft {
  const severities = Object.fromEntries(severitySchema.options.map((l) => [l, empty()])) as Record<Severity, Localized>;
  if (!source) return { title: empty(), scenario: '', whenToUse: empty(), severities, steps: [emptyStep(newStepId())], contactTreeId: null };
  for (const s of source.revision.severities) severities[s.level] = { ...s.meaning };
  return {
    title: { ...source.title },
    scenario: source.scenario,
    whenToUse: { ...source.revision.whenToUse },
    severities,
    steps: source.revision.steps.map((s) => ({ id: s.id, text: { ...s.text }, role: s.role, offset: String(s.offsetMinutes), required: s.required, answerIds: [...s.answerIds] })),
    contactTreeId: source.revision.contactTreeId ?? null,
  };
}

/** The typed deadline as minutes; NaN when it is not a number at all (validation names it). */
export function parseOffset(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

const trimmed = (t: Localized): Localized => ({ es: t.es.trim(), en: t.en.trim() });

/** The problems of a draft, as the validation rules see them. */
export function draftProblems(draft: PlaybookDraft): PlaybookProblem[] {
  return playbookProblems({
    title: draft.title,
    scenario: draft.scenario,
    steps: draft.steps.map((s) => ({ text: s.text, role: s.role, offsetMinutes: parseOffset(s.offset) })),
  });
}

/**
 * The revision content a valid draft saves: texts trimmed, severities in their order (low to
 * critical) and only those with a meaning, steps in the order the editor shows them.
 */
export function draftContent(draft: PlaybookDraft): RevisionContent {
  return {
    whenToUse: trimmed(draft.whenToUse),
    severities: severitySchema.options
      .map((level) => ({ level, meaning: trimmed(draft.severities[level]) }))
      .filter((s) => s.meaning.es !== '' || s.meaning.en !== ''),
    steps: draft.steps.map(
      // A role typed as "Portavoz" is the code the directory and the trees use (spokesperson).
      (s): PlaybookStep => ({ id: s.id, text: trimmed(s.text), role: roleFromText(s.role), offsetMinutes: parseOffset(s.offset), required: s.required, answerIds: s.answerIds }),
    ),
    contactTreeId: draft.contactTreeId,
  };
}

/**
 * Whether saving `content` would change nothing in `base`: compared as saved (texts trimmed,
 * severities in level order, empty meanings dropped, the same tree), so opening and saving makes
 * no revision.
 */
export function sameContent(base: RevisionContent, content: RevisionContent): boolean {
  const canonical = (c: RevisionContent) =>
    JSON.stringify({
      whenToUse: trimmed(c.whenToUse),
      severities: [...c.severities]
        .sort((a, b) => severitySchema.options.indexOf(a.level) - severitySchema.options.indexOf(b.level))
        .map((s) => ({ level: s.level, meaning: trimmed(s.meaning) }))
        .filter((s) => s.meaning.es !== '' || s.meaning.en !== ''),
      steps: c.steps.map((s) => [s.id, trimmed(s.text), roleFromText(s.role), s.offsetMinutes, s.required, s.answerIds]),
      contactTreeId: c.contactTreeId ?? null,
    });
  return canonical(base) === canonical(content);
}
