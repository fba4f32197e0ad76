import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { activationTime, attemptAt, callTreeProgress, directoryOf, hasContact, isBackupFor, runCallTree, treeActivatedAt, treeWarnings, type NodeRun, type Progress } from '@shared/contactTrees';
import type { CallAttempt, ContactTree, Incident, Person } from '@shared/domain';
import { MutationError } from '@shared/mutations/error';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useClock, useTicking } from '../../app/clock';
import { useServices } from '../../app/services';
import { authorLabel, useAuthor } from '../../app/author';
import { useSession } from '../../app/uiStore';
import { useNow } from '../../app/useNow';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { MANUAL_OUTCOMES, nodeLabel, OUTCOME_LABEL } from '../contactTrees/labels';
import { NodeWarnings } from '../contactTrees/NodeWarnings';
import { useTree, useTreeList } from '../contactTrees/useContactTrees';
import { usePeople } from '../people/usePeople';
import { attemptOutcomeLabel, lastAttemptText, movedOnText } from './callEvents';
import { mailtoUrl, telUrl } from './callLinks';
import { formatCountdown } from './countdown';

/**
 * Running the incident's call tree: who to call now (with their numbers as tel: links, their
 * address as a mailto: link, and a copy button), a button per outcome to record each attempt,
 * when the current person's time runs out and who comes next, and progress by branch. The
 * escalations themselves are recorded by the EscalationWatcher, which runs whatever screen is open.
 *
 * A tree preselected by the playbook is shown as a suggestion until someone activates it: the
 * calls start when a person decides, not when an incident is declared.
 */
export function CallTreePanel({ incident, calls }: { incident: Incident; calls: CallAttempt[] | undefined }) {
  const t = useT();
  const tree = useTree(incident.contactTreeId);
  const people = usePeople();
  const activatedAt = treeActivatedAt(incident);
  const ready = tree !== undefined && people !== undefined && calls !== undefined;
  // After Activate, the form that held the focus is gone: the running tree takes it (see RunningTree).
  const [focusCallNow, setFocusCallNow] = useState(false);
  const activated = () => setFocusCallNow(true);

  return (
    <section className="call-tree" aria-labelledby="call-tree-title" data-testid="call-tree">
      <h3 id="call-tree-title">{t('callTree.title')}</h3>
      {!incident.contactTreeId && <TreeChooser incident={incident} current={null} calls={calls} onActivated={activated} />}
      {incident.contactTreeId && tree === null && (
        <>
          <p className="warning">{t(activatedAt === null ? 'callTree.suggestedGone' : 'callTree.treeGone')}</p>
          <TreeChooser incident={incident} current={null} calls={calls} onActivated={activated} />
        </>
      )}
      {tree && activatedAt === null && (
        <>
          <p className="note" data-testid="call-tree-suggested">
            {t(incident.playbookId ? 'callTree.suggestedByPlaybook' : 'callTree.suggested', { name: tree.name })}
          </p>
          <TreeChooser incident={incident} current={null} suggested={tree.id} calls={calls} onActivated={activated} />
        </>
      )}
      {ready && tree && activatedAt !== null && <RunningTree incident={incident} tree={tree} people={people} calls={calls} activatedAt={activatedAt} focusCallNow={focusCallNow} onFocused={() => setFocusCallNow(false)} onActivated={activated} />}
    </section>
  );
}

