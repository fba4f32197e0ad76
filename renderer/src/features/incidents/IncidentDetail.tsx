import { FormattedMessage, useIntl } from 'react-intl';
import type { Lang, LogEntry } from '@shared/domain';
import { nextStatuses } from '@shared/incidents/statusMachine';
import { formatDuration } from '@shared/incidents/offsets';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { authorLabel, useAuthor } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { useClock, useTicking } from '../../app/clock';
import { useT } from '../../i18n/I18nProvider';
import { CallTreePanel } from '../callTree/CallTreePanel';
import { useIncidentCalls } from '../callTree/useIncidentCalls';
import { Checklist } from './Checklist';
import { SEVERITY_LABEL, STATUS_LABEL } from './labels';
import { LogComposer } from './LogComposer';
import { newLogEntry } from '@shared/incidents/logEntry';
import { Timeline } from './Timeline';
import { useIncident, useIncidentLog } from './useIncidents';

const NO_ENTRIES: readonly LogEntry[] = [];

/** Running an incident: its status, its checklist against the clock, its log and timeline. */
export function IncidentDetail({ id, locale }: { id: string; locale: Lang }) {
  const t = useT();
  const intl = useIntl();
  const rows = useIncident(id);
  const [log, readMoreLog] = useIncidentLog(id);
  const { mutate } = useServices();
  const author = useAuthor();
  const announce = useAnnouncer((s) => s.announce);
  const showSummary = useSession((s) => s.showSummary);
  const calls = useIncidentCalls(id);
  if (rows === undefined) return <section className="detail" aria-busy="true" />;
  if (rows === null) return <section className="detail empty"><p>{t('incidents.gone')}</p></section>;
  const { incident, items, copies } = rows;

  const setStatus = async (status: (typeof incident)['status']) => {
    await mutate('incident.setStatus', { id, status, entry: newLogEntry({ incidentId: id, kind: 'status', by: author, status }) });
    announce(t('incidents.statusChanged', { status: t(STATUS_LABEL[status]) }));
  };

  return (
    <section className="detail incident" aria-labelledby="incident-title">
      <header className="detail-head">
        <div>
          <h2 id="incident-title">{incident.title}</h2>
          <p className="status-line">
            <span className={`badge badge-status-${incident.status}`}>{t(STATUS_LABEL[incident.status])}</span>{' '}
            <span className={`badge badge-severity-${incident.severity}`}>{t(SEVERITY_LABEL[incident.severity])}</span>{' '}
            <FormattedMessage
              id="incidents.declaredLine"
              values={{
                at: intl.formatDate(incident.declaredAt, { dateStyle: 'medium', timeStyle: 'short' }),
                elapsed: <Elapsed since={incident.declaredAt} />,
                lead: authorLabel(incident.lead.name, t),
              }}
            />
          </p>
        </div>
        <div className="detail-actions" role="group" aria-label={t('incidents.statusActions')}>
          {nextStatuses(incident.status).map((s) => (
            <button key={s} type="button" onClick={() => void setStatus(s)}>
              {t(s === 'active' && incident.status === 'resolved' ? 'incidents.reopen' : `incidents.to.${s}`)}
            </button>
          ))}
          <button type="button" onClick={() => showSummary(id)}>{t('incidents.openSummary')}</button>
        </div>
      </header>
      {/* Disputes are found in the whole log; until it is read, the steps show without them. */}
      <Checklist incidentId={id} declaredAt={incident.declaredAt} items={items} log={log?.complete ? log.entries : NO_ENTRIES} locale={locale} />
      <CallTreePanel incident={incident} calls={calls} />
      <LogComposer incidentId={id} log={log?.entries ?? NO_ENTRIES} />
      <Timeline incident={incident} log={log} onNearEnd={readMoreLog} copies={copies} items={items} calls={calls} locale={locale} />
    </section>
  );
}

/** Time since the declaration, ticking on its own so the rest of the page does not re-render. */
function Elapsed({ since }: { since: string }) {
  useTicking();
  const seconds = useClock((c) => Math.floor((c.now - Date.parse(since)) / 1000));
  return <>{formatDuration(seconds * 1000)}</>;
}
