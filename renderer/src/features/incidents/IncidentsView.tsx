import { useIntl } from 'react-intl';
import type { Lang } from '@shared/domain';
import { isOpen } from '@shared/incidents/statusMachine';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { IncidentDetail } from './IncidentDetail';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels';
import { useIncidentList } from './useIncidents';

/** Every incident, open ones first; several can run at once. */
export function IncidentsView({ locale }: { locale: Lang }) {
  const t = useT();
  const intl = useIntl();
  const incidents = useIncidentList();
  const selected = useSession((s) => s.selectedIncidentId);
  const select = useSession((s) => s.selectIncident);
  const openDeclare = useSession((s) => s.openDeclare);
  const current = selected ?? incidents?.find((i) => isOpen(i.status))?.id ?? null;

  return (
    <div className="incidents">
      <aside className="incident-list" aria-labelledby="incident-list-title">
        <div className="row">
          <h2 id="incident-list-title">{t('incidents.title')}</h2>
          <button type="button" className="primary" onClick={() => openDeclare({ playbookId: null })} data-testid="declare-button">
            {t('incidents.declare.open')}
          </button>
        </div>
        {incidents?.length === 0 && <p className="muted">{t('incidents.none')}</p>}
        <ul>
          {incidents?.map((i) => (
            <li key={i.id}>
              <button type="button" className="incident-link" aria-current={i.id === current ? 'true' : undefined} onClick={() => select(i.id)}>
                <span className="incident-link-title">{i.title}</span>
                <span className="muted small">
                  {t(STATUS_LABEL[i.status])} · {t(SEVERITY_LABEL[i.severity])} · {intl.formatDate(i.declaredAt, { dateStyle: 'short', timeStyle: 'short' })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      {current ? <IncidentDetail id={current} locale={locale} /> : <section className="detail empty"><p>{t('incidents.pickOne')}</p></section>}
    </div>
  );
}