function RunningTree({ incident, tree, people, calls, activatedAt, focusCallNow, onFocused, onActivated }: { incident: Incident; tree: ContactTree; people: Person[]; calls: CallAttempt[]; activatedAt: number; focusCallNow: boolean; onFocused(): void; onActivated(): void }) {
  const t = useT();
  const intl = useIntl();
  // States change when attempts are recorded; the clock only matters for whose working hours it is.
  const now = useNow(60_000).getTime();
  const run = useMemo(() => runCallTree({ tree, people, attempts: calls, activatedAt, now }), [tree, people, calls, activatedAt, now]);
  const progress = useMemo(() => callTreeProgress(run), [run]);
  const directory = useMemo(() => directoryOf(people), [people]);
  const warnings = useMemo(() => treeWarnings(tree, people, now), [tree, people, now]);
  // Deleted people keep their name here (everyone, not byId), marked as the history marks them: a
  // node whose person was deleted while it ran is still about someone.
  const label = (node: NodeRun['node']) => {
    const person = node.target.kind === 'person' ? directory.everyone.get(node.target.personId) : undefined;
    return person ? directoryName(person, t) : nodeLabel(node, directory.everyone, t);
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusCallNow) return;
    headingRef.current?.focus();
    onFocused();
  }, [focusCallNow, onFocused]);
  // Every node given up on stays in sight, with why: a call back still reaches it, and a node the
  // directory left with nobody (people deleted while it ran) must not just vanish.
  const notReached = run.nodes.filter((n) => n.state === 'failed');

  return (
    <>
      <p className="muted small">
        {t('callTree.running', { name: tree.name, at: intl.formatTime(activatedAt, { hour: '2-digit', minute: '2-digit' }) })}
      </p>
      <p className="call-progress" data-testid="call-progress">{progressText(t, progress.overall)}</p>
      {progress.branches.length > 1 && (
        <ul className="call-branches" aria-label={t('callTree.byBranch')}>
          {progress.branches.map((b) => (
            <li key={b.head.node.id} data-testid="call-branch">
              <strong>{label(b.head.node)}</strong>: {progressText(t, b)}
            </li>
          ))}
        </ul>
      )}
      <h4 id="call-now-title" ref={headingRef} tabIndex={-1}>{t('callTree.callNow')}</h4>
      {run.callNow.length === 0 ? (
        <p className="muted">{progress.overall.pending + progress.overall.calling === 0 ? t('callTree.allDone') : t('callTree.nobodyNow')}</p>
      ) : (
        <ol className="call-now" aria-labelledby="call-now-title">
          {run.callNow.map((n) => (
            <CallCard
              key={n.node.id}
              run={n}
              label={label(n.node)}
              incident={incident}
              treeId={tree.id}
              activatedAt={activatedAt}
              people={directory.everyone}
              // Only what concerns the person to call now: the node's other warnings are the tree's business.
              warnings={(warnings.get(n.node.id) ?? []).filter((w) => 'person' in w && w.person.id === n.current?.id)}
              afterLast={() => headingRef.current?.focus()}
            />
          ))}
        </ol>
      )}
      {notReached.length > 0 && (
        <>
          <h4 id="not-reached-title">{t('callTree.notReached.title')}</h4>
          <ol className="call-now" aria-labelledby="not-reached-title">
            {notReached.map((n) => (
              <NotReachedCard key={n.node.id} run={n} label={label(n.node)} incident={incident} treeId={tree.id} activatedAt={activatedAt} afterLast={() => headingRef.current?.focus()} />
            ))}
          </ol>
        </>
      )}
      <details className="call-whole-tree">
        <summary>{t('callTree.wholeTree')}</summary>
        <WholeTree run={run} label={label} people={directory.everyone} />
      </details>
      <details className="call-change">
        <summary>{t('callTree.change')}</summary>
        <TreeChooser incident={incident} current={tree.id} calls={calls} onActivated={onActivated} />
      </details>
    </>
  );
}

/** A name as the history tells it: someone deleted from the directory or gone from the organisation says so. */
function personName(person: Person, t: Translate): string {
  return !person.deleted && person.left ? t('callTree.person.left', { name: person.name }) : directoryName(person, t);
}

/** A name that says when its person was deleted from the directory (and only that: a node's label). */
function directoryName(person: Person, t: Translate): string {
  return person.deleted ? t('callTree.person.deleted', { name: person.name }) : person.name;
}

function progressText(t: Translate, p: Progress): string {
  return t('callTree.progress', { reached: p.reached, total: p.total, calling: p.calling, pending: p.pending, failed: p.failed });
}

