import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { KNOWN_SCENARIOS, LANGS, severitySchema, type Lang } from '@shared/domain';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useAuthor } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { MutationError } from '@shared/mutations/error';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { useTreeList } from '../contactTrees/useContactTrees';
import { draftFrom, draftProblems, emptyStep, parseOffset, type DraftStep, type PlaybookDraft } from './draft';
import { savePlaybook } from './savePlaybook';
import { usePlaybookEditor } from './editorStore';
import { StepEditor } from './StepEditor';
import { isKnownScenario, SCENARIO_LABEL, SEVERITY_LABEL } from './labels';
import { headline } from './localized';
import { moveBy } from './reorder';
import type { PlaybookView } from './usePlaybooks';
import { MAX_OFFSET_MINUTES } from './formatOffset';
import type { PlaybookProblem } from './validate';

const OTHER = '__other__';

/**
 * Writes a new playbook, or a new revision of one: an approved revision is never edited in place,
 * it stays in force until someone else approves the new one.
 */
export function PlaybookEditor({ views, locale }: { views: PlaybookView[] | undefined; locale: Lang }) {
  const t = useT();
  const editing = usePlaybookEditor((s) => s.editing);
  const open = usePlaybookEditor((s) => s.open);
  const close = () => open(null);
  const view = editing && editing !== 'new' ? views?.find((v) => v.playbook.id === editing) : undefined;
  return (
    <Modal isOpen={editing !== null} onOpenChange={(isOpen) => !isOpen && close()} className="modal modal-wide">
      <Dialog className="dialog playbook-editor-dialog" aria-labelledby="playbook-editor-title">
        {editing === 'new' && <EditorForm key="new" view={null} close={close} locale={locale} />}
        {editing !== null && editing !== 'new' && view && <EditorForm key={editing} view={view} close={close} locale={locale} />}
        {editing !== null && editing !== 'new' && views !== undefined && !view && (
          <>
            <Heading slot="title" id="playbook-editor-title">{t('playbooks.editor.editTitle')}</Heading>
            <p>{t('playbooks.editor.gone')}</p>
            <div className="dialog-buttons">
              <button type="button" onClick={close}>{t('common.close')}</button>
            </div>
          </>
        )}
      </Dialog>
    </Modal>
  );
}

export function problemText(t: Translate, p: PlaybookProblem): string {
  switch (p.kind) {
    case 'title':
      return t('playbooks.problem.title');
    case 'scenario':
      return t('playbooks.problem.scenario');
    case 'steps':
      return t('playbooks.problem.steps');
    case 'stepText':
      return t('playbooks.problem.stepText', { step: p.step });
    case 'stepRole':
      return t('playbooks.problem.stepRole', { step: p.step });
    case 'stepOffset':
      return t('playbooks.problem.stepOffset', { step: p.step, max: MAX_OFFSET_MINUTES });
  }
}

type Focus = { element: HTMLElement } | { id: string };

