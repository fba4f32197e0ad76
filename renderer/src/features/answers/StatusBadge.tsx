import type { RevisionStatus } from '@shared/domain';
import { useT } from '../../i18n/I18nProvider';
import { STATUS_LABEL } from './labels';

/** Status in words and colour; never colour alone, so it reads the same in any theme or printout. */
export function StatusBadge({ status }: { status: RevisionStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(STATUS_LABEL[status])}</span>;
}
