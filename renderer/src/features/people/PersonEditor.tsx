import { memo, useMemo, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useIntl } from 'react-intl';
import type { Lang, Person } from '@shared/domain';
import { contactClashes, type ContactClash } from '@shared/people/duplicates';
import type { PeopleIssue, PersonField } from '@shared/people/issues';
import { personWarnings } from '@shared/people/warnings';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { InlineConfirm } from '../../ui/InlineConfirm';
import { ContactClashWarning } from './ContactClashWarning';
import { knownRoleLabels, roleChoices, roleLabel } from '../roles/labels';
import { FIELD_LABEL, issueText, warningText } from './labels';
import { changedFields, formOf, readForm, rebaseForm, todayLocal, type PersonForm } from './personForm';
import { deviceTimeZone } from './usePeople';
import { RunningTreeDeleteWarning } from '../callTree/runningTreesOf';

const clashKey = (c: ContactClash) => `${c.person.id}:${c.reason}:${c.phone ?? ''}`;

const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
/** Built once: hundreds of options that never change. */
const ZONE_OPTIONS = <datalist id="person-time-zones">{TIME_ZONES.map((z) => <option key={z} value={z} />)}</datalist>;

/**
 * One person, every field editable: the same rules as an import check what is typed, and every
 * problem is shown at its field. Enter (Ctrl+Enter in a multi-line field) saves, Escape returns to
 * the list. Saving writes only the fields that changed.
 */
