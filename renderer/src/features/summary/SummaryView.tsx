import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { callTreeStatus, type CallTreeStatus } from '@shared/contactTrees';
import type { Lang, Person } from '@shared/domain';
import { formatDuration } from '@shared/incidents/offsets';
import { isOpen } from '@shared/incidents/statusMachine';
import { checklistOverTime, summarizeIncident, type IncidentSummary } from '@shared/incidents/summary';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { authorLabel } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { useNow } from '../../app/useNow';
import { useT } from '../../i18n/I18nProvider';
import { SEVERITY_LABEL, STATUS_LABEL } from '../incidents/labels';
import { callTreeText } from './callsText';
import { firstAnswer, summaryToText, type SummaryEntry } from './summaryText';

const ChecklistChart = lazy(() => import('./ChecklistChart'));

/**
 * The executive summary: one honest page per incident, or one across every open incident. Read
 * only; printable (PDF through the host) and copyable as plain text or Markdown for an email.
 */
export function SummaryView({ locale }: { locale: Lang }) {
  const t = useT();
  const intl = useIntl();
  const { db, host } = useServices();
  const now = useNow(30_000);
  const summaryOf = useSession((s) => s.summaryOf);
  const showSummary = useSession((s) => s.showSummary);
  const announce = useAnnouncer((s) => s.announce);

  const data = useLiveQuery(async () => {
    const all = (await db.incidents.orderBy('declaredAt').reverse().toArray()).filter((i) => !i.deleted);
    const shown = summaryOf === 'all' ? all.filter((i) => isOpen(i.status)) : all.filter((i) => i.id === summaryOf);
    const rows = await Promise.all(
      shown.map(async (incident) => ({
        incident,
        items: await db.checklistItems.where('incidentId').equals(incident.id).toArray(),
        log: await db.logEntries.where('[incidentId+at]').between([incident.id, ''], [incident.id, '\uffff']).toArray(),
        tree: incident.contactTreeId ? ((await db.contactTrees.get(incident.contactTreeId)) ?? null) : null,
        calls: await db.callAttempts.where('[incidentId+at]').between([incident.id, ''], [incident.id, '\uffff']).toArray(),
      })),
    );
    // The directory only when a tree is shown: its nodes name people, and it resolves who to call.
    const people = rows.some((r) => r.tree) ? await db.people.toArray() : [];
    return { all, rows, people };
  }, [db, summaryOf]);

  const entries: SummaryEntry[] =
    data?.rows.map((r) => ({
      summary: summarizeIncident(r.incident, r.items, r.log, now.getTime()),
      calls: callTreeStatus({ incident: r.incident, tree: r.tree, people: data.people, attempts: r.calls, now: now.getTime() }),
    })) ?? [];
  const byId = useMemo(() => new Map((data?.people ?? []).map((p) => [p.id, p])), [data?.people]);
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const copy = async (format: 'text' | 'markdown') => {
    await host.copyText(summaryToText(entries, format, t, intl, locale, byId));
    announce(t(format === 'text' ? 'summary.copiedText' : 'summary.copiedMarkdown'));
  };

  return (
    <div className="summary">
      <div className="summary-toolbar no-print">
        <label>
          {t('summary.show')}
          <select value={summaryOf} onChange={(e) => showSummary(e.target.value)} data-testid="summary-select">
            <option value="all">{t('summary.allOpen')}</option>
            {data?.all.map((i) => <option key={i.id} value={i.id}>{i.title}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => void host.printToPdf(`calma-summary-${stamp}.pdf`)}>{t('summary.print')}</button>
        <button type="button" onClick={() => void copy('text')}>{t('summary.copyText')}</button>
        <button type="button" onClick={() => void copy('markdown')}>{t('summary.copyMarkdown')}</button>
      </div>
      <h2>{t('summary.title')}</h2>
      <p className="muted small">{t('summary.generatedAt', { at: intl.formatDate(now, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      {data && entries.length === 0 && <p>{summaryOf === 'all' ? t('summary.noneOpen') : t('incidents.gone')}</p>}
      {entries.map((e, n) => (
        <IncidentCard key={e.summary.incident.id} summary={e.summary} calls={e.calls} people={byId} items={data!.rows[n]!.items} now={now.getTime()} locale={locale} />
      ))}
    </div>
  );
}

function IncidentCard({ summary: s, calls: callStatus, people, items, now, locale }: { summary: IncidentSummary; calls: CallTreeStatus; people: ReadonlyMap<string, Person>; items: Parameters<typeof checklistOverTime>[0]; now: number; locale: Lang }) {
  const t = useT();
  const intl = useIntl();
  const when = (iso: string | number) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const i = s.incident;
  const calls = callTreeText(callStatus, t, when, people);
  const firstLine = (text: string) => text.split('\n')[0]!.replace(/[*_`#]/g, '');
  return (
    <article className="summary-card" aria-labelledby={`sum-${i.id}`} data-testid="summary-card">
      <h3 id={`sum-${i.id}`}>{i.title}</h3>
      <dl className="facts">
        <div><dt>{t('summary.status')}</dt><dd>{t(STATUS_LABEL[i.status])}</dd></div>
        <div><dt>{t('summary.severity')}</dt><dd>{t(SEVERITY_LABEL[i.severity])}</dd></div>
        <div><dt>{t('summary.declared')}</dt><dd>{when(i.declaredAt)} ({t('summary.ago', { time: formatDuration(s.elapsedMs) })})</dd></div>
        <div><dt>{t('summary.lead')}</dt><dd>{authorLabel(i.lead.name, t)}</dd></div>
        <div><dt>{t('summary.progress')}</dt><dd>{t('summary.progressValue', { done: s.done, total: s.total, overdue: s.overdue.length })}</dd></div>
        <div><dt>{t('summary.firstAnswer')}</dt><dd className={s.firstStatement?.withinTarget === false || s.firstAnswerMissed ? 'late' : undefined}>{firstAnswer(s, t, when)}</dd></div>
        <div><dt>{t('summary.nextUpdate')}</dt><dd>{s.nextUpdateAt ? when(s.nextUpdateAt) : t('summary.none')}</dd></div>
        <div><dt>{t('callTree.summary.label')}</dt><dd data-testid="summary-calls">{calls.line}</dd></div>
      </dl>
      {calls.toReach && (
        <section aria-label={t('callTree.summary.toReach')} data-testid="summary-to-reach">
          <h4>{t('callTree.summary.toReach')}</h4>
          {calls.toReach.empty ? <p className="muted">{calls.toReach.empty}</p> : <ul>{calls.toReach.people.map((line) => <li key={line}>{line}</li>)}</ul>}
        </section>
      )}
      {s.overdue.length > 0 && (
        <section aria-label={t('summary.overdue')}>
          <h4>{t('summary.overdue')}</h4>
          <ul>{s.overdue.map((item) => <li key={item.id}>{firstLine(item.text[locale] || item.text.en)} — {item.dueAt && when(item.dueAt)}{item.ownerName && ` (${item.ownerName})`}</li>)}</ul>
        </section>
      )}
      <section aria-label={t('summary.lastStatement')}>
        <h4>{t('summary.lastStatement')}</h4>
        {s.lastStatement ? (
          <blockquote className="statement">
            <p>{s.lastStatement.text}</p>
            <footer className="muted small">{when(s.lastStatement.at)} · {authorLabel(s.lastStatement.by, t)}</footer>
          </blockquote>
        ) : (
          <p className="muted">{t('summary.noStatement')}</p>
        )}
      </section>
      {s.decisions.length > 0 && (
        <section aria-label={t('summary.decisions')}>
          <h4>{t('summary.decisions')}</h4>
          <ul>{s.decisions.slice(0, 8).map((d) => <li key={d.entry.id}>{when(d.entry.at)} — {d.text}</li>)}</ul>
        </section>
      )}
      <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
        <ChecklistChart points={checklistOverTime(items, Date.parse(i.declaredAt), Math.max(now, Date.parse(i.declaredAt) + 60_000))} label={t('summary.chart.label')} />
      </Suspense>
    </article>
  );
}
