import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { useImportIssues } from './ImportIssues';
import { exportLibrary, importLibraryFile } from './importLibrary';

const FILTERS = [{ name: 'YAML / JSON', extensions: ['yaml', 'yml', 'json'] }];

/** Import and export of the answer library through the host's file dialogs. */
export function useLibraryFiles() {
  const t = useT();
  const { db, mutate, host } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const showIssues = useImportIssues((s) => s.show);
  return {
    async importFile() {
      const file = await host.openTextFile(t('import.pickTitle'), FILTERS);
      if (!file) return;
      const outcome = await importLibraryFile(mutate, file.name, file.text);
      if (outcome.ok) announce(t('import.done', { answers: outcome.answers, revisions: outcome.revisions }));
      else {
        announce(t('import.refused', { count: outcome.issues.length }), 'error');
        showIssues(outcome.issues);
      }
    },
    async exportFile(as: 'yaml' | 'json') {
      const text = await exportLibrary(db, as);
      const stamp = new Date().toISOString().slice(0, 10);
      const saved = await host.saveTextFile(t('export.title'), `calma-answers-${stamp}.${as}`, text, FILTERS);
      if (saved) announce(t('export.done'));
    },
  };
}
