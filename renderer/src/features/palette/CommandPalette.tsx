import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Dialog, Modal } from 'react-aria-components';
import { useHotkeys } from 'react-hotkeys-hook';
import type { Lang } from '@shared/domain';
import { foldText } from '@shared/text/fold';
import { usePreferences, useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { useAnswerSearch } from '../answers/useAnswerSearch';
import { StatusBadge } from '../answers/StatusBadge';
import { ANSWERS } from '../library/libraryKinds';
import { useLibraryFiles } from '../library/useLibraryFiles';

interface Command {
  id: string;
  label: MessageId;
  run(): void;
}

const NO_FILTERS = { channel: null, lang: null, status: null };

/**
 * Ctrl/Cmd+K from anywhere: type, arrow, Enter. Answers open their copy dialog (where Enter copies);
 * commands run. An ARIA combobox with an always-open listbox, so readers announce the active option.
 */
export function CommandPalette({ locale }: { locale: Lang }) {
  const open = useSession((s) => s.paletteOpen);
  const setOpen = useSession((s) => s.setPaletteOpen);
  useHotkeys('mod+k', (e) => { e.preventDefault(); setOpen(true); }, { enableOnFormTags: true, enableOnContentEditable: true });
  return (
    <Modal isOpen={open} onOpenChange={setOpen} isDismissable className="modal palette-modal">
      <Dialog className="dialog palette" aria-label={useT()('palette.label')}>
        {open && <PaletteBody locale={locale} close={() => setOpen(false)} />}
      </Dialog>
    </Modal>
  );
}

function PaletteBody({ locale, close }: { locale: Lang; close: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const session = useSession();
  const prefs = usePreferences();
  const files = useLibraryFiles(ANSWERS);
  const { result } = useAnswerSearch(text, NO_FILTERS, locale, 8);

  const commands: Command[] = useMemo(() => [
    { id: 'go-answers', label: 'palette.goAnswers', run: () => session.setView('answers') },
    { id: 'go-settings', label: 'palette.goSettings', run: () => session.setView('settings') },
    { id: 'new-answer', label: 'palette.newAnswer', run: () => { session.setView('answers'); session.openEditor('new'); } },
    { id: 'import', label: 'palette.import', run: () => void files.importFile() },
    { id: 'export-yaml', label: 'palette.exportYaml', run: () => void files.exportFile('yaml') },
    { id: 'export-json', label: 'palette.exportJson', run: () => void files.exportFile('json') },
    { id: 'lang-es', label: 'palette.spanish', run: () => prefs.setLocaleChoice('es') },
    { id: 'lang-en', label: 'palette.english', run: () => prefs.setLocaleChoice('en') },
    { id: 'theme-dark', label: 'palette.dark', run: () => prefs.setTheme('dark') },
    { id: 'theme-light', label: 'palette.light', run: () => prefs.setTheme('light') },
  ], [session, prefs, files]);

  const folded = foldText(text.trim());
  const matchingCommands = commands.filter((c) => folded === '' || foldText(t(c.label)).includes(folded));
  const answers = result?.hits ?? [];
  const options = [
    ...answers.map((a) => ({ key: `answer:${a.id}`, answer: a, command: null })),
    ...matchingCommands.map((c) => ({ key: `command:${c.id}`, answer: null, command: c })),
  ];
  useEffect(() => setActive(0), [text]);
  const current = Math.min(active, Math.max(options.length - 1, 0));

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    close();
    if (option.command) option.command.run();
    else if (option.answer) {
      const a = option.answer;
      session.setView('answers');
      session.select(a.id);
      const lang = a.channels[locale].length > 0 ? locale : locale === 'es' ? 'en' : 'es';
      session.openCopy({ answerId: a.id, lang, channel: prefs.lastChannel });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((current + 1) % Math.max(options.length, 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((current - 1 + options.length) % Math.max(options.length, 1)); }
    else if (e.key === 'Enter') { e.preventDefault(); choose(current); }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
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
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        placeholder={t('palette.placeholder')}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={t('palette.results')} className="palette-list">
        {options.map((o, i) => (
          <li
            key={o.key}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(i)}
          >
            {o.answer ? (
              <>
                <span>{o.answer.title[locale] || o.answer.title[locale === 'es' ? 'en' : 'es']}</span>
                <StatusBadge status={o.answer.status} />
              </>
            ) : (
              <span className="command">{t(o.command!.label)}</span>
            )}
          </li>
        ))}
        {options.length === 0 && <li role="option" aria-selected="false" aria-disabled="true" className="muted">{t('palette.nothing')}</li>}
      </ul>
      <p className="muted small">{t('palette.hint')}</p>
    </div>
  );
}
