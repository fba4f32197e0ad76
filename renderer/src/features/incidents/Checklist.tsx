import { memo, useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useClock, useTicking } from '../../app/clock';
import { useIntl } from 'react-intl';
import type { ChecklistItem, Lang, Localized, LogEntry } from '@shared/domain';
import { stepConcurrency, type StepConcurrency } from '@shared/incidents/disputes';
import { dueAt, stepState, timeLeft } from '@shared/incidents/deadlines';
import { formatDuration } from '@shared/incidents/offsets';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { authorLabel, useAuthor } from '../../app/author';
import { usePreferences, useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { Markdown } from '../../ui/Markdown';
import { useInlineVirtualizer } from '../../ui/useInlineVirtualizer';
import { roleLabel } from '../roles/labels';
import { newLogEntry } from '@shared/incidents/logEntry';
import { pickText } from '../playbooks/localized';
import { useAnswerTitles } from '../answers/useAnswerTitles';
import { StepDue } from './StepDue';

interface Props {
  incidentId: string;
  declaredAt: string;
  items: ChecklistItem[];
  /** The incident's log, where ticks and unticks record what they saw (for disputes). */
  log: readonly LogEntry[];
  locale: Lang;
}

/** A step's height before it is measured: a title, its deadline line and a row of buttons. */
const STEP_ESTIMATE = 96;
/** The space between steps, in pixels (0.4rem). */
const STEP_GAP = 6;

/**
 * The checklist against the clock: every step with its owner, its deadline and how much time is
 * left. The clock re-renders only what changes each second (the countdowns, a step turning
 * overdue), and only the steps on screen are rendered (the list scrolls with the page), so a
 * checklist of hundreds of steps opens and runs like a short one.
 */
export const Checklist = memo(function Checklist({ incidentId, declaredAt, items, log, locale }: Props) {
  const t = useT();
  useTicking();
  const concurrency = useMemo(() => stepConcurrency(items, log), [items, log]);
  const done = items.filter((i) => i.done).length;
  const overdue = useClock((c) => items.filter((i) => stepState(i, c.now) === 'overdue').length);
  const ordered = useMemo(() => [...items].sort((a, b) => a.order - b.order || (a.dueAt ?? '').localeCompare(b.dueAt ?? '')), [items]);
  const answerTitles = useAnswerTitles(useMemo(() => items.flatMap((i) => i.answerIds), [items]));
  const list = useRef<HTMLOListElement>(null);
  const virtualizer = useInlineVirtualizer(list, {
    count: ordered.length,
    estimateSize: () => STEP_ESTIMATE,
    getItemKey: (index) => ordered[index]!.id,
    overscan: 12,
    gap: STEP_GAP,
  });
  const margin = virtualizer.options.scrollMargin;
  return (
    <section aria-labelledby="checklist-title" className="checklist" data-testid="checklist" data-total={items.length}>
      <h3 id="checklist-title">
        {t('incidents.checklist')} <span className="muted small">{t('incidents.progress', { done, total: items.length, overdue })}</span>
      </h3>
      <ol ref={list} className="steps" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = ordered[row.index]!;
          return (
            <ChecklistRow
              key={item.id}
              item={item}
              declaredAt={declaredAt}
              locale={locale}
              concurrency={concurrency.get(item.id)}
              answerTitles={answerTitles}
              index={row.index}
              setSize={ordered.length}
              top={row.start - margin}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </ol>
      <AddStep incidentId={incidentId} declaredAt={declaredAt} nextOrder={(ordered.at(-1)?.order ?? -1) + 1} />
    </section>
  );
});

/** "12 min left" / "Overdue by 3 min": the only part of a row that changes every second. */
function TimeLeft({ item }: { item: ChecklistItem }) {
  const t = useT();
  const intl = useIntl();
  const state = useClock((c) => stepState(item, c.now));
  const left = useClock((c) => Math.floor((timeLeft(item, c.now) ?? 0) / 1000));
  return (
    <span className={`step-state state-${state}`}>
      {state === 'done' && t('incidents.doneBy', { by: item.doneBy ? authorLabel(item.doneBy, t) : '', at: item.doneAt ? intl.formatTime(item.doneAt, { hour: '2-digit', minute: '2-digit' }) : '' })}
      {state === 'overdue' && t('incidents.late', { time: formatDuration(left * 1000) })}
      {(state === 'open' || state === 'due-soon') && t('incidents.left', { time: formatDuration(left * 1000) })}
      {state === 'no-deadline' && t('incidents.noDeadline')}
    </span>
  );
}

interface RowProps {
  item: ChecklistItem;
  declaredAt: string;
  locale: Lang;
  concurrency: StepConcurrency | undefined;
  /** The linked answers' titles, to name each copy button. */
  answerTitles: ReadonlyMap<string, Localized> | undefined;
  /** Where the row sits: its position among all steps (for assistive technology) and on the page. */
  index: number;
  setSize: number;
  top: number;
  measure: (element: Element | null) => void;
}

const ChecklistRow = memo(function ChecklistRow({ item, declaredAt, locale, concurrency, answerTitles, index, setSize, top, measure }: RowProps) {
  const dispute = concurrency && concurrency.rivals.length > 0 ? concurrency : undefined;
  const t = useT();
  // Re-renders when the step's state changes (turns due-soon, overdue), not at every tick.
  const state = useClock((c) => stepState(item, c.now));
  const { mutate } = useServices();
  const author = useAuthor();
  const lastChannel = usePreferences((s) => s.lastChannel);
  const openCopy = useSession((s) => s.openCopy);
  const announce = useAnnouncer((s) => s.announce);
  const [reassigning, setReassigning] = useState(false);
  const [owner, setOwner] = useState(item.ownerName);
  const text = item.text[locale] || item.text[locale === 'es' ? 'en' : 'es'];
  const firstLine = text.split('\n')[0]!.replace(/[*_`#]/g, '');

  // The box follows the click at once; the stored state catches up when the mutation commits.
  const [pending, setPending] = useState<boolean | null>(null);
  useEffect(() => {
    if (pending !== null && item.done === pending) setPending(null);
  }, [item.done, pending]);
  const toggle = async (done: boolean) => {
    setPending(done);
    try {
      await mutate('checklist.setDone', {
        id: item.id,
        done,
        // The entry the person saw: a change made elsewhere on the same basis makes a dispute.
        entry: newLogEntry({ incidentId: item.incidentId, kind: 'step', by: author, itemId: item.id, action: done ? 'done' : 'undone', basis: item.doneEntryId, settles: concurrency?.concurrent.map((e) => e.id) }),
      });
      announce(t(done ? 'incidents.stepDone' : 'incidents.stepUndone', { step: firstLine }));
    } catch (error) {
      setPending(null);
      announce(String((error as Error).message), 'error');
    }
  };
  const reassign = async (event: FormEvent) => {
    event.preventDefault();
    await mutate('checklist.reassign', {
      id: item.id,
      ownerId: null,
      ownerName: owner.trim(),
      entry: newLogEntry({ incidentId: item.incidentId, kind: 'step', by: author, itemId: item.id, action: 'reassigned', text: owner.trim() }),
    });
    setReassigning(false);
  };

  return (
    <li
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={`step step-${state}${dispute ? ' step-disputed' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="checklist-step"
    >
      <input type="checkbox" id={`step-${item.id}`} checked={pending ?? item.done} onChange={(e) => void toggle(e.target.checked)} aria-describedby={`step-when-${item.id}`} />
      <div className="step-body">
        <label htmlFor={`step-${item.id}`} className="step-title">{firstLine}</label>
        {text.includes('\n') && <StepHow text={text.split('\n').slice(1).join('\n').trim()} open={state === 'overdue' || state === 'due-soon'} />}
        <p className="step-meta small" id={`step-when-${item.id}`}>
          {item.dueAt && (
            <>
              <StepDue dueAt={item.dueAt} declaredAt={declaredAt} />{' · '}
            </>
          )}
          <TimeLeft item={item} />
          {' · '}
          {item.ownerName ? t('incidents.owner', { name: item.ownerName, role: item.role ? roleLabel(item.role, t) : '—' }) : item.role ? roleLabel(item.role, t) : t('incidents.unassigned')}
          {!item.required && ` · ${t('incidents.optional')}`}
        </p>
        {dispute && <DisputeNote dispute={dispute} onConfirm={() => void toggle(item.done)} />}
        <div className="row small">
          {item.answerIds.map((answerId) => {
            const title = answerTitles?.get(answerId);
            const named = title ? pickText(title, locale).text : '';
            return (
              <button key={answerId} type="button" onClick={() => openCopy({ answerId, lang: locale, channel: lastChannel, incidentId: item.incidentId })}>
                {named ? t('incidents.useAnswerNamed', { title: named }) : t('incidents.useAnswer')}
              </button>
            );
          })}
          {!reassigning ? (
            <button type="button" onClick={() => setReassigning(true)}>{t('incidents.reassign')}</button>
          ) : (
            <form onSubmit={(e) => void reassign(e)} className="row">
              <label className="inline">
                {t('incidents.newOwner')}
                <input value={owner} onChange={(e) => setOwner(e.target.value)} autoFocus />
              </label>
              <button type="submit">{t('incidents.save')}</button>
              <button type="button" onClick={() => setReassigning(false)}>{t('common.cancel')}</button>
            </form>
          )}
        </div>
      </div>
    </li>
  );
});

function AddStep({ incidentId, declaredAt, nextOrder }: { incidentId: string; declaredAt: string; nextOrder: number }) {
  const t = useT();
  const { mutate } = useServices();
  const author = useAuthor();
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setError(t('incidents.addStep.needText'));
    const offset = minutes.trim() === '' ? null : Number(minutes);
    if (offset !== null && (!Number.isInteger(offset) || offset < 0)) return setError(t('incidents.addStep.badMinutes'));
    const id = uuidv7();
    await mutate('checklist.add', {
      item: {
        id, clock: {}, deleted: false, incidentId, order: nextOrder,
        text: { es: text.trim(), en: text.trim() }, role: '', ownerId: null, ownerName: owner.trim(), stepId: null,
        dueAt: offset === null ? null : dueAt(declaredAt, offset), required: true,
        done: false, doneBy: null, doneAt: null, doneEntryId: null, answerIds: [], source: 'adhoc',
      },
      entry: newLogEntry({ incidentId, kind: 'step', by: author, itemId: id, action: 'added', text: text.trim() }),
    });
    setText('');
    setMinutes('');
    setOwner('');
    setError(null);
  };

  return (
    <form className="add-step" onSubmit={(e) => void add(e)} noValidate aria-labelledby="add-step-title">
      <h4 id="add-step-title">{t('incidents.addStep.title')}</h4>
      <div className="row">
        <label className="grow">{t('incidents.addStep.text')}<input value={text} onChange={(e) => setText(e.target.value)} /></label>
        <label>{t('incidents.addStep.minutes')}<input inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} size={6} /></label>
        <label>{t('incidents.addStep.owner')}<input value={owner} onChange={(e) => setOwner(e.target.value)} /></label>
        <button type="submit">{t('incidents.addStep.add')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

/**
 * A step's instructions (Markdown), rendered only once they are shown: a checklist of hundreds of
 * steps would otherwise parse hundreds of documents to open. Open by default for the steps that
 * need doing now (due soon or overdue); those are rendered just after the checklist first shows
 * (a deferred value starting closed), so parsing them does not hold up opening the incident.
 */
function StepHow({ text, open }: { text: string; open: boolean }) {
  const t = useT();
  const [shown, setShown] = useState(open);
  const rendered = useDeferredValue(shown, false);
  // The same element while the text is the same: the row re-renders as the list measures and
  // scrolls, and parsing the Markdown again each time would be wasted.
  const body = useMemo(() => <Markdown text={text} className="markdown small" />, [text]);
  return (
    <details className="step-how" open={shown} onToggle={(e) => setShown(e.currentTarget.open)}>
      <summary className="small">{t('incidents.how')}</summary>
      {rendered && body}
    </details>
  );
}

/**
 * Two people changed this step in opposite ways at the same time (usually offline). Calma shows
 * the later change, the same on every machine, and says so until someone confirms or changes it.
 */
function DisputeNote({ dispute, onConfirm }: { dispute: StepConcurrency; onConfirm: () => void }) {
  const t = useT();
  const intl = useIntl();
  const describe = (e: LogEntry) =>
    t(e.action === 'done' ? 'incidents.dispute.ticked' : 'incidents.dispute.unticked', { name: authorLabel(e.by, t), at: intl.formatTime(e.at, { hour: '2-digit', minute: '2-digit' }) });
  return (
    <p className="dispute small" role="note" data-testid="step-disputed">
      <strong>{t('incidents.dispute.title')}</strong>{' '}
      {t('incidents.dispute.body', { shown: describe(dispute.shown), rivals: intl.formatList(dispute.rivals.map(describe)) })}{' '}
      <button type="button" onClick={onConfirm}>{t(dispute.shown.action === 'done' ? 'incidents.dispute.keepDone' : 'incidents.dispute.keepOpen')}</button>
    </p>
  );
}
