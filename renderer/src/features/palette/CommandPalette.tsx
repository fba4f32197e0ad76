import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { Dialog, Modal } from 'react-aria-components';
import { useHotkeys } from 'react-hotkeys-hook';
import type { Lang } from '@shared/domain';
import { useAnnouncer } from '../../app/announcer';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { useAnswerSearch } from '../answers/useAnswerSearch';
import { StatusBadge } from '../answers/StatusBadge';
import type { AnswerSummary } from '../search/answerIndex';
import { PALETTE_COMMANDS, type PaletteCommand } from './commandList';
import { matchCommands } from './commandMatch';
import { dialogIsOpen, focusBack, focusedElement } from './paletteFocus';
import { activeIndex, enterAction, moveActive, paletteList, type PaletteOption } from './paletteList';
import { usePaletteActions, type PaletteAction } from './usePaletteActions';

const NO_FILTERS = { channel: null, lang: null, status: null };
const ANSWER_LIMIT = 8;

/**
 * Ctrl/Cmd+K from anywhere: type, arrow, Enter. Answers open their copy dialog (where Enter copies);
 * commands run. An ARIA combobox with an always-open listbox, so readers announce the active option.
 * Not over another dialog: that one keeps the keyboard, and is told so.
 */
export function CommandPalette({ locale }: { locale: Lang }) {
  const t = useT();
  const open = useSession((s) => s.paletteOpen);
  const setOpen = useSession((s) => s.setPaletteOpen);
  const announce = useAnnouncer((s) => s.announce);
  // Where the keyboard was as the palette opened, whoever opened it (Ctrl+K, the Commands button):
  // read as the store changes, before React renders the palette and its input takes the focus.
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(
    () => useSession.subscribe((s, before) => {
      if (s.paletteOpen && !before.paletteOpen) returnTo.current = focusedElement();
    }),
    [],
  );
  useHotkeys(
    'mod+k',
    (e) => {
      e.preventDefault();
      if (useSession.getState().paletteOpen) return;
      if (dialogIsOpen()) announce(t('palette.closeDialogFirst'));
      else setOpen(true);
    },
    { enableOnFormTags: true, enableOnContentEditable: true },
    [t, announce, setOpen],
  );
  return (
    <Modal isOpen={open} onOpenChange={setOpen} isDismissable className="modal palette-modal">
      <Dialog className="dialog palette" aria-label={t('palette.label')}>
        {open && <PaletteBody locale={locale} close={() => setOpen(false)} returnTo={returnTo} />}
      </Dialog>
    </Modal>
  );
}

type Option = PaletteOption<AnswerSummary, PaletteCommand>;

function PaletteBody({ locale, close, returnTo }: { locale: Lang; close: () => void; returnTo: RefObject<HTMLElement | null> }) {
  const t = useT();
  const [text, setText] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const listId = useId();
  const actions = usePaletteActions(locale);
  // The hook's own text stays '': the box asks through `type`, in its input event, so the answers
  // usually come in the frame that shows the typed letter (see useAnswerSearch).
  const { result, resultText, status, type } = useAnswerSearch('', NO_FILTERS, locale, ANSWER_LIMIT);
  const commands = useMemo(
    () => matchCommands(text, PALETTE_COMMANDS, (c) => ({ label: t(c.label), keywords: t(c.keywords) })),
    [text, t],
  );
  const list = paletteList({ text, commands, answered: { text: resultText, hits: result?.hits ?? [] }, searchFailed: status.error !== null });
  const current = activeIndex(list.options, activeKey);
  /** The text Enter was pressed for while its answers were still coming. */
  const enterWaiting = useRef<string | null>(null);

  const choose = (option: Option) => {
    const action: PaletteAction = option.kind === 'command' ? actions.command[option.command.id] : actions.answer(option.answer);
    const back = returnTo.current;
    // Closed and navigated now, not at the end of this event: the focus can only leave the
    // palette once it is gone, and must go back before a dialog opens (which returns it there).
    flushSync(() => {
      close();
      action.navigate?.();
    });
    focusBack(back);
    action.open?.();
  };

  // Enter pressed before the answers came: now they are here (for that same text), open the first.
  useEffect(() => {
    if (enterWaiting.current === null || list.pending) return;
    const waitedFor = enterWaiting.current;
    enterWaiting.current = null;
    const option = list.options[current];
    if (waitedFor !== text || !option) return;
    // After this commit, not inside it: choosing renders (flushSync) and moves the focus.
    queueMicrotask(() => {
      if (useSession.getState().paletteOpen) choose(option);
    });
  });

  const onChange = (value: string) => {
    enterWaiting.current = null;
    setActiveKey(null);
    setText(value);
    // After setText, so the render it flushes has the box's text and its answers together.
    type(value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = moveActive(list.options, activeKey, e.key === 'ArrowDown' ? 1 : -1);
      if (next !== null) setActiveKey(next);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const action = enterAction(list, activeKey);
      if (action.do === 'choose') choose(list.options[action.index]!);
      else if (action.do === 'wait') enterWaiting.current = text;
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  // The focus stays in the box, so the browser does not scroll the list to the active row: the
  // palette does, or the arrows would move to rows below the fold.
  useEffect(() => {
    if (current >= 0) document.getElementById(`${listId}-opt-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current, listId]);
  return (
    <div>
      <label className="visually-hidden" htmlFor={`${listId}-input`}>{t('palette.label')}</label>
      <input
        id={`${listId}-input`}
        className="palette-input"
        data-testid="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        placeholder={t('palette.placeholder')}
        value={text}
        autoFocus
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('palette.results')} aria-busy={list.pending} className="palette-list">
        {list.options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            onMouseEnter={() => setActiveKey(o.key)}
            onClick={() => choose(o)}
          >
            {o.kind === 'answer' ? (
              <>
                <span>{o.answer.title[locale] || o.answer.title[locale === 'es' ? 'en' : 'es']}</span>
                <StatusBadge status={o.answer.status} />
              </>
            ) : (
              <span className="command">{t(o.command.label)}</span>
            )}
          </li>
        ))}
        {list.options.length === 0 && (
          <li role="option" aria-selected="false" aria-disabled="true" className="muted">
            {list.pending ? t('palette.searching') : t('palette.nothing')}
          </li>
        )}
      </ul>
      <p className="muted small">{t('palette.hint')}</p>
    </div>
  );
}