/** `people`: the directory, those who left included, to name whoever the last attempt was about. */
function CallCard({ run, label, incident, treeId, activatedAt, people, warnings, afterLast }: { run: NodeRun; label: string; incident: Incident; treeId: string; activatedAt: number; people: ReadonlyMap<string, Person>; warnings: Parameters<typeof NodeWarnings>[0]['warnings']; afterLast(): void }) {
  const t = useT();
  const intl = useIntl();
  const { host } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const { busy, record, cardRef } = useCallRecorder({ run, incident, treeId, activatedAt, afterLast });
  const person = run.current!;
  const last = run.attempts.at(-1);
  const open = (url: string) => void host.openExternal(url);
  const copy = async () => {
    const lines = [person.name, ...person.phones, person.email].filter((line) => line.trim() !== '');
    await host.copyText(lines.join('\n'));
    announce(t('callTree.copied', { name: person.name }));
  };

  return (
    <li ref={cardRef} className={`call-card state-${run.state}`} data-testid="call-card" aria-labelledby={`call-${run.node.id}`}>
      <div className="call-card-head">
        <strong id={`call-${run.node.id}`}>{person.name}</strong>
        {label !== person.name && <span className="muted"> · {label}</span>}
        {isBackupFor(run.node, person) && <span className="badge badge-note">{t('callTree.backup')}</span>}
      </div>
      <Countdown at={run.escalateAt!} minutes={run.node.escalateAfterMinutes} next={run.next} />
      <p className="call-contacts">
        {person.phones.filter((phone) => phone.trim() !== '').map((phone) => {
          const url = telUrl(phone);
          return url ? (
            <a key={phone} href={url} onClick={(e) => { e.preventDefault(); open(url); }} aria-label={t('callTree.callNumber', { name: person.name, phone })}>{phone}</a>
          ) : (
            <span key={phone}>{phone}</span>
          );
        })}
        {person.email.trim() !== '' && (mailtoUrl(person.email) ? (
          <a href={mailtoUrl(person.email)!} onClick={(e) => { e.preventDefault(); open(mailtoUrl(person.email)!); }}>{person.email}</a>
        ) : (
          <span>{person.email}</span>
        ))}
        {/* Nothing to copy but a name: no button, the note says why. */}
        {!hasContact(person) ? (
          <span className="muted">{t('callTree.noContact')}</span>
        ) : (
          <button type="button" className="small" onClick={() => void copy()}>{t('callTree.copy')}</button>
        )}
      </p>
      <NodeWarnings warnings={warnings} label={label} />
      <div className="call-outcomes" role="group" aria-label={t('callTree.recordFor', { name: person.name })}>
        {MANUAL_OUTCOMES.map((outcome) => (
          <button key={outcome} type="button" className={outcome === 'reached' ? 'primary' : undefined} aria-disabled={busy || undefined} onClick={() => !busy && void record(person, outcome)}>
            {t(OUTCOME_LABEL[outcome])}
          </button>
        ))}
      </div>
      {last && (
        <p className="muted small">
          {lastAttemptText(last, people, t, (at) => intl.formatTime(at, { hour: '2-digit', minute: '2-digit' }))}
        </p>
      )}
      <EarlierCalls run={run} busy={busy} record={record} />
    </li>
  );
}

type Recorder = ReturnType<typeof useCallRecorder>;

/**
 * Records calls for one node: for the person called now, or for someone the node moved on from
 * who calls back. The card it serves (`cardRef`) leaves the list when its node is reached or gives
 * up: if the keyboard was in it, it goes to `afterLast` rather than to nowhere.
 */