export const PersonEditor = memo(function PersonEditor(props: {
  person: Person | null;
  people: readonly Person[];
  byId: ReadonlyMap<string, Person>;
  locale: Lang;
  nameRef: Ref<HTMLInputElement>;
  /** Saved; `created` when the person is new (their editor opens once the directory has them). */
  onSaved(id: string, created: boolean): void;
  /** Open someone else instead (the one who already has the email typed here). */
  onOpenOther(id: string): void;
  onClose(): void;
  /** The delete was confirmed and is about to be written: their row is still in the list. */
  onDeleting(id: string): void;
  /** The person was deleted: the editor is done with them. */
  onDeleted(id: string): void;
}) {
  const { person, people, byId, locale } = props;
  const t = useT();
  const intl = useIntl();
  const { mutate } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const zone = deviceTimeZone();
  // Roles are shown and offered by their labels in the console's language; saving reads the
  // labels (in either language) back into codes.
  const label = (role: string) => roleLabel(role, t);
  const [form, setForm] = useState<PersonForm>(() => formOf(person, locale, zone, label));
  // The person as the form last took them from the store: when the stored record changes while
  // the form is open, the untouched fields follow it (see rebaseForm).
  const [opened, setOpened] = useState(() => ({ person, form }));
  if (person !== opened.person) {
    const stored = formOf(person, locale, zone, label);
    setForm((current) => rebaseForm(current, opened.form, stored));
    setOpened({ person, form: stored });
  }
  const [issues, setIssues] = useState<PeopleIssue[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PersonForm>(key: K, value: PersonForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const problemsOf = (field: PersonField) => issues.filter((i) => i.path === field);
  const selfId = person?.id ?? null;

  // Thousands of options: built once per directory change, not on every keystroke in the form.
  const backupOptions = useMemo(() => {
    const collator = new Intl.Collator(locale, { sensitivity: 'base' });
    return people
      .filter((p) => !p.deleted && p.id !== selfId)
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((p) => <option key={p.id} value={p.id}>{p.left ? t('people.backupLeftOption', { name: p.name }) : p.email ? `${p.name} (${p.email})` : p.name}</option>);
  }, [people, selfId, locale, t]);

  const roleOptions = useMemo(() => roleChoices(people, t, locale).map((r) => <option key={r} value={r} />), [people, locale, t]);

  const [clashes, setClashes] = useState<ContactClash[] | null>(null);
  const save = async (event?: FormEvent, accepted: readonly ContactClash[] = []) => {
    event?.preventDefault();
    const read = readForm(form, person, zone, label);
    if (!read.ok) {
      setIssues(read.issues);
      setClashes(null);
      announce(t('people.editor.invalid', { count: read.issues.length }), 'error');
      return;
    }
    setIssues([]);
    // Only what this edit brings: a switchboard they already shared, confirmed before, is not asked again.
    const had = new Set(person ? contactClashes(person, people, person.id).map(clashKey) : []);
    const ok = new Set(accepted.map(clashKey));
    const found = contactClashes(read.fields, people, selfId).filter((c) => !had.has(clashKey(c)));
    if (found.some((c) => !ok.has(clashKey(c)))) {
      setClashes(found);
      announce(t('people.clash.title', { count: found.length }), 'error');
      return;
    }
    setClashes(null);
    setBusy(true);
    try {
      if (person) {
        const fields = changedFields(person, read.fields);
        if (Object.keys(fields).length > 0) await mutate('person.update', { id: person.id, fields });
        announce(t('people.editor.saved', { name: read.fields.name }));
        props.onSaved(person.id, false);
        // The warning that had the focus is gone: the heading takes it, not <body>.
        if (accepted.length > 0) requestAnimationFrame(() => document.getElementById('person-editor-title')?.focus());
      } else {
        const id = uuidv7();
        await mutate('person.create', { person: { id, clock: {}, deleted: false, ...read.fields } });
        announce(t('people.editor.created', { name: read.fields.name }));
        props.onSaved(id, true);
      }
    } catch (e) {
      announce(String((e as Error).message), 'error');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!person) return;
    props.onDeleting(person.id);
    await mutate('person.delete', { id: person.id });
    announce(t('people.editor.deleted', { name: person.name }));
    props.onDeleted(person.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    }
  };

  const warnings = person ? personWarnings(person, byId, new Date()) : [];
  const field = (name: PersonField, id: string, hint?: string) => {
    const problems = problemsOf(name);
    const describedBy = [hint, problems.length > 0 ? `${id}-problem` : undefined].filter(Boolean).join(' ');
    return { id, 'aria-invalid': problems.length > 0 || undefined, 'aria-describedby': describedBy || undefined };
  };
  const problem = (name: PersonField, id: string) => {
    const problems = problemsOf(name);
    return problems.length > 0 ? <span id={`${id}-problem`} className="field-problem">{problems.map((p) => issueText(t, p)).join(' ')}</span> : null;
  };

  return (
    <section className="detail person-editor" aria-labelledby="person-editor-title" data-testid="person-editor">
      <form onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} noValidate>
        <div className="detail-head">
          <h2 id="person-editor-title" tabIndex={-1}>{person ? person.name : t('people.editor.newTitle')}</h2>
          <div className="detail-actions">
            <button type="submit" className="primary" disabled={busy}>{t('people.editor.save')}</button>
            <button type="button" onClick={props.onClose}>{t('common.close')}</button>
          </div>
        </div>
        {warnings.length > 0 && (
          <ul className="person-warnings" aria-label={t('people.warnings')} data-testid="person-warnings">
            {warnings.map((w) => <li key={w.kind}>{warningText(t, w)}</li>)}
          </ul>
        )}
        <label>
          {t(FIELD_LABEL.name)}
          <input {...field('name', 'person-name')} ref={props.nameRef} value={form.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" required />
          {problem('name', 'person-name')}
        </label>
        <div className="grid2">
          <label>
            {t(FIELD_LABEL.roles)}
            <input {...field('roles', 'person-roles', 'person-roles-hint')} value={form.roles} onChange={(e) => set('roles', e.target.value)} list="person-known-roles" autoComplete="off" />
            <span id="person-roles-hint" className="muted small">{t('people.editor.rolesHint', { roles: knownRoleLabels(t).join(', ') })}</span>
            {problem('roles', 'person-roles')}
          </label>
          <label>
            {t(FIELD_LABEL.email)}
            <input {...field('email', 'person-email')} type="email" value={form.email} onChange={(e) => set('email', e.target.value)} autoComplete="off" />
            {problem('email', 'person-email')}
          </label>
        </div>
        <datalist id="person-known-roles">{roleOptions}</datalist>
        <label>
          {t(FIELD_LABEL.phones)}
          <textarea {...field('phones', 'person-phones', 'person-phones-hint')} rows={2} value={form.phones} onChange={(e) => set('phones', e.target.value)} />
          <span id="person-phones-hint" className="muted small">{t('people.editor.phonesHint')}</span>
          {problem('phones', 'person-phones')}
        </label>
        <div className="grid2">
          <label>
            {t(FIELD_LABEL.timeZone)}
            <input {...field('timeZone', 'person-zone')} value={form.timeZone} onChange={(e) => set('timeZone', e.target.value)} list="person-time-zones" autoComplete="off" />
            {problem('timeZone', 'person-zone')}
          </label>
          <label>
            {t(FIELD_LABEL.workingHours)}
            <input {...field('workingHours', 'person-hours')} value={form.workingHours} onChange={(e) => set('workingHours', e.target.value)} placeholder={t('people.editor.hoursPlaceholder')} autoComplete="off" />
            {problem('workingHours', 'person-hours')}
          </label>
        </div>
        {ZONE_OPTIONS}
        <label>
          {t(FIELD_LABEL.backup)}
          <select id="person-backup" value={form.backupId} onChange={(e) => set('backupId', e.target.value)} data-testid="person-backup">
            <option value="">{t('people.editor.noBackup')}</option>
            {backupOptions}
          </select>
        </label>
        <label>
          {t(FIELD_LABEL.notes)}
          <textarea {...field('notes', 'person-notes')} rows={3} value={form.notes} onChange={(e) => set('notes', e.target.value)} />
          {problem('notes', 'person-notes')}
        </label>
        <div className="row person-verified">
          <label>
            {t(FIELD_LABEL.verifiedAt)}
            <input {...field('verifiedAt', 'person-verified')} type="date" value={form.verified} onChange={(e) => set('verified', e.target.value)} />
            {problem('verifiedAt', 'person-verified')}
          </label>
          <button type="button" onClick={() => set('verified', todayLocal())}>{t('people.editor.verifiedToday')}</button>
          {person?.verifiedAt && <span className="muted small">{t('people.editor.verifiedOn', { at: intl.formatDate(person.verifiedAt, { dateStyle: 'medium' }) })}</span>}
        </div>
        <label className="inline">
          <input type="checkbox" checked={form.left} onChange={(e) => set('left', e.target.checked)} />
          {t('people.editor.left')}
        </label>
        {clashes && (
          <ContactClashWarning
            clashes={clashes}
            onSaveAnyway={() => void save(undefined, clashes)}
            onOpen={props.onOpenOther}
            onCancel={() => {
              const field = clashes.some((c) => c.reason === 'email') ? 'person-email' : 'person-phones';
              setClashes(null);
              requestAnimationFrame(() => document.getElementById(field)?.focus());
            }}
          />
        )}
        <p className="muted small">{t('people.editor.keys')}</p>
        {person && (
          <div className="row person-delete">
            {!confirmDelete ? (
              <button ref={deleteButton} type="button" onClick={() => setConfirmDelete(true)}>{t('people.editor.delete')}</button>
            ) : (
              <InlineConfirm
                label={t('people.editor.delete')}
                message={<>{t('people.editor.deleteConfirm', { name: person.name })} <RunningTreeDeleteWarning person={person} /></>}
                confirmLabel={t('people.editor.deleteYes')}
                onConfirm={() => void remove()}
                onCancel={() => setConfirmDelete(false)}
                opener={deleteButton}
              />
            )}
          </div>
        )}
      </form>
    </section>
  );
});
