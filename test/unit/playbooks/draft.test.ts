import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Approval, PlaybookRevision } from '../../../shared/domain';
import { draftContent, draftFrom, draftProblems, emptyStep, sameContent } from '../../../renderer/src/features/playbooks/draft';
import { headline, pickText } from '../../../renderer/src/features/playbooks/localized';
import { derivePlaybookState } from '../../../renderer/src/features/playbooks/playbookState';
import { approvalRefusal, playbookProblems } from '../../../renderer/src/features/playbooks/validate';

const revision: PlaybookRevision = {
  id: 'p.r1',
  playbookId: 'p',
  number: 1,
  basedOn: null,
  whenToUse: { es: 'Cuando pase algo.', en: 'When something happens.' },
  severities: [
    { level: 'high', meaning: { es: 'Alta', en: 'High' } },
    { level: 'low', meaning: { es: 'Baja', en: 'Low' } },
  ],
  steps: [
    { id: 's1', text: { es: '**Uno**', en: '**One**' }, role: 'crisis-lead', offsetMinutes: 0, required: true, answerIds: ['a1'] },
    { id: 's2', text: { es: 'Dos', en: '' }, role: 'our-own-role', offsetMinutes: 90, required: false, answerIds: [] },
  ],
  contactTreeId: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'ana',
};
const source = { title: { es: 'Protocolo', en: 'Playbook' }, scenario: 'data-leak', revision };

describe('playbook validation', () => {
  it('asks for a title in one language, a scenario, a step, and each step complete', () => {
    expect(playbookProblems({ title: { es: ' ', en: '' }, scenario: '', steps: [] })).toEqual([{ kind: 'title' }, { kind: 'scenario' }, { kind: 'steps' }]);
    expect(
      playbookProblems({
        title: { es: '', en: 'Only English' },
        scenario: 'x',
        steps: [
          { text: { es: '', en: '  ' }, role: 'legal', offsetMinutes: 0 },
          { text: { es: 'Ok', en: '' }, role: ' ', offsetMinutes: -1 },
          { text: { es: 'Ok', en: '' }, role: 'hr', offsetMinutes: 1.5 },
          { text: { es: 'Ok', en: '' }, role: 'hr', offsetMinutes: Number.NaN },
        ],
      }),
    ).toEqual([
      { kind: 'stepText', step: 1 },
      { kind: 'stepRole', step: 2 },
      { kind: 'stepOffset', step: 2 },
      { kind: 'stepOffset', step: 3 },
      { kind: 'stepOffset', step: 4 },
    ]);
  });

  it('refuses approval without a name, with problems, or of one’s own revision, in that order', () => {
    expect(approvalRefusal({ userName: ' ', problems: 1, author: 'ana' })).toBe('needName');
    expect(approvalRefusal({ userName: 'ana', problems: 1, author: 'ana' })).toBe('problems');
    expect(approvalRefusal({ userName: ' ana ', problems: 0, author: 'ana' })).toBe('ownRevision');
    expect(approvalRefusal({ userName: 'luis', problems: 0, author: 'ana' })).toBeNull();
  });
});

