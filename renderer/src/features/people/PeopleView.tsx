import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useHotkeys } from 'react-hotkeys-hook';
import type { Lang, Person } from '@shared/domain';
import { useT } from '../../i18n/I18nProvider';
import { ListDetailLayout } from '../../ui/ListDetailLayout';
import { roleLabel } from '../roles/labels';
import { ImportPeopleDialog } from './ImportPeopleDialog';
import { PeopleIndex } from './peopleIndex';
import { PeopleList } from './PeopleList';
import { usePeopleUi } from './peopleStore';
import { PersonEditor } from './PersonEditor';
import { usePeople } from './usePeople';
import { usePeopleFiles } from './usePeopleFiles';

/**
 * The directory: search as you type (names, roles, phones, email; accents and case aside), a
 * virtualized list, and the selected person in an editor. Import from CSV or vCard with a preview,
 * export to CSV or vCard. Keyboard first: "/" searches, ↓ enters the list, Enter edits, Escape
 * returns to the list, Alt+N adds a person.
 */
export function PeopleView({ locale }: { locale: Lang }) {
  const t = useT();
  const people = usePeople();
  const query = usePeopleUi((s) => s.query);
  const setQuery = usePeopleUi((s) => s.setQuery);
  const selectedId = usePeopleUi((s) => s.selectedId);
  const select = usePeopleUi((s) => s.select);
  const point = usePeopleUi((s) => s.point);
  const editorClosed = usePeopleUi((s) => s.editorClosed);
  const editing = usePeopleUi((s) => s.editing);
  const startNew = usePeopleUi((s) => s.startNew);
  const stopNew = usePeopleUi((s) => s.stopNew);
  const files = usePeopleFiles(locale);
  const search = useRef<HTMLInputElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const body = useRef<HTMLDivElement>(null);

  const index = useMemo(() => (people ? new PeopleIndex(people, (r) => roleLabel(r, t), locale) : null), [people, t, locale]);
  const byId = useMemo(() => new Map((people ?? []).map((p) => [p.id, p])), [people]);
  // Searched in the keystroke's own render (a React input event renders synchronously): anything
  // later (a transition, a worker, a timer) would wait for the frame after the next one.
  const shown = useMemo(() => index?.search(query) ?? [], [index, query]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const editorOpen = editing === 'new' || (selected !== null && !selected.deleted && !editorClosed);
  // The list remounts when the editor hands the focus back, so its focused row is the selected
  // one and not wherever the arrows last left it (a person added with Alt+N was never arrowed to).
  const [listEpoch, setListEpoch] = useState(0);

  /** Focuses the list's current row; false when the list has none. */
  const focusList = useCallback(() => {
    const row = body.current?.querySelector<HTMLElement>('.people-list [role="option"][tabindex="0"]');
    row?.focus();
    return row !== null && row !== undefined;
  }, []);
  const focusEditor = useCallback(() => requestAnimationFrame(() => nameField.current?.focus()), []);
  // Stable callbacks: typing in the search box re-renders neither the list (until results change) nor the editor.
  const openPerson = useCallback((id: string) => {
    select(id);
    focusEditor();
  }, [select, focusEditor]);
  const closeEditor = useCallback(() => {
    const ui = usePeopleUi.getState();
    if (ui.editing === 'new') stopNew();
    else point(ui.selectedId);
    setListEpoch((n) => n + 1);
    requestAnimationFrame(() => {
      if (!focusList()) search.current?.focus();
    });
  }, [point, stopNew, focusList]);
  // A deleted person's row goes only when the directory reloads, which may be before or after the
  // delete's promise settles: state (not a ref) so the check runs in both orders. The focus then
  // goes to the row in their place or, with none left (the search found only them), to the search
  // box. (With a ref, a reload that came first left nothing to run the check again: focus on <body>.)
  // Their place is taken when the delete is confirmed, while their row is surely still listed: by
  // the time the delete settles the reload may have removed it, and the place with it.
  const [goneId, setGoneId] = useState<{ id: string; index: number } | null>(null);
  const shownRef = useRef(shown);
  useLayoutEffect(() => {
    shownRef.current = shown;
  }, [shown]);
  const deleting = useRef<{ id: string; index: number } | null>(null);
  const onDeleting = useCallback((id: string) => {
    deleting.current = { id, index: Math.max(0, shownRef.current.findIndex((p) => p.id === id)) };
  }, []);
  const onDeleted = useCallback((id: string) => {
    const place = deleting.current?.id === id ? deleting.current.index : Math.max(0, shownRef.current.findIndex((p) => p.id === id));
    deleting.current = null;
    setGoneId({ id, index: place });
    point(null);
  }, [point]);
  useEffect(() => {
    if (goneId === null || shown.some((p) => p.id === goneId.id)) return;
    setGoneId(null);
    const inPlace = shown[Math.min(goneId.index, shown.length - 1)];
    point(inPlace?.id ?? null);
    setListEpoch((n) => n + 1);
    requestAnimationFrame(() => {
      if (!focusList()) search.current?.focus();
    });
  }, [goneId, shown, point, focusList]);
  // A person just created is shown once the directory has reloaded with them: the focus goes to
  // their editor's heading then (the new-person form it was in is gone), never to <body>.
  const [focusWhenShown, setFocusWhenShown] = useState<string | null>(null);
  const onSaved = useCallback((id: string, created: boolean) => {
    select(id);
    if (created) setFocusWhenShown(id);
  }, [select]);
  const showingSelected = editing !== 'new' && selected !== null && !selected.deleted && !editorClosed;
  useEffect(() => {
    if (focusWhenShown === null) return;
    // Someone else was picked, or a new person started (Alt+N), before they were shown: the focus
    // is where that put it, and opening them later must not take it to the heading.
    if (selectedId !== focusWhenShown || editing === 'new') {
      setFocusWhenShown(null);
      return;
    }
    if (!showingSelected) return;
    setFocusWhenShown(null);
    requestAnimationFrame(() => document.getElementById('person-editor-title')?.focus());
  }, [focusWhenShown, selectedId, editing, showingSelected]);
  /** The editor's "open that person instead" (a duplicate email): their editor, focused. */
  const openOther = useCallback((id: string) => {
    select(id);
    setFocusWhenShown(id);
  }, [select]);
  // The box keeps its own text (uncontrolled) and gets stable handlers, so a keystroke re-renders
  // the results and the count but not the box: a controlled input has React rewrite its value and
  // attributes on every key. The handlers read the latest results from a ref.
  const [initialQuery] = useState(() => usePeopleUi.getState().query);
  const firstShown = useRef<Person | undefined>(undefined);
  useLayoutEffect(() => {
    firstShown.current = shown[0];
  }, [shown]);
  const onSearchKey = useCallback(
    (e: ReactKeyboardEvent<HTMLInputElement>) => {
      const first = firstShown.current;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (!usePeopleUi.getState().selectedId && first) select(first.id);
        requestAnimationFrame(focusList);
      } else if (e.key === 'Enter' && first) {
        select(first.id);
        focusEditor();
      }
    },
    [select, focusList, focusEditor],
  );
  // "/" by the character typed, not the key: on a Spanish keyboard it is Shift+7.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      e.preventDefault();
      search.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  useHotkeys('alt+n', (e) => { e.preventDefault(); startNew(); focusEditor(); }, { enableOnFormTags: true });

  // What a keystroke does not change is built once per language, so typing formats only the count.
  const toolbar = useMemo(
    () => (
      <div className="row" role="group" aria-label={t('people.actions')}>
        <button type="button" aria-keyshortcuts="Alt+N" onClick={() => { startNew(); focusEditor(); }}>{t('people.new')}</button>
        <button type="button" onClick={() => void files.importFile()}>{t('people.import.button')}</button>
        <button type="button" onClick={() => void files.exportCsv()}>{t('people.export.csv')}</button>
        <button type="button" onClick={() => void files.exportVcard()}>{t('people.export.vcard')}</button>
      </div>
    ),
    [t, files, startNew, focusEditor],
  );
  const labels = useMemo(
    () => ({
      search: t('people.search'),
      placeholder: t('people.searchPlaceholder'),
      clear: t('people.clearSearch'),
      keys: t('people.keys'),
      loading: t('common.loading'),
      empty: t('people.empty'),
      noResults: t('people.noResults'),
    }),
    [t],
  );
  const hasLiving = (index?.size ?? 0) > 0;
  const placeholder = useMemo(
    () => (
      <section className="detail" aria-label={t('people.detail')}>
        <p className="muted">{hasLiving ? t('people.pickOne') : t('people.emptyHint')}</p>
      </section>
    ),
    [t, hasLiving],
  );

  return (
    <ListDetailLayout
      className="people"
      search={{
        id: 'people-search',
        label: labels.search,
        placeholder: labels.placeholder,
        clearLabel: labels.clear,
        keyShortcuts: '/',
        inputRef: search,
        defaultValue: initialQuery,
        empty: query === '',
        onChange: setQuery,
        onKeyDown: onSearchKey,
      }}
      toolbar={toolbar}
      count={{
        id: 'people-count',
        text: !index ? labels.loading : query.trim() === '' ? t('people.count', { total: index.size }) : t('people.countFiltered', { shown: shown.length, total: index.size }),
      }}
      hint={{ id: 'people-keys', text: labels.keys }}
      shown={{ query, total: shown.length }}
      bodyRef={body}
      list={
        index && (
          <PeopleList
            key={listEpoch}
            people={shown}
            selected={selectedId}
            emptyText={index.size === 0 ? labels.empty : labels.noResults}
            onSelect={select}
            onAction={openPerson}
          />
        )
      }
      detail={
        editorOpen ? (
          <PersonEditor
            key={editing === 'new' ? 'new' : selected!.id}
            person={editing === 'new' ? null : selected}
            people={people ?? []}
            byId={byId}
            locale={locale}
            nameRef={nameField}
            onSaved={onSaved}
            onClose={closeEditor}
            onDeleting={onDeleting}
            onDeleted={onDeleted}
            onOpenOther={openOther}
          />
        ) : (
          placeholder
        )
      }
    >
      <ImportPeopleDialog />
    </ListDetailLayout>
  );
}
