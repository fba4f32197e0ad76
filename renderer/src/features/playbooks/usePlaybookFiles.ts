import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { useImportIssues } from '../library/ImportIssues';
import { exportPlaybooks, importPlaybooksFile } from './playbookFiles';

const FILTERS = [{ name: 'YAML / JSON', extensions: ['yaml', 'yml', 'json'] }];

/** Import and export of the playbook library through the host's file dialogs. */
export function usePlaybookFiles() {
  const t = useT();
  const { db, mutate, host } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const showIssues = useImportIssues((s) => s.show);
  return {
    async importFile() {
      const file = await host.openTextFile(t('playbooks.import.pickTitle'), FILTERS);
      if (!file) return;
      const outcome = await importPlaybooksFile(mutate, file.name, file.text);
      if (outcome.ok) announce(t('playbooks.import.done', { playbooks: outcome.playbooks, revisions: outcome.revisions }));
      else {
        announce(t('import.refused', { count: outcome.issues.length }), 'error');
        showIssues(outcome.issues);
      }
    },
    async exportFile(as: 'yaml' | 'json') {
      const text = await exportPlaybooks(db, as);
      const stamp = new Date().toISOString().slice(0, 10);
      const saved = await host.saveTextFile(t('playbooks.export.title'), `calma-playbooks-${stamp}.${as}`, text, FILTERS);
      if (saved) announce(t('playbooks.export.done'));
    },
  };
}
