import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { CallAttempt } from '@shared/domain';
import { useServices } from '../../app/services';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';

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

/** A call attempt as a timeline line: "called Ana Ortega: no answer". */
export function callEventText(call: CallAttempt, names: Map<string, string> | undefined, t: Translate): string {
  const person = (call.personId && names?.get(call.personId)) || t('trees.node.unknownPerson');
  return t(EVENT[call.outcome], { person });
}