function useCallRecorder({ run, incident, treeId, activatedAt, afterLast }: { run: NodeRun; incident: Incident; treeId: string; activatedAt: number; afterLast(): void }) {
  const t = useT();
  const { mutate } = useServices();
  const author = useAuthor();
  const announce = useAnnouncer((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const cardRef = useRef<HTMLLIElement>(null);
  const leave = useRef(afterLast);
  useLayoutEffect(() => {
    leave.current = afterLast;
  });
  // Whenever the card goes (reached here, or by a record from another machine), not only after a
  // click here, and checked before React removes it, while it still holds the focus.
  useLayoutEffect(() => {
    const card = cardRef.current;
    return () => {
      if (card?.contains(document.activeElement)) requestAnimationFrame(() => leave.current());
    };
  }, []);
  const record = async (who: { id: string; name: string }, outcome: CallAttempt['outcome']) => {
    setBusy(true);
    try {
      const attempt: CallAttempt = { id: uuidv7(), incidentId: incident.id, treeId, nodeId: run.node.id, personId: who.id, outcome, by: author, at: attemptAt(activatedAt, Date.now()).toISOString(), note: '', dueAt: null };
      await mutate('call.record', { attempt });
      // Reached after the move: whoever is being called for the node now can be let go (their calls stay recorded).
      const current = run.current;
      const late = current !== null && who.id !== current.id && outcome === 'reached';
      announce(late ? t('callTree.reachedLate', { name: who.name, current: current.name }) : t('callTree.recorded', { name: who.name, outcome: t(OUTCOME_LABEL[outcome]) }));
    } catch (e) {
      announce(t('callTree.recordFailed', { reason: e instanceof MutationError ? e.message : String(e) }), 'error');
    } finally {
      setBusy(false);
    }
  };
  return { busy, record, cardRef };
}

/** The people a node moved on from, each with the buttons to record their call back. */
function EarlierCalls({ run, busy, record }: { run: NodeRun; busy: boolean; record: Recorder['record'] }) {
  const t = useT();
  const intl = useIntl();
  if (run.earlier.length === 0) return null;
  return (
    <div className="call-earlier">
      <p className="muted small" id={`call-earlier-${run.node.id}`}>{t('callTree.earlier.title')}</p>
      <ul aria-labelledby={`call-earlier-${run.node.id}`}>
        {run.earlier.map((move) => {
          // Someone deleted since keeps their name, as in the timeline, marked as such; a call back from them still counts.
          const who = move.person;
          const name = !who ? t('trees.node.unknownPerson') : who.deleted ? t('callTree.person.deleted', { name: who.name }) : who.name;
          return (
            <li key={move.personId} data-testid="call-earlier">
              <p className="small">{movedOnText(move, name, run.node.escalateAfterMinutes, t)}</p>
              {move.last !== move.endedBy && (
                <p className="muted small">{t('callTree.earlier.since', { outcome: t(attemptOutcomeLabel(move.last)), at: intl.formatTime(move.last.at, { hour: '2-digit', minute: '2-digit' }), by: authorLabel(move.last.by, t) })}</p>
              )}
              {who && (
                <div className="call-outcomes" role="group" aria-label={t('callTree.earlier.recordFor', { name })}>
                  {MANUAL_OUTCOMES.map((outcome) => {
                    const text = t(outcome === 'reached' ? 'callTree.earlier.reached' : OUTCOME_LABEL[outcome]);
                    // Named with the person: the same words as the buttons of the person called now, on the same card.
                    return (
                      <button key={outcome} type="button" className="small" aria-label={t('callTree.earlier.outcomeFor', { outcome: text, name })} aria-disabled={busy || undefined} onClick={() => !busy && void record(who, outcome)}>
                        {text}
                      </button>
                    );
                  })}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * A node where everyone listed was tried and nobody reached: nothing to call now, but any of them
 * may still call back, and that reaches the node (the calls under it keep their clock).
 */
function NotReachedCard({ run, label, incident, treeId, activatedAt, afterLast }: { run: NodeRun; label: string; incident: Incident; treeId: string; activatedAt: number; afterLast(): void }) {
  const t = useT();
  const intl = useIntl();
  const { busy, record, cardRef } = useCallRecorder({ run, incident, treeId, activatedAt, afterLast });
  return (
    <li ref={cardRef} className={`call-card state-${run.state}`} data-testid="not-reached-card" aria-labelledby={`not-reached-${run.node.id}`}>
      <div className="call-card-head">
        <strong id={`not-reached-${run.node.id}`}>{label}</strong> <span className="badge badge-note">{t('callTree.state.failed')}</span>
      </div>
      <p className="small" data-testid="not-reached-reason">
        {t(run.failReason === 'tried' ? 'callTree.notReached.tried' : 'callTree.notReached.nobodyLeft')}
        {run.dropped.length > 0 && <> {t('callTree.notReached.dropped', { people: intl.formatList(run.dropped.map((p) => personName(p, t)), { type: 'conjunction' }) })}</>}
      </p>
      <EarlierCalls run={run} busy={busy} record={record} />
    </li>
  );
}

/**
 * "Moves to Ben in 4:32": the only part of a card that changes every second. The shared clock
 * ticks once a second, so it may be up to a second behind a turn that just began; the time left
 * never shows more than the turn's length (5:00, not 5:01), nor does a start stamped by a machine
 * whose clock runs ahead.
 */
function Countdown({ at, minutes, next }: { at: number; minutes: number; next: Person | null }) {
  const t = useT();
  useTicking();
  const time = useClock((c) => formatCountdown(at - c.now, minutes * 60_000));
  return <p className="call-countdown small">{next ? t('callTree.movesTo', { name: next.name, time }) : t('callTree.givesUp', { time })}</p>;
}

const STATE_LABEL = {
  pending: 'callTree.state.pending',
  calling: 'callTree.state.calling',
  escalated: 'callTree.state.escalated',
  reached: 'callTree.state.reached',
  failed: 'callTree.state.failed',
} as const;

function WholeTree({ run, label, people }: { run: ReturnType<typeof runCallTree>; label: (node: NodeRun['node']) => string; people: ReadonlyMap<string, Person> }) {
  const t = useT();
  const intl = useIntl();
  const time = (at: string) => intl.formatTime(at, { hour: '2-digit', minute: '2-digit' });
  return (
    <ol className="call-tree-status">
      {run.nodes.map((n) => (
        <li key={n.node.id} style={{ marginInlineStart: `${n.depth * 1.25}rem` }} data-testid="call-node">
          <span className={`badge call-state-${n.state}`}>{t(STATE_LABEL[n.state])}</span> <strong>{label(n.node)}</strong>
          {n.current && <span className="muted"> · {n.current.name}</span>}
          {n.attempts.length > 0 && (
            <ul className="call-attempts small">
              {n.attempts.map((a) => (
                <li key={a.id}>
                  {time(a.at)} · {people.get(a.personId ?? '')?.name ?? t('trees.node.unknownPerson')}: {t(attemptOutcomeLabel(a))}
                  {n.lateReach && a === n.reached && ` (${n.lateReach.movedTo ? t('callTree.late.afterMove', { to: n.lateReach.movedTo.name }) : t('callTree.late.plain')})`} ({authorLabel(a.by, t)})
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/**
 * Picks the incident's tree and starts it (or starts another one, from the top). `suggested` is
 * the tree the playbook preselected: offered first, started only by pressing the button.
 */
function TreeChooser({ incident, current, suggested = null, calls, onActivated }: { incident: Incident; current: string | null; suggested?: string | null; calls: readonly CallAttempt[] | undefined; onActivated(): void }) {
  const t = useT();
  const { mutate } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const setView = useSession((s) => s.setView);
  const trees = useTreeList();
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fallback = trees?.find((tr) => tr.id === suggested) ?? trees?.find((tr) => tr.id !== current) ?? trees?.[0];
  const selected = trees?.some((tr) => tr.id === choice) ? choice : (fallback?.id ?? '');

  if (trees?.length === 0) {
    return (
      <p className="muted">
        {t('callTree.noTrees')}{' '}
        <button type="button" className="link" onClick={() => setView('trees')}>{t('callTree.goToTrees')}</button>
      </p>
    );
  }
  const activate = async (event: FormEvent) => {
    event.preventDefault();
    const tree = trees?.find((tr) => tr.id === selected);
    if (!tree) {
      setError(t('callTree.chooseFirst'));
      return;
    }
    try {
      const startedAt = activationTime(Date.now(), calls ?? []).toISOString();
      await mutate('incident.update', { id: incident.id, fields: { contactTreeId: tree.id, contactTreeActivatedAt: startedAt } });
      setError(null);
      announce(t('callTree.activated', { name: tree.name }));
      onActivated();
    } catch (e) {
      setError(e instanceof MutationError ? e.message : String(e));
    }
  };
  return (
    <form className="call-choose row" onSubmit={(e) => void activate(e)} noValidate>
      <label>
        {t('callTree.choose')}
        <select value={selected} onChange={(e) => setChoice(e.target.value)} data-testid="call-tree-choice">
          {trees?.map((tr) => <option key={tr.id} value={tr.id}>{tr.name}</option>)}
        </select>
      </label>
      <button type="submit" className="primary">{current ? t('callTree.restartWith') : t('callTree.activate')}</button>
      <p className="muted small">{current ? t('callTree.restartNote') : t('callTree.activateNote')}</p>
      {error && <p className="error small" role="alert">{error}</p>}
    </form>
  );
}
