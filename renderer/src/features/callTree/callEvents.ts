import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { isGiveUp, lateReaches, movesOn, noticedLate, runCallTree, treeActivatedAt, type CallTreeRun, type MovedOnFrom } from '@shared/contactTrees';
import type { CallAttempt } from '@shared/domain';
import { useServices } from '../../app/services';
import { authorLabel } from '../../app/author';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { OUTCOME_LABEL } from '../contactTrees/labels';
import { formatCountdown } from './countdown';

const EVENT: Record<CallAttempt['outcome'], MessageId> = {
  reached: 'callTree.event.reached',
  voicemail: 'callTree.event.voicemail',
  'no-answer': 'callTree.event.no-answer',
  'wrong-number': 'callTree.event.wrong-number',
  unavailable: 'callTree.event.unavailable',
  // Told by callEventText in its own words (see isTimerEvent).
  escalated: 'callTree.event.timerMovedOn',
};

/**
 * The names of the people called, for the timeline (deleted people keep their name there), and
 * for each reach that came after the node had moved on from the person reached, the name of whom
 * it moved on to ('' when nobody was next). A Map of names with that beside it, so that the
 * timeline passes one value down to its rows.
 */
export class CallNames extends Map<string, string> {
  constructor(
    entries: Iterable<readonly [string, string]>,
    readonly lateReaches: ReadonlyMap<string, string> = new Map(),
    /** For each escalation of the running tree, by its record's id: see escalationTargets. */
    readonly escalations: ReadonlyMap<string, EscalationTarget> = new Map(),
  ) {
    super(entries);
  }
}

/** What an escalation record does not hold itself: the node's time per person, and whom it moved on to ('' when unknown or nobody). */
export interface EscalationTarget {
  minutes: number;
  to: string;
}

/** For each escalation of a run, by the record's id: the node's time per person and whom it moved on to, as the directory is now. */
export function escalationTargets(run: Pick<CallTreeRun, 'nodes'>): Map<string, EscalationTarget> {
  return new Map(
    run.nodes.flatMap((n) =>
      n.earlier.filter((e) => e.endedBy.outcome === 'escalated').map((e) => [e.endedBy.id, { minutes: n.node.escalateAfterMinutes, to: e.movedTo?.name ?? '' }] as const),
    ),
  );
}

/** For each late reach of a run, by the reaching record's id: whom the node had moved on to ('' when nobody). */
export function lateReachTargets(run: Pick<CallTreeRun, 'nodes'>): Map<string, string> {
  return new Map([...lateReaches(run)].map(([id, move]) => [id, move.movedTo?.name ?? '']));
}

/**
 * The names of the people called, live, with the late reaches of the incident's running tree. A
 * late reach is told apart by running the tree (who was moved on from, and to whom, is the run's
 * business), so the tree and the directory are read only when the calls hold a reach and a move.
 * Calls from an earlier activation of the tree are not run, so their reaches read as plain ones.
 */
