import type { IntlShape } from 'react-intl';
import type { CallTreeStatus } from '@shared/contactTrees';
import type { IncidentSummary } from '@shared/incidents/summary';
import { formatDuration } from '@shared/incidents/offsets';
import type { Lang, Person } from '@shared/domain';
import { authorLabel } from '../../app/author';
import type { Translate } from '../../i18n/I18nProvider';
import { SEVERITY_LABEL, STATUS_LABEL } from '../incidents/labels';
import { callTreeText } from './callsText';

type Format = 'text' | 'markdown';

/** One incident of the summary: its checklist and log facts, and where its call tree stands. */
export interface SummaryEntry {
  summary: IncidentSummary;
  calls: CallTreeStatus;
}

/**
 * The executive summary as plain text or Markdown, for an email: the same facts as the page, in
 * the same order, in the UI's language. `people` is the directory, to name the nodes of the trees.
 */
export function summaryToText(entries: readonly SummaryEntry[], format: Format, t: Translate, intl: IntlShape, locale: Lang, people: ReadonlyMap<string, Person>): string {
  const when = (iso: string | number) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  const h = (text: string) => (format === 'markdown' ? `## ${text}` : `${text}\n${'='.repeat(Math.min(text.length, 72))}`);
  const li = (text: string) => `${format === 'markdown' ? '-' : '•'} ${text}`;
  const quote = (text: string) => text.split('\n').map((l) => (format === 'markdown' ? `> ${l}` : `    ${l}`)).join('\n');
  const blocks = entries.map(({ summary: s, calls: callStatus }) => {
    const i = s.incident;
    const calls = callTreeText(callStatus, t, when, people);
    const lines = [
      h(i.title),
      '',
      li(`${t('summary.status')}: ${t(STATUS_LABEL[i.status])} · ${t('summary.severity')}: ${t(SEVERITY_LABEL[i.severity])}`),
      li(`${t('summary.declared')}: ${when(i.declaredAt)} (${t('summary.ago', { time: formatDuration(s.elapsedMs) })})`),
      li(`${t('summary.lead')}: ${authorLabel(i.lead.name, t)}`),
      li(`${t('summary.progress')}: ${t('summary.progressValue', { done: s.done, total: s.total, overdue: s.overdue.length })}`),
      li(`${t('summary.firstAnswer')}: ${firstAnswer(s, t, when)}`),
      li(`${t('summary.nextUpdate')}: ${s.nextUpdateAt ? when(s.nextUpdateAt) : t('summary.none')}`),
      li(`${t('callTree.summary.label')}: ${calls.line}`),
    ];
    if (calls.toReach?.empty) lines.push(li(`${t('callTree.summary.toReach')}: ${calls.toReach.empty}`));
    if (calls.toReach && calls.toReach.people.length > 0) {
      lines.push('', `${t('callTree.summary.toReach')}:`);
      for (const person of calls.toReach.people) lines.push(li(person));
    }
    if (s.overdue.length > 0) {
      lines.push('', `${t('summary.overdue')}:`);
      for (const item of s.overdue) lines.push(li(`${(item.text[locale] || item.text.en).split('\n')[0]!.replace(/[*_`#]/g, '')} (${item.dueAt ? when(item.dueAt) : ''})`));
    }
    if (s.lastStatement) {
      lines.push('', `${t('summary.lastStatement')} (${when(s.lastStatement.at)}):`, quote(s.lastStatement.text));
    }
    if (s.decisions.length > 0) {
      lines.push('', `${t('summary.decisions')}:`);
      for (const d of s.decisions.slice(0, 8)) lines.push(li(`${when(d.entry.at)} — ${d.text}`));
    }
    return lines.join('\n');
  });
  const title = format === 'markdown' ? `# ${t('summary.title')}` : t('summary.title').toUpperCase();
  return `${title}\n${t('summary.generatedAt', { at: when(new Date().toISOString()) })}\n\n${blocks.join('\n\n')}\n`;
}

export function firstAnswer(s: IncidentSummary, t: Translate, when: (iso: string) => string): string {
  if (s.firstStatement) {
    return t(s.firstStatement.withinTarget ? 'summary.firstAnswerOnTime' : 'summary.firstAnswerLate', { at: when(s.firstStatement.entry.at) });
  }
  return t(s.firstAnswerMissed ? 'summary.firstAnswerMissed' : 'summary.firstAnswerPending');
}
