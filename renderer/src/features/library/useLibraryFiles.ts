import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { useImportIssues } from './ImportIssues';
import { exportLibrary, importLibraryFile } from './importLibrary';
import type { LibraryKind, LibraryRowsBase } from './libraryKinds';

const FILTERS = [{ name: 'YAML / JSON', extensions: ['yaml', 'yml', 'json'] }];

/** Import and export of a library (answers or playbooks) through the host's file dialogs. */
export function useLibraryFiles<R extends LibraryRowsBase>(kind: LibraryKind<R>) {
  const t = useT();
  const { db, mutate, host } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const showIssues = useImportIssues((s) => s.show);
  return {
    async importFile() {
      const file = await host.openTextFile(t(kind.messages.pickTitle), FILTERS);
      if (!file) return;
      const outcome = await importLibraryFile(kind, db, mutate, file.name, file.text);
      if (outcome.ok) announce(t(kind.messages.done, { records: outcome.records, revisions: outcome.revisions }));
      else {
        announce(t('import.refused', { count: outcome.issues.length }), 'error');
        showIssues(outcome.issues);
      }
    },
    async exportFile(as: 'yaml' | 'json') {
      const text = await exportLibrary(kind, db, as);
      const stamp = new Date().toISOString().slice(0, 10);
      const saved = await host.saveTextFile(t(kind.messages.exportTitle), `${kind.filePrefix}-${stamp}.${as}`, text, FILTERS);
      if (saved) announce(t(kind.messages.exportDone));
    },
  };
}
