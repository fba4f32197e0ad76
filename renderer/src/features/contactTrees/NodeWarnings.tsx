import { useIntl } from 'react-intl';
import type { NodeWarning } from '@shared/contactTrees';
import { useT } from '../../i18n/I18nProvider';
import { warningText } from './labels';

/** A node's warnings, on the node itself (in the editor, the call panel and on paper). */
export function NodeWarnings({ warnings, label, id }: { warnings: readonly NodeWarning[]; label: string; id?: string }) {
  const t = useT();
  const intl = useIntl();
  if (warnings.length === 0) return null;
  return (
    <ul className="node-warnings" aria-label={t('trees.warningsFor', { name: label })} id={id} data-testid="node-warnings">
      {warnings.map((w, i) => (
        <li key={i} className={`node-warning warning-${w.kind}`}>
          <span aria-hidden="true">⚠ </span>
          {warningText(w, t, intl)}
        </li>
      ))}
    </ul>
  );
}
