import type { Lang } from '@shared/domain';
import { usePreferences, useSession } from '../../app/uiStore';
import { ANSWERS } from '../library/libraryKinds';
import { useLibraryFiles } from '../library/useLibraryFiles';
import type { CommandId } from './commandList';

/**
 * What choosing a row does, in two steps: `navigate` changes what the page shows, before the
 * palette puts the focus back (so it lands on something still there); `open` then opens what the
 * row is for (a dialog, a file picker), which returns the focus there when it closes.
 */
export interface PaletteAction {
  navigate?: () => void;
  open?: () => void;
}

/** The answer the palette opens: its id and the languages it has text in. */
export interface PaletteAnswer {
  id: string;
  channels: Record<Lang, readonly string[]>;
}

export function usePaletteActions(locale: Lang): { command: Record<CommandId, PaletteAction>; answer: (answer: PaletteAnswer) => PaletteAction } {
  const files = useLibraryFiles(ANSWERS);
  const session = useSession.getState;
  const prefs = usePreferences.getState;
  return {
    command: {
      'go-answers': { navigate: () => session().setView('answers') },
      'go-settings': { navigate: () => session().setView('settings') },
      'new-answer': { navigate: () => session().setView('answers'), open: () => session().openEditor('new') },
      import: { open: () => void files.importFile() },
      'export-yaml': { open: () => void files.exportFile('yaml') },
      'export-json': { open: () => void files.exportFile('json') },
      'lang-es': { open: () => prefs().setLocaleChoice('es') },
      'lang-en': { open: () => prefs().setLocaleChoice('en') },
      'theme-dark': { open: () => prefs().setTheme('dark') },
      'theme-light': { open: () => prefs().setTheme('light') },
    },
    answer: (answer) => ({
      // On the desk, selected, so its detail and copy log are there when the copy dialog closes.
      navigate: () => {
        session().setView('answers');
        session().select(answer.id);
      },
      open: () => {
        const lang = answer.channels[locale].length > 0 ? locale : locale === 'es' ? 'en' : 'es';
        session().openCopy({ answerId: answer.id, lang, channel: prefs().lastChannel });
      },
    }),
  };
}
