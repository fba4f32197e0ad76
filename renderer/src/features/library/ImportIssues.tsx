import { Dialog, Heading, Modal } from 'react-aria-components';
import { useIntl } from 'react-intl';
import type { LibraryIssue } from '@shared/library/fileErrors';
import { create } from 'zustand';
import { useT } from '../../i18n/I18nProvider';
import { problemText } from './problemText';

/**
 * The refused import, kept open until read: every problem with its file, line and field, and
 * why in the console's language (the issues are data; problemText words them).
 */
export const useImportIssues = create<{ issues: LibraryIssue[] | null; show(issues: LibraryIssue[] | null): void }>()((set) => ({
  issues: null,
  show: (issues) => set({ issues }),
}));

export function ImportIssues() {
  const t = useT();
  const intl = useIntl();
  const issues = useImportIssues((s) => s.issues);
  const show = useImportIssues((s) => s.show);
  return (
    <Modal isOpen={issues !== null} onOpenChange={(open) => !open && show(null)} isDismissable className="modal modal-wide">
      <Dialog className="dialog" aria-labelledby="import-issues-title" role="alertdialog">
        <Heading slot="title" id="import-issues-title">{t('import.refusedTitle')}</Heading>
        <p>{t('import.refused', { count: issues?.length ?? 0 })}</p>
        <table className="issues" data-testid="import-issues">
          <thead>
            <tr><th scope="col">{t('import.file')}</th><th scope="col">{t('import.line')}</th><th scope="col">{t('import.field')}</th><th scope="col">{t('import.reason')}</th></tr>
          </thead>
          <tbody>
            {issues?.map((i, n) => (
              <tr key={n}><td>{i.file}</td><td>{i.line ?? '—'}</td><td>{i.path === '' ? '—' : <code>{i.path}</code>}</td><td>{problemText(intl, i.problem)}</td></tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" className="primary" autoFocus onClick={() => show(null)}>{t('common.close')}</button>
        </div>
      </Dialog>
    </Modal>
  );
}
