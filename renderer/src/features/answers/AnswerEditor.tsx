import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal } from 'react-aria-components';
import { CHANNELS, checkLength, LANGS, variableNames, type Answer, type Lang, type RevisionTexts, type Variable } from '@shared/domain';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useAuthor } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { MutationError } from '@shared/mutations/error';
import { InlineConfirm } from '../../ui/InlineConfirm';
import { CHANNEL_LABEL } from './labels';
import { useAnswer, type AnswerView } from './useAnswer';

/** Writes a new answer, or a new revision of one: approved text is never edited in place. */
export function AnswerEditor() {
  const editing = useSession((s) => s.editingAnswerId);
  const openEditor = useSession((s) => s.openEditor);
  return (
    // Escape is the form's to handle: with unsaved changes it asks before throwing them away.
    <Modal isOpen={editing !== null} onOpenChange={(open) => !open && openEditor(null)} isKeyboardDismissDisabled className="modal modal-wide">
      <Dialog className="dialog" aria-labelledby="editor-title">
        {editing && <EditorLoader id={editing} close={() => openEditor(null)} />}
      </Dialog>
    </Modal>
  );
}

function EditorLoader({ id, close }: { id: string; close: () => void }) {
  const view = useAnswer(id === 'new' ? null : id);
  if (id !== 'new' && view === undefined) return null;
  return <EditorForm view={view ?? null} close={close} />;
}

const splitList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