/** The form itself, exported for tests (it renders inside the modal above). */
export function EditorForm({ view, close, locale }: { view: PlaybookView | null; close: () => void; locale: Lang }) {
  const t = useT();
  const intl = useIntl();
  const { mutate } = useServices();
  const author = useAuthor();
  const appAnnounce = useAnnouncer((s) => s.announce);
  // The app's live region sits outside the modal, which hides everything else from assistive
  // technology while it is open (react-aria's ariaHideOutside); so what happens inside the editor
  // (moves, additions) is also spoken from a polite region of its own. Repeats get a trailing
  // no-break space so that saying the same thing twice is still a change.
  const [spoken, setSpoken] = useState({ text: '', n: 0 });
  const announce = (text: string, tone?: 'info' | 'error') => {
    appAnnounce(text, tone);
    setSpoken((s) => ({ text, n: s.n + 1 }));
  };
  const selectPlaybook = useSession((s) => s.selectPlaybook);
  const ids = useId();
  const base = view ? (view.state.newerDraft ?? view.state.shown) : null;
  const [draft, setDraft] = useState<PlaybookDraft>(() =>
    draftFrom(view && base ? { title: view.playbook.title, scenario: view.playbook.scenario, revision: base } : null, () => uuidv7()),
  );
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const problems = draftProblems(draft);
  const shownProblems = submitted ? problems : [];
  const stepProblems = (index: number) => shownProblems.filter((p) => 'step' in p && p.step === index + 1).map((p) => p.kind);

  // Focus to restore or move after a re-render: a moved step's control (the DOM move blurs it),
  // the new step's first field, or the neighbour of a removed step.
  const pendingFocus = useRef<Focus | null>(null);
  useLayoutEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    const element = 'element' in focus ? focus.element : document.getElementById(focus.id);
    if (element && element.isConnected && document.activeElement !== element) element.focus();
  });

  const set = (patch: Partial<PlaybookDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setStep = (index: number, patch: Partial<DraftStep>) =>
    setDraft((d) => ({ ...d, steps: d.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const stepName = (step: DraftStep, index: number) => headline(step.text[locale] || step.text[locale === 'es' ? 'en' : 'es']) || t('playbooks.editor.step', { number: index + 1 });

  const move = (index: number, delta: -1 | 1, focused: Element | null) => {
    const result = moveBy(draft.steps, index, delta);
    if (!result.moved) {
      announce(delta < 0 ? t('playbooks.editor.alreadyFirst') : t('playbooks.editor.alreadyLast'));
      return;
    }
    if (focused instanceof HTMLElement) pendingFocus.current = { element: focused };
    setDraft({ ...draft, steps: result.items });
    announce(t('playbooks.editor.moved', { name: stepName(draft.steps[index]!, index), position: result.index + 1, count: draft.steps.length }));
  };
  const addStep = () => {
    const step = emptyStep(uuidv7());
    const last = draft.steps.at(-1);
    if (last && Number.isFinite(parseOffset(last.offset))) step.offset = last.offset;
    pendingFocus.current = { id: `${ids}-step-${step.id}-role` };
    setDraft({ ...draft, steps: [...draft.steps, step] });
    announce(t('playbooks.editor.added', { number: draft.steps.length + 1 }));
  };
  const removeStep = (index: number) => {
    const steps = draft.steps.filter((_, i) => i !== index);
    const neighbour = steps[index] ?? steps[index - 1];
    pendingFocus.current = { id: neighbour ? `${ids}-step-${neighbour.id}-role` : `${ids}-add-step` };
    announce(t('playbooks.editor.removed', { name: stepName(draft.steps[index]!, index), count: steps.length }));
    setDraft({ ...draft, steps });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setSaveError([]);
    if (problems.length > 0) {
      announce(t('playbooks.editor.fixFirst', { count: problems.length }), 'error');
      return;
    }
    setSaving(true);
    try {
      const outcome = await savePlaybook(mutate, { view, draft, userName: author });
      if (!outcome.ok) return;
      if (outcome.kind === 'created') selectPlaybook(outcome.id);
      const done = { created: 'playbooks.editor.created', revised: 'playbooks.editor.savedRevision', fields: 'playbooks.editor.saved', unchanged: 'playbooks.editor.unchanged' } as const;
      announce(t(done[outcome.kind]));
      close();
    } catch (e) {
      setSaveError(e instanceof MutationError ? [e.message, ...e.issues.map((i) => `${i.path}: ${i.message}`)] : [String(e)]);
    } finally {
      setSaving(false);
    }
  };

  const nextNumber = view ? Math.max(...view.revisions.map((r) => r.number)) + 1 : 1;
  const scenarioKnown = isKnownScenario(draft.scenario);
  const [scenarioOther, setScenarioOther] = useState(() => draft.scenario !== '' && !scenarioKnown);
  const scenarioSelect = scenarioKnown ? draft.scenario : scenarioOther ? OTHER : '';
  const invalid = (kind: PlaybookProblem['kind']) => shownProblems.some((p) => p.kind === kind) || undefined;

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="editor playbook-editor" aria-describedby={`${ids}-note`}>
      <Heading slot="title" id="playbook-editor-title">{view ? t('playbooks.editor.editTitle') : t('playbooks.editor.newTitle')}</Heading>
      <p id={`${ids}-note`} className="muted">
        {view && base ? t('playbooks.editor.revisionNote', { next: nextNumber, number: base.number }) : t('playbooks.editor.newNote')}
      </p>
      <div className="grid2">
        {LANGS.map((l) => (
          <label key={l}>
            {t('playbooks.editor.title', { lang: t(`lang.${l}`) })}
            <input lang={l} value={draft.title[l]} aria-invalid={invalid('title')} onChange={(e) => set({ title: { ...draft.title, [l]: e.target.value } })} />
          </label>
        ))}
        <label>
          {t('playbooks.scenario')}
          <select
            value={scenarioSelect}
            aria-invalid={invalid('scenario')}
            onChange={(e) => {
              const value = e.target.value;
              setScenarioOther(value === OTHER);
              set({ scenario: value === OTHER ? '' : value });
              if (value === OTHER) pendingFocus.current = { id: `${ids}-scenario-other` };
            }}
          >
            <option value="" disabled>{t('playbooks.editor.choose')}</option>
            {KNOWN_SCENARIOS.map((s) => <option key={s} value={s}>{t(SCENARIO_LABEL[s])}</option>)}
            <option value={OTHER}>{t('playbooks.editor.otherScenario')}</option>
          </select>
        </label>
        {scenarioSelect === OTHER && (
          <label>
            {t('playbooks.editor.scenarioName')}
            <input id={`${ids}-scenario-other`} value={draft.scenario} maxLength={60} aria-invalid={invalid('scenario')} onChange={(e) => set({ scenario: e.target.value })} />
          </label>
        )}
      </div>

      <TreeChoice value={draft.contactTreeId} hintId={`${ids}-tree-hint`} onChange={(contactTreeId) => set({ contactTreeId })} />

      <fieldset>
        <legend>{t('playbooks.whenToUse')}</legend>
        <div className="grid2">
          {LANGS.map((l) => (
            <label key={l}>
              {t('playbooks.editor.inLang', { lang: t(`lang.${l}`) })}
              <textarea lang={l} rows={4} value={draft.whenToUse[l]} aria-describedby={`${ids}-md`} onChange={(e) => set({ whenToUse: { ...draft.whenToUse, [l]: e.target.value } })} />
            </label>
          ))}
        </div>
        <p id={`${ids}-md`} className="muted small">{t('playbooks.editor.markdownHint')}</p>
      </fieldset>

      <fieldset>
        <legend>{t('playbooks.editor.severities')}</legend>
        <p className="muted small">{t('playbooks.editor.severitiesHint')}</p>
        {severitySchema.options.map((level) => (
          <div key={level} className="severity-editor grid2">
            {LANGS.map((l) => (
              <label key={l}>
                {t('playbooks.editor.severityMeaning', { level: t(SEVERITY_LABEL[level]), lang: t(`lang.${l}`) })}
                <input
                  lang={l}
                  value={draft.severities[level][l]}
                  onChange={(e) => set({ severities: { ...draft.severities, [level]: { ...draft.severities[level], [l]: e.target.value } } })}
                />
              </label>
            ))}
          </div>
        ))}
      </fieldset>

      <fieldset className="steps-editor">
        <legend>{t('playbooks.editor.steps')}</legend>
        <p id={`${ids}-reorder`} className="muted small">{t('playbooks.editor.reorderHint')}</p>
        {draft.steps.length === 0 && <p className={invalid('steps') ? 'error' : 'muted'}>{t('playbooks.problem.steps')}</p>}
        <ol className="step-editor-list">
          {draft.steps.map((step, index) => (
            <StepEditor
              key={step.id}
              idBase={`${ids}-step-${step.id}`}
              step={step}
              index={index}
              count={draft.steps.length}
              problems={stepProblems(index)}
              describedBy={`${ids}-reorder`}
              markdownHint={`${ids}-md`}
              intl={intl}
              onChange={(patch) => setStep(index, patch)}
              onMove={(delta, focused) => move(index, delta, focused)}
              onRemove={() => removeStep(index)}
            />
          ))}
        </ol>
        <button type="button" id={`${ids}-add-step`} onClick={addStep}>{t('playbooks.editor.addStep')}</button>
      </fieldset>

      {(shownProblems.length > 0 || saveError.length > 0) && (
        <ul className="error" role="alert" data-testid="playbook-editor-errors">
          {shownProblems.map((p) => <li key={`${p.kind}-${'step' in p ? p.step : ''}`}>{problemText(t, p)}</li>)}
          {saveError.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="playbook-editor-status">
        {spoken.text}
        {spoken.n % 2 === 1 ? '\u00a0' : ''}
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={close}>{t('common.cancel')}</button>
        <button type="submit" className="primary" disabled={saving}>{view ? t('playbooks.editor.saveRevision') : t('playbooks.editor.create')}</button>
      </div>
    </form>
  );
}

/**
 * The contact tree incidents from this playbook get preselected, or none. A tree the list does
 * not have (deleted, or named by an imported file and not synced here) stays selectable under its
 * id, so opening and saving the playbook does not silently drop it.
 */
function TreeChoice({ value, hintId, onChange }: { value: string | null; hintId: string; onChange(id: string | null): void }) {
  const t = useT();
  const trees = useTreeList();
  const known = trees?.some((tr) => tr.id === value) ?? false;
  return (
    <div className="playbook-tree-choice">
      <label>
        {t('playbooks.contactTree')}
        <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} aria-describedby={hintId} data-testid="playbook-tree">
          <option value="">{t('playbooks.noTree')}</option>
          {trees?.map((tr) => <option key={tr.id} value={tr.id}>{tr.name}</option>)}
          {value && !known && <option value={value}>{trees ? t('playbooks.treeMissing', { id: value }) : t('common.loading')}</option>}
        </select>
      </label>
      <p id={hintId} className="muted small">{t('playbooks.editor.treeHint')}</p>
    </div>
  );
}
