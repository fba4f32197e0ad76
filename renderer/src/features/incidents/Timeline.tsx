import { useVirtualizer } from '@tanstack/react-virtual';
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useIntl } from 'react-intl';
import type { CallAttempt, ChecklistItem, CopyEvent, Incident, Lang, LogEntry } from '@shared/domain';
import { offsetMinutes } from '@shared/incidents/deadlines';
import { formatOffset } from '@shared/incidents/offsets';
import { incidentTimeline, type IncidentEvent } from '@shared/incidents/timelineEvents';
import { useServices } from '../../app/services';
import { authorLabel } from '../../app/author';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { CHANNEL_LABEL } from '../answers/labels';
import { callEventText, isTimerEvent, useCallNames, type CallNames } from '../callTree/callEvents';
import { useCorrection } from './correction';
import type { IncidentLogState } from './incidentLog';
import { LOG_KIND_LABEL, STATUS_LABEL } from './labels';

const ROW_HEIGHT = 56;
/** Rows between the last one on screen and the end of what is read at which the rest is asked for at once. */
const READ_AHEAD = 100;

interface Props {
  incident: Incident;
  /** The log as read so far (undefined before the first read). */
  log: IncidentLogState | undefined;
  /** Called while the rows on screen are near the end of the log read so far. */
  onNearEnd?: () => void;
  copies: CopyEvent[];
  items: ChecklistItem[];
  /** The incident's call attempts (call tree), if any. */
  calls?: CallAttempt[];
  locale: Lang;
}

const NO_CALLS: CallAttempt[] = [];
const NO_ENTRIES: readonly LogEntry[] = [];

/**
 * Everything that happened, in time order, newest last. Virtualized with rows of one height, so
 * it stays smooth with 10,000 entries; each line shows the local time and the T+ offset. A long log
 * is shown as it is read, a row at its end saying so (the feed is busy, its size unknown, meanwhile).
 */
