import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { attemptAt, directoryOf, escalationAttempt, isSameEscalation, runCallTree, treeActivatedAt } from '@shared/contactTrees';
import type { Incident } from '@shared/domain';
import { MutationError } from '@shared/mutations/error';
import { isOpen } from '@shared/incidents/statusMachine';
import { useAnnouncer } from '../../app/announcer';
import { currentAuthor } from '../../app/author';
import { useClock, useTicking } from '../../app/clock';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { nodeLabel } from '../contactTrees/labels';
import { useTree } from '../contactTrees/useContactTrees';
import { usePeople } from '../people/usePeople';
import { useIncidentCalls } from './useIncidentCalls';

/**
 * The local escalation timers of every open incident with a call tree, whatever screen is open:
 * when someone's time runs out, Calma records the escalation (a call attempt "escalated"), which
 * moves the node to its next person, says so, and sends a desktop notification. Offline, no server.
 */
export function EscalationWatcher() {
  const { db } = useServices();
  // Only activated trees run: a tree the playbook preselected waits for someone to start it.
  const running = useLiveQuery(
    async () => (await db.incidents.toArray()).flatMap((i) => {
      const activatedAt = !i.deleted && isOpen(i.status) ? treeActivatedAt(i) : null;
      return activatedAt === null ? [] : [{ incident: i, activatedAt }];
    }),
    [db],
  );
  return <>{running?.map(({ incident, activatedAt }) => <IncidentEscalations key={incident.id} incident={incident} activatedAt={activatedAt} />)}</>;
}

function IncidentEscalations({ incident, activatedAt }: { incident: Incident; activatedAt: number }) {
  const t = useT();
  const { db, mutate, host } = useServices();
  const tree = useTree(incident.contactTreeId);
  const people = usePeople();
  const calls = useIncidentCalls(incident.id);
  const announce = useAnnouncer((s) => s.announce);
  // Records this window has already tried: a tick seen again while a write is under way is a no-op.
  const tried = useRef(new Set<string>());
  useTicking();

  // When the earliest open node runs out of time; the clock re-renders this only when it is reached.
  const earliest = useMemo(() => {
    if (!tree || !people || !calls) return null;
    // An open node's deadline does not depend on the time it is asked at: any `now` gives the same.
    const times = runCallTree({ tree, people, attempts: calls, activatedAt, now: activatedAt }).callNow.map((n) => n.escalateAt!);
    return times.length > 0 ? Math.min(...times) : null;
  }, [tree, people, calls, activatedAt]);
  const due = useClock((c) => earliest !== null && c.now >= earliest);

  useEffect(() => {
    if (!due || !tree || !people || !calls) return;
    const now = attemptAt(activatedAt, Date.now());
    const byId = directoryOf(people).byId;
    const run = runCallTree({ tree, people, attempts: calls, activatedAt, now: now.getTime() });
    for (const escalation of run.due) {
      const by = currentAuthor();
      const attempt = escalationAttempt(escalation, { incidentId: incident.id, treeId: tree.id, activatedAt, by, at: now });
      if (tried.current.has(attempt.id)) continue;
      tried.current.add(attempt.id);
      const node = run.nodes.find((n) => n.node.id === escalation.nodeId)!;
      const from = byId.get(escalation.fromPersonId)?.name ?? '';
      const label = nodeLabel(node.node, byId, t);
      const values = {
        incident: incident.title,
        node: label,
        // The node is named only when it says more than the person's name (a role, someone who left).
        showNode: label === from ? 'no' : 'yes',
        from,
        to: escalation.toPersonId ? (byId.get(escalation.toPersonId)?.name ?? '') : '',
        minutes: node.node.escalateAfterMinutes,
      };
      const message = escalation.toPersonId ? t('callTree.escalated', values) : t('callTree.gaveUp', values);
      mutate('call.record', { attempt }).then(
        () => {
          announce(message);
          void host.notify(t('callTree.notifyTitle', values), message).catch(() => false);
        },
        async (error: unknown) => {
          // Another window (or machine) recorded this escalation first: it happened once, as it should.
          if (error instanceof MutationError && error.code === 'conflict') {
            const stored = await db.callAttempts.get(attempt.id).catch(() => undefined);
            if (stored && isSameEscalation(stored, attempt)) return;
          }
          // Anything else leaves the node waiting on a time that has passed: say so, never swallow
          // it, and let the next change (a sync, a record, an edit) try again.
          tried.current.delete(attempt.id);
          console.error(error);
          announce(t('callTree.escalationFailed', { ...values, reason: error instanceof Error ? error.message : String(error) }), 'error');
        },
      );
    }
  }, [due, tree, people, calls, activatedAt, incident.id, incident.title, db, mutate, host, announce, t]);
  return null;
}
