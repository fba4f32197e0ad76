import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useMemo, useRef } from 'react';
import { useIntl } from 'react-intl';
import type { CallAttempt, ChecklistItem, CopyEvent, Incident, Lang, LogEntry } from '@shared/domain';
import { offsetMinutes } from '@shared/incidents/deadlines';
import { formatOffset } from '@shared/incidents/offsets';
import { incidentTimeline, type IncidentEvent } from '@shared/incidents/timelineEvents';
import { useServices } from '../../app/services';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { CHANNEL_LABEL } from '../answers/labels';
import { callEventText, useCallNames } from '../callTree/callEvents';
import { useCorrection } from './correction';
import { LOG_KIND_LABEL, STATUS_LABEL } from './labels';

const ROW_HEIGHT = 56;

interface Props {
  incident: Incident;
  log: LogEntry[];
  copies: CopyEvent[];
  items: ChecklistItem[];
  /** The incident's call attempts (call tree), if any. */
  calls?: CallAttempt[];
  locale: Lang;
}

const NO_CALLS: CallAttempt[] = [];

/**
 * Everything that happened, in time order, newest last. Virtualized with measured row heights, so
 * it stays smooth with 10,000 entries; each line shows the local time and the T+ offset.
 */
export const Timeline = memo(function Timeline({ incident, log, copies, items, calls = NO_CALLS, locale }: Props) {
  const t = useT();
  const intl = useIntl();
  const { db } = useServices();
  const events = useMemo(() => incidentTimeline(log, copies, items, calls), [log, copies, items, calls]);
  const callNames = useCallNames(calls);
  const answerIds = useMemo(() => [...new Set(copies.map((c) => c.answerId))], [copies]);
  const titles = useLiveQuery(async () => new Map((await db.answers.bulkGet(answerIds)).flatMap((a) => (a ? [[a.id, a.title[locale] || a.title.en] as const] : []))), [db, answerIds, locale]);
  const corrected = useMemo(() => new Set(log.map((e) => e.correctsId).filter(Boolean)), [log]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    // A fixed row height: measuring rows would make the virtualizer recompute 10,000 offsets for
    // every row it measures. Long entries are clamped to two lines on screen; the full text stays
    // in the DOM for screen readers and is shown whole in the summary.
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const correct = useCorrection((s) => s.correct);

  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h3 id="timeline-title">{t('incidents.timeline')} <span className="muted small">{t('incidents.timelineCount', { count: events.length })}</span></h3>
      <div ref={scroller} className="timeline-scroll" role="feed" aria-busy="false" aria-labelledby="timeline-title" tabIndex={0} data-testid="timeline">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const event = events[row.index]!;
            const text = event.kind === 'call' ? callEventText(event.call, callNames, t) : describe(event, t, titles, locale);
            return (
              <article
                key={event.id}
                data-index={row.index}
                className={`timeline-row kind-${event.kind === 'log' ? event.entry.kind : event.kind}`}
                aria-posinset={row.index + 1}
                aria-setsize={events.length}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
              >
                <time dateTime={event.at} className="timeline-when">
                  {intl.formatTime(event.at, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}{' '}
                  <span className="muted">{formatOffset(offsetMinutes(incident.declaredAt, event.at))}</span>
                </time>
                <p className="timeline-text">
                  <strong>{event.kind === 'log' ? event.entry.by : event.kind === 'copy' ? event.copy.by : event.call.by}</strong> {text}
                  {event.kind === 'log' && corrected.has(event.entry.id) && <span className="badge badge-note">{t('incidents.log.corrected')}</span>}
                  {event.kind === 'log' && ['note', 'decision', 'statement', 'correction'].includes(event.entry.kind) && (
                    <button type="button" className="link small" onClick={() => correct({ id: event.entry.id, text: event.entry.text })}>
                      {t('incidents.log.correct')}
                    </button>
                  )}
                </p>
              </article>
            );
          })}
        </div>
      </div>
    </section>
  );
});

function describe(event: Exclude<IncidentEvent, { kind: 'call' }>, t: Translate, titles: Map<string, string> | undefined, locale: Lang): string {
  if (event.kind === 'copy') {
    const c = event.copy;
    return t(c.confirmedUnapproved ? 'incidents.event.copyUnapproved' : 'incidents.event.copy', {
      title: titles?.get(c.answerId) ?? c.answerId,
      channel: t(CHANNEL_LABEL[c.channel]),
      lang: c.lang.toUpperCase(),
    });
  }
  const e = event.entry;
  const step = event.item ? (event.item.text[locale] || event.item.text.en).split('\n')[0]!.replace(/[*_`#]/g, '') : '';
  switch (e.kind) {
    case 'declared':
      return t('incidents.event.declared', { title: e.text });
    case 'status':
      return t('incidents.event.status', { status: e.status ? t(STATUS_LABEL[e.status]) : '?' });
    case 'step':
      return t(`incidents.event.step.${e.action ?? 'done'}`, { step: step || e.text, owner: e.text });
    case 'statement':
      return `${t(LOG_KIND_LABEL.statement)}${e.channel ? ` (${t(CHANNEL_LABEL[e.channel])})` : ''}: ${e.text}`;
    default:
      return `${t(LOG_KIND_LABEL[e.kind])}: ${e.text}`;
  }
}