export function useCallNames(calls: readonly CallAttempt[]): CallNames | undefined {
  const { db } = useServices();
  const ids = useMemo(() => [...new Set(calls.flatMap((c) => (c.personId ? [c.personId] : [])))], [calls]);
  // Without a record that moved a node on, there is no late reach nor escalation to tell.
  const incidentId = useMemo(() => (calls.some((c) => movesOn(c.outcome)) ? calls[0]!.incidentId : null), [calls]);
  return useLiveQuery(async () => {
    const names = new Map((await db.people.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    if (incidentId === null) return new CallNames(names);
    const incident = await db.incidents.get(incidentId);
    const activatedAt = incident ? treeActivatedAt(incident) : null;
    const tree = incident?.contactTreeId ? await db.contactTrees.get(incident.contactTreeId) : undefined;
    if (activatedAt === null || !tree || tree.deleted) return new CallNames(names);
    const run = runCallTree({ tree, people: await db.people.toArray(), attempts: calls, activatedAt, now: Date.now() });
    return new CallNames(names, lateReachTargets(run), escalationTargets(run));
  }, [db, ids, incidentId, calls]);
}

/**
 * A call attempt as a timeline line: "called Ana Ortega: no answer"; a reach after the node moved
 * on from the person says to whom it had moved. An escalation is Calma's timer, not a person (see
 * isTimerEvent): "Call tree: Ana Ortega did not answer in 2:00; moved on to Bea Ruiz", and when
 * the console noticed late, when the time really ran out. `time` formats a clock time (22:08).
 */
export function callEventText(call: CallAttempt, names: CallNames | undefined, t: Translate, time: (at: string | number) => string = (at) => new Date(at).toISOString().slice(11, 16)): string {
  const person = (call.personId && names?.get(call.personId)) || t('trees.node.unknownPerson');
  const late = names?.lateReaches.get(call.id);
  if (late !== undefined) return late ? t('callTree.event.reachedAfterMove', { person, to: late }) : t('callTree.event.reachedLate', { person });
  if (call.outcome !== 'escalated') return t(EVENT[call.outcome], { person });
  const target = names?.escalations.get(call.id);
  const values = { person, hasTime: target ? 'yes' : 'no', time: target ? formatCountdown(target.minutes * 60_000) : '', to: target?.to ?? '' };
  const text = isGiveUp(call) ? t('callTree.event.timerGaveUp', values) : values.to ? t('callTree.event.timerMoved', values) : t('callTree.event.timerMovedOn', values);
  const dueAt = noticedLate(call);
  return dueAt === null ? text : `${text} ${t('callTree.event.noticedLate', { due: time(dueAt), at: time(call.at) })}`;
}

/** Whether a call record was made by Calma's timer rather than by someone at a console: the timeline names no author for it. */
export function isTimerEvent(call: Pick<CallAttempt, 'outcome'>): boolean {
  return call.outcome === 'escalated';
}

/** The outcome of an attempt in a word or two ("No answer", "Nobody else to call"), for the call panel. */
export function attemptOutcomeLabel(call: Pick<CallAttempt, 'outcome' | 'note'>): MessageId {
  return isGiveUp(call) ? 'callTree.outcome.gaveUp' : OUTCOME_LABEL[call.outcome];
}

/**
 * "Last: Ana Ortega, No answer at 10:02 (Luis)": the latest attempt at a node, on its card. The
 * panel passes everyone with a row (Directory.everyone), those who left or were deleted included:
 * the attempt may be about someone no longer called, who is still someone; only a person with no
 * row here at all is "no longer in the directory".
 */
export function lastAttemptText(last: CallAttempt, byId: ReadonlyMap<string, { name: string }>, t: Translate, time: (at: string) => string): string {
  const name = (last.personId !== null && byId.get(last.personId)?.name) || t('trees.node.unknownPerson');
  return t('callTree.lastAttempt', { name, outcome: t(attemptOutcomeLabel(last)), at: time(last.at), by: authorLabel(last.by, t) });
}

/**
 * "Ana Ortega: no answer in 5:00, moved on to Ben Ruiz": how a node stopped calling someone, on
 * the card of the person it calls now. `name` is theirs as the card shows it (someone deleted
 * since is still someone who was called).
 */
export function movedOnText(move: MovedOnFrom, name: string, minutes: number, t: Translate): string {
  const to = move.movedTo?.name;
  if (!move.endedTurn) return t('callTree.earlier.ruledOutAhead', { name, outcome: t(OUTCOME_LABEL[move.endedBy.outcome]) });
  // Moved on to someone today's directory no longer lists (deleted since): it did move on, to whom is not known here.
  if (move.endedBy.outcome === 'escalated') {
    const time = formatCountdown(minutes * 60_000);
    return to ? t('callTree.earlier.timedOut', { name, time, to }) : move.gaveUp ? t('callTree.earlier.timedOutGaveUp', { name, time }) : t('callTree.earlier.timedOutMovedOn', { name, time });
  }
  const outcome = t(OUTCOME_LABEL[move.endedBy.outcome]);
  return to ? t('callTree.earlier.ruledOut', { name, outcome, to }) : move.gaveUp ? t('callTree.earlier.ruledOutGaveUp', { name, outcome }) : t('callTree.earlier.ruledOutMovedOn', { name, outcome });
}