function EditorForm({ view, close }: { view: AnswerView | null; close: () => void }) {
  const t = useT();
  const { mutate } = useServices();
  const author = useAuthor();
  const announce = useAnnouncer((s) => s.announce);
  const select = useSession((s) => s.select);
  const base = view ? (view.state.newerDraft ?? view.state.shown) : null;
  const [title, setTitle] = useState(view?.answer.title ?? { es: '', en: '' });
  const [tags, setTags] = useState(view?.answer.tags.join(', ') ?? '');
  const [scenarios, setScenarios] = useState(view?.answer.scenarios.join(', ') ?? '');
  const [variables, setVariables] = useState<Variable[]>(view?.answer.variables ?? []);
  const [texts, setTexts] = useState<RevisionTexts>(base?.texts ?? { es: {}, en: {} });
  const [lang, setLang] = useState<Lang>('es');
  const [errors, setErrors] = useState<string[]>([]);
  // Unsaved changes are not thrown away by a reflexive Escape: closing then asks first.
  const edits = JSON.stringify([title, tags, scenarios, variables, texts]);
  const [opened] = useState(edits);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const askedFrom = useRef<HTMLElement | null>(null);
  const requestClose = () => {
    if (edits === opened) return close();
    askedFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setConfirmDiscard(true);
  };
  // Escape anywhere in the dialog, the dialog itself included (it holds the focus when it opens),
  // so on the document: a confirmation inside handles its own Escape and stops it first.
  const form = useRef<HTMLFormElement>(null);
  const latestRequestClose = useRef(requestClose);
  latestRequestClose.current = requestClose;
  useEffect(() => {
    const dialog = form.current?.closest('[role="dialog"]');
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !dialog?.contains(event.target as Node)) return;
      event.preventDefault();
      latestRequestClose.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const declared = new Set(variables.map((v) => v.name));
  const undeclared = [...new Set(LANGS.flatMap((l) => CHANNELS.flatMap((c) => variableNames(texts[l][c] ?? ''))))].filter((n) => !declared.has(n));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    if (!title.es.trim() && !title.en.trim()) problems.push(t('editor.needTitle'));
    if (LANGS.every((l) => CHANNELS.every((c) => !(texts[l][c] ?? '').trim()))) problems.push(t('editor.needText'));
    if (problems.length > 0) return setErrors(problems);
    const cleaned: RevisionTexts = {
      es: Object.fromEntries(Object.entries(texts.es).filter(([, v]) => v?.trim())),
      en: Object.fromEntries(Object.entries(texts.en).filter(([, v]) => v?.trim())),
    };
    const now = new Date().toISOString();
    const fields = { title, tags: splitList(tags), scenarios: splitList(scenarios), variables };
    try {
      if (!view) {
        const id = uuidv7();
        const answer: Answer = { id, clock: {}, deleted: false, ...fields, createdAt: now, createdBy: author };
        await mutate('answer.create', { answer, revision: { id: uuidv7(), answerId: id, number: 1, basedOn: null, texts: cleaned, createdAt: now, createdBy: author } });
        select(id);
      } else {
        await mutate('answer.update', { id: view.answer.id, fields });
        if (JSON.stringify(cleaned) !== JSON.stringify(base!.texts)) {
          const number = Math.max(...view.revisions.map((r) => r.number)) + 1;
          await mutate('answer.revise', { revision: { id: uuidv7(), answerId: view.answer.id, number, basedOn: base!.id, texts: cleaned, createdAt: now, createdBy: author } });
        }
      }
      announce(t('editor.saved'));
      close();
    } catch (e) {
      setErrors(e instanceof MutationError ? e.issues.map((i) => `${i.path}: ${i.message}`).concat(e.message) : [String(e)]);
    }
  };

  const setVar = (i: number, patch: Partial<Variable>) => setVariables((vs) => vs.map((v, j) => (i === j ? { ...v, ...patch } : v)));

  return (
    <form ref={form} onSubmit={(e) => void save(e)} noValidate className="editor">
      <Heading slot="title" id="editor-title">{view ? t('editor.editTitle') : t('editor.newTitle')}</Heading>
      {view && <p className="muted">{t('editor.revisionNote', { number: base!.number })}</p>}
      <div className="grid2">
        {LANGS.map((l) => (
          <label key={l}>
            {t('editor.title', { lang: t(`lang.${l}`) })}
            <input value={title[l]} onChange={(e) => setTitle({ ...title, [l]: e.target.value })} />
          </label>
        ))}
        <label>
          {t('editor.tags')}
          <input value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby="comma-hint" />
        </label>
        <label>
          {t('editor.scenarios')}
          <input value={scenarios} onChange={(e) => setScenarios(e.target.value)} aria-describedby="comma-hint" />
        </label>
      </div>
      <p id="comma-hint" className="muted small">{t('editor.commaHint')}</p>
      <fieldset>
        <legend>{t('editor.variables')}</legend>
        {variables.map((v, i) => (
          <div key={i} className="variable-row">
            <label>{t('editor.varName')}<input value={v.name} onChange={(e) => setVar(i, { name: e.target.value.replace(/[^\p{L}\p{N}_]/gu, '') })} /></label>
            <label>{t('editor.varLabel', { lang: 'ES' })}<input value={v.label.es} onChange={(e) => setVar(i, { label: { ...v.label, es: e.target.value } })} /></label>
            <label>{t('editor.varLabel', { lang: 'EN' })}<input value={v.label.en} onChange={(e) => setVar(i, { label: { ...v.label, en: e.target.value } })} /></label>
            <label>{t('editor.varExample')}<input value={v.example ?? ''} onChange={(e) => setVar(i, { example: e.target.value })} /></label>
            <button type="button" onClick={() => setVariables((vs) => vs.filter((_, j) => j !== i))}>{t('editor.removeVar', { name: v.name || '?' })}</button>
          </div>
        ))}
        <button type="button" onClick={() => setVariables((vs) => [...vs, { name: '', label: { es: '', en: '' } }])}>{t('editor.addVar')}</button>
        {undeclared.length > 0 && <p className="error">{t('editor.undeclared', { names: undeclared.join(', ') })}</p>}
      </fieldset>
      <div className="lang-switch" role="group" aria-label={t('desk.textLanguage')}>
        {LANGS.map((l) => (
          <button key={l} type="button" aria-pressed={l === lang} onClick={() => setLang(l)}>{t(`lang.${l}`)}</button>
        ))}
      </div>
      {CHANNELS.map((channel) => {
        const value = texts[lang][channel] ?? '';
        const check = checkLength(value, channel);
        const countId = `count-${lang}-${channel}`;
        return (
          <label key={`${lang}-${channel}`} className="channel-text">
            <span className="variant-head">
              {t(CHANNEL_LABEL[channel])}
              <span id={countId} className={check.over ? 'count over' : 'count'} aria-live="polite">
                {check.limit === null ? t('count.noLimit', { length: check.length }) : t('count.ofLimit', { length: check.length, limit: check.limit })}
                {check.over && ` — ${t('editor.overLimit')}`}
              </span>
            </span>
            <textarea
              rows={channel === 'email' || channel === 'press' ? 6 : 3}
              value={value}
              aria-describedby={countId}
              aria-invalid={check.over}
              onChange={(e) => setTexts({ ...texts, [lang]: { ...texts[lang], [channel]: e.target.value } })}
            />
          </label>
        );
      })}
      {errors.length > 0 && (
        <ul className="error" role="alert">{errors.map((e) => <li key={e}>{e}</li>)}</ul>
      )}
      {confirmDiscard && (
        <InlineConfirm
          label={t('editor.discard')}
          message={t('editor.discardConfirm')}
          confirmLabel={t('editor.discardYes')}
          onConfirm={close}
          onCancel={() => setConfirmDiscard(false)}
          opener={askedFrom}
        />
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={requestClose}>{t('common.cancel')}</button>
        <button type="submit" className="primary">{view ? t('editor.saveRevision') : t('editor.create')}</button>
      </div>
    </form>
  );
}
