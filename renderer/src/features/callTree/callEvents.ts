import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { isGiveUp } from '@shared/contactTrees';
import type { CallAttempt } from '@shared/domain';
import { useServices } from '../../app/services';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { OUTCOME_LABEL } from '../contactTrees/labels';

const EVENT: Record<CallAttempt['outcome'], MessageId> = {
  reached: 'callTree.event.reached',
  voicemail: 'callTree.event.voicemail',
  'no-answer': 'callTree.event.no-answer',
  'wrong-number': 'callTree.event.wrong-number',
  unavailable: 'callTree.event.unavailable',
  escalated: 'callTree.event.escalated',
};

/** The names of the people called, live, for the timeline (deleted people keep their name there). */
export function useCallNames(calls: readonly CallAttempt[]): Map<string, string> | undefined {
  const { db } = useServices();
  const ids = useMemo(() => [...new Set(calls.flatMap((c) => (c.personId ? [c.personId] : [])))], [calls]);
  return useLiveQuery(async () => new Map((await db.people.bulkGet(ids)).flatMap((p) => (p ? [[p.id, p.name] as const] : []))), [db, ids]);
}

/** A call attempt as a timeline line: "called Ana Ortega: no answer"; an escalation that gave up says so. */
export function callEventText(call: CallAttempt, names: Map<string, string> | undefined, t: Translate): string {
  const person = (call.personId && names?.get(call.personId)) || t('trees.node.unknownPerson');
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
  return t('callTree.lastAttempt', { name, outcome: t(attemptOutcomeLabel(last)), at: time(last.at), by: last.by });
}