export const Timeline = memo(function Timeline({ incident, log, onNearEnd, copies, items, calls = NO_CALLS, locale }: Props) {
  const t = useT();
  const { db } = useServices();
  const entries = log?.entries ?? NO_ENTRIES;
  const complete = log?.complete ?? false;
  const events = useMemo(() => incidentTimeline(entries, copies, items, calls, { logIsPrefix: !complete }), [entries, complete, copies, items, calls]);
  // While the log is read, one more row says so at the end, and how many there will be is unknown.
  const count = events.length + (log && !complete ? 1 : 0);
  const setSize = complete ? events.length : -1;
  const callNames = useCallNames(calls);
  const answerIds = useMemo(() => [...new Set(copies.map((c) => c.answerId))], [copies]);
  const titles = useLiveQuery(async () => new Map((await db.answers.bulkGet(answerIds)).flatMap((a) => (a ? [[a.id, a.title[locale] || a.title.en] as const] : []))), [db, answerIds, locale]);
  const corrected = useMemo(() => new Set(entries.map((e) => e.correctsId).filter(Boolean)), [entries]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    // A fixed row height: measuring rows would make the virtualizer recompute 10,000 offsets for
    // every row it measures. Long entries are clamped to two lines on screen; the full text stays
    // in the DOM for screen readers and is shown whole in the summary.
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? 0;
  useEffect(() => {
    if (!complete && lastShown + READ_AHEAD >= events.length) onNearEnd?.();
  }, [complete, lastShown, events.length, onNearEnd]);

  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h3 id="timeline-title">
        {t('incidents.timeline')} {complete && <span className="muted small">{t('incidents.timelineCount', { count: events.length })}</span>}
      </h3>
      <div ref={scroller} className="timeline-scroll" role="feed" aria-busy={!complete} aria-labelledby="timeline-title" tabIndex={0} data-testid="timeline">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const event = events[row.index];
            if (!event) {
              return (
                <article key="reading" data-index={row.index} className="timeline-unread muted" aria-posinset={row.index + 1} aria-setsize={setSize} aria-busy="true" style={{ ...place(row.start), padding: '0.35rem 0.6rem' }}>
                  {t('common.loading')}
                </article>
              );
            }
            return (
              <TimelineRow
                key={event.id}
                event={event}
                index={row.index}
                setSize={setSize}
                start={row.start}
                declaredAt={incident.declaredAt}
                corrected={event.kind === 'log' && corrected.has(event.entry.id)}
                titles={titles}
                callNames={callNames}
                locale={locale}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
});

const place = (start: number) => ({ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${start}px)` }) as const;

interface RowProps {
  event: IncidentEvent;
  index: number;
  setSize: number;
  start: number;
  declaredAt: string;
  corrected: boolean;
  titles: Map<string, string> | undefined;
  callNames: CallNames | undefined;
  locale: Lang;
}

/** What a row shows comes from its event's source rows: merging anew builds new events from the same rows. */
const sameSource = (a: IncidentEvent, b: IncidentEvent) =>
  a.kind === 'log' ? b.kind === 'log' && a.entry === b.entry && a.item === b.item : a.kind === 'copy' ? b.kind === 'copy' && a.copy === b.copy : b.kind === 'call' && a.call === b.call;

/**
 * One line. Memoized: scrolling renders only the rows coming into view, not every row on screen
 * again (formatting times and messages is most of a frame's work).
 */
const TimelineRow = memo(
  function TimelineRow({ event, index, setSize, start, declaredAt, corrected, titles, callNames, locale }: RowProps) {
    const t = useT();
    const intl = useIntl();
    const correct = useCorrection((s) => s.correct);
    const text = event.kind === 'call' ? callEventText(event.call, callNames, t, (at) => intl.formatTime(at, { hour: '2-digit', minute: '2-digit' })) : describe(event, t, titles, locale);
    // Calma's timer made it, whoever's console ran the timer: no person is its author.
    const author = event.kind === 'call' && isTimerEvent(event.call) ? null : event.kind === 'log' ? event.entry.by : event.kind === 'copy' ? event.copy.by : event.call.by;
    return (
      <article
        data-index={index}
        className={`timeline-row kind-${event.kind === 'log' ? event.entry.kind : event.kind}`}
        aria-posinset={index + 1}
        aria-setsize={setSize}
        style={place(start)}
      >
        <time dateTime={event.at} className="timeline-when">
          {intl.formatTime(event.at, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}{' '}
          <span className="muted">{formatOffset(offsetMinutes(declaredAt, event.at))}</span>
        </time>
        <p className="timeline-text">
          {author !== null && <><strong>{authorLabel(author, t)}</strong> </>}{text}
          {corrected && <span className="badge badge-note">{t('incidents.log.corrected')}</span>}
          {event.kind === 'log' && ['note', 'decision', 'statement', 'correction'].includes(event.entry.kind) && (
            <button type="button" className="link small" onClick={() => correct({ id: event.entry.id, text: event.entry.text })}>
              {t('incidents.log.correct')}
            </button>
          )}
        </p>
      </article>
    );
  },
  (a, b) =>
    sameSource(a.event, b.event) && a.index === b.index && a.setSize === b.setSize && a.start === b.start && a.declaredAt === b.declaredAt &&
    a.corrected === b.corrected && a.titles === b.titles && a.callNames === b.callNames && a.locale === b.locale,
);

function describe(event: Exclude<IncidentEvent, { kind: 'call' }>, t: Translate, titles: Map<string, string> | undefined, locale: Lang): string {
  if (event.kind === 'copy') {
    const c = event.copy;
    const key = c.overLimit
      ? c.confirmedUnapproved ? 'incidents.event.copyUnapprovedOverLimit' : 'incidents.event.copyOverLimit'
      : c.confirmedUnapproved ? 'incidents.event.copyUnapproved' : 'incidents.event.copy';
    return t(key, {
      title: titles?.get(c.answerId) ?? c.answerId,
      channel: t(CHANNEL_LABEL[c.channel]),
      lang: c.lang.toUpperCase(),
      ...c.overLimit,
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