describe('the editor draft', () => {
  it('round-trips a revision: opening and saving without edits makes no new revision', () => {
    const draft = draftFrom(source, () => 'unused');
    expect(draftProblems(draft)).toEqual([]);
    const content = draftContent(draft);
    expect(sameContent(revision, content)).toBe(true);
    expect(content.severities.map((s) => s.level)).toEqual(['low', 'high']);
    expect(content.steps[0]!.answerIds).toEqual(['a1']);
  });

  it('stores a role typed by its name as its code, and an old spelling saved again is no new revision', () => {
    const draft = draftFrom(source, () => 'unused');
    const typed = draftContent({ ...draft, steps: [{ ...draft.steps[0]!, role: ' Portavoz ' }, draft.steps[1]!] });
    expect(typed.steps[0]!.role).toBe('spokesperson');
    expect(draftContent({ ...draft, steps: [{ ...draft.steps[0]!, role: 'Jefa de prensa ' }, draft.steps[1]!] }).steps[0]!.role).toBe('Jefa de prensa');
    const legacy = { ...revision, steps: [{ ...revision.steps[0]!, role: 'portavoz' }, ...revision.steps.slice(1)] };
    expect(sameContent(legacy, typed)).toBe(true);
  });

  it('sees a change of order, text or deadline as a new revision', () => {
    const draft = draftFrom(source, () => 'unused');
    expect(sameContent(revision, draftContent({ ...draft, steps: [draft.steps[1]!, draft.steps[0]!] }))).toBe(false);
    expect(sameContent(revision, draftContent({ ...draft, steps: [draft.steps[0]!, { ...draft.steps[1]!, offset: '91' }] }))).toBe(false);
    expect(sameContent(revision, draftContent({ ...draft, whenToUse: { es: 'Otro', en: '' } }))).toBe(false);
  });

  it('carries the contact tree to activate, and sees a change of it as a new revision', () => {
    const named = { ...source, revision: { ...revision, contactTreeId: 'tree-1' } };
    const draft = draftFrom(named, () => 'unused');
    expect(draft.contactTreeId).toBe('tree-1');
    expect(draftContent(draft).contactTreeId).toBe('tree-1');
    expect(sameContent(named.revision, draftContent(draft))).toBe(true);
    expect(sameContent(named.revision, draftContent({ ...draft, contactTreeId: null }))).toBe(false);
    expect(sameContent(named.revision, draftContent({ ...draft, contactTreeId: 'tree-2' }))).toBe(false);
    expect(draftFrom(null, () => 'x').contactTreeId).toBeNull();
    expect(draftFrom(source, () => 'x').contactTreeId).toBeNull();
  });

  it('starts a new playbook with one empty step, which validation points at', () => {
    const draft = draftFrom(null, () => 'new-step');
    expect(draft.steps).toEqual([emptyStep('new-step')]);
    expect(draftProblems(draft)).toEqual([{ kind: 'title' }, { kind: 'scenario' }, { kind: 'stepText', step: 1 }]);
    expect(draftProblems({ ...draft, steps: [{ ...draft.steps[0]!, offset: '' }] })).toContainEqual({ kind: 'stepOffset', step: 1 });
  });

  test.prop([fc.string(), fc.string()])('texts and headlines never throw', (es, en) => {
    expect(typeof headline(es)).toBe('string');
    expect(headline(es).length).toBeLessThanOrEqual(70);
    const picked = pickText({ es, en }, 'en');
    expect([es, en, '']).toContain(picked.text);
  });

  it('names a step by its first line without Markdown, and falls back to the other language', () => {
    expect(headline('**Confirm what is happening.**\n\nThen more.')).toBe('Confirm what is happening.');
    expect(headline('- [a link](https://x.example) first')).toBe('a link first');
    expect(pickText({ es: 'Hola', en: '' }, 'en')).toEqual({ text: 'Hola', lang: 'es', fallback: true });
  });
});

describe('playbook status', () => {
  const approval = (id: string, revisionId: string, at: string, expiresAt: string | null): Approval => ({
    id, subject: 'playbook', subjectId: 'p', revisionId, kind: 'approve', by: 'luis', at, expiresAt, note: '',
  });
  const r2: PlaybookRevision = { ...revision, id: 'p.r2', number: 2, basedOn: 'p.r1', createdAt: '2026-04-01T10:00:00.000Z' };
  const now = new Date('2026-05-01T00:00:00Z');

  it('is draft, approved, or expired, with a newer draft shown apart', () => {
    expect(derivePlaybookState([revision], [], now)?.status).toBe('draft');
    const approved = derivePlaybookState([revision, r2], [approval('a', 'p.r1', '2026-03-02T00:00:00Z', '2027-03-02T00:00:00Z')], now);
    expect(approved).toMatchObject({ status: 'approved', shown: revision, newerDraft: r2 });
    expect(derivePlaybookState([revision], [approval('a', 'p.r1', '2026-03-02T00:00:00Z', '2026-04-02T00:00:00Z')], now)?.status).toBe('expired');
    expect(derivePlaybookState([], [], now)).toBeNull();
  });
});
