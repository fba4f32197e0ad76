import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { isGiveUp, lateReaches, movesOn, runCallTree, treeActivatedAt, type CallTreeRun, type MovedOnFrom } from '@shared/contactTrees';
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
  escalated: 'callTree.event.escalated',
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
  ) {
    super(entries);
  }
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
  // Without a reach and a record that moved a node on, there is no late reach to look for.
  const incidentId = useMemo(() => (calls.some((c) => c.outcome === 'reached') && calls.some((c) => movesOn(c.outcome)) ? calls[0]!.incidentId : null), [calls]);
  return useLiveQuery(async () => {
    const names = new Map((await db.people.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
    if (incidentId === null) return new CallNames(names);
    const incident = await db.incidents.get(incidentId);
    const activatedAt = incident ? treeActivatedAt(incident) : null;
    const tree = incident?.contactTreeId ? await db.contactTrees.get(incident.contactTreeId) : undefined;
    if (activatedAt === null || !tree || tree.deleted) return new CallNames(names);
    const run = runCallTree({ tree, people: await db.people.toArray(), attempts: calls, activatedAt, now: Date.now() });
    return new CallNames(names, lateReachTargets(run));
  }, [db, ids, incidentId, calls]);
}

/**
 * A call attempt as a timeline line: "called Ana Ortega: no answer"; an escalation that gave up
 * says so; a reach after the node moved on from the person says to whom it had moved.
 */
export function callEventText(call: CallAttempt, names: CallNames | undefined, t: Translate): string {
  const person = (call.personId && names?.get(call.personId)) || t('trees.node.unknownPerson');
  const late = names?.lateReaches.get(call.id);
  if (late !== undefined) return late ? t('callTree.event.reachedAfterMove', { person, to: late }) : t('callTree.event.reachedLate', { person });
  return t(isGiveUp(call) ? 'callTree.event.gaveUp' : EVENT[call.outcome], { person });
}

/** The outcome of an attempt in a word or two ("No answer", "Nobody else to call"), for the call panel. */
export function attemptOutcomeLabel(call: Pick<CallAttempt, 'outcome' | 'note'>): MessageId {
  return isGiveUp(call) ? 'callTree.outcome.gaveUp' : OUTCOME_LABEL[call.outcome];
}

/**
 * "Last: Ana Ortega, No answer at 10:02 (Luis)": the latest attempt at a node, on its card. The
 * name comes from the whole directory (`byId`, see directoryOf), those who left included: the
 * attempt may be about someone no longer called, who is still someone; only a deleted person is
 * "no longer in the directory".
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
  if (move.endedBy.outcome === 'escalated') {
    const time = formatCountdown(minutes * 60_000);
    return to ? t('callTree.earlier.timedOut', { name, time, to }) : t('callTree.earlier.timedOutGaveUp', { name, time });
  }
  const outcome = t(OUTCOME_LABEL[move.endedBy.outcome]);
  return to ? t('callTree.earlier.ruledOut', { name, outcome, to }) : t('callTree.earlier.ruledOutGaveUp', { name, outcome });
}
