import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { attemptAt, directoryOf, escalationAttempt, isSameEscalation, noticedLate, runCallTree, treeActivatedAt } from '@shared/contactTrees';
import { useIntl } from 'react-intl';
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
  const intl = useIntl();
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

  // A node still open that the directory has left with nobody to call (people deleted or gone
  // while it ran) gives up with no record to announce it: say so when it happens here, once.
  const open = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!tree || !people || !calls) return;
    const run = runCallTree({ tree, people, attempts: calls, activatedAt, now: Date.now() });
    const before = open.current;
    open.current = new Set(run.callNow.map((n) => n.node.id));
    if (before === null) return;
    const byId = directoryOf(people).everyone;
    for (const n of run.nodes) {
      if (before.has(n.node.id) && n.state === 'failed' && n.failReason === 'nobodyLeft') {
        announce(t('callTree.nodeNobodyLeft', { incident: incident.title, node: nodeLabel(n.node, byId, t) }), 'info', { join: true });
      }
    }
  }, [tree, people, calls, activatedAt, incident.title, announce, t]);

  useEffect(() => {
    if (!due || !tree || !people || !calls) return;
    const noticed = attemptAt(activatedAt, Date.now()).getTime();
    // Deleted people keep their name: the node moves on from someone who is still someone.
    const byId = directoryOf(people).everyone;
    const run = runCallTree({ tree, people, attempts: calls, activatedAt, now: noticed });
    const clock = (at: number | string) => intl.formatTime(at, { hour: '2-digit', minute: '2-digit' });
    // Recorded in the order the times ran out (see CallTreeRun.due), a millisecond apart, so the
    // timeline shows them in that order on every machine even when a late console records them at once.
    const writes = run.due.map((escalation, index) => {
      const attempt = escalationAttempt(escalation, { incidentId: incident.id, treeId: tree.id, activatedAt, by: currentAuthor(), at: new Date(noticed + index) });
      if (tried.current.has(attempt.id)) return Promise.resolve(null);
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
      const said = escalation.toPersonId ? t('callTree.escalated', values) : t('callTree.gaveUp', values);
      const late = noticedLate(attempt);
      const message = late === null ? said : `${said} ${t('callTree.event.noticedLate', { due: clock(late), at: clock(attempt.at) })}`;
      return mutate('call.record', { attempt }).then(
        () => message,
        async (error: unknown) => {
          // Another window (or machine) recorded this escalation first: it happened once, as it should.
          if (error instanceof MutationError && error.code === 'conflict') {
            const stored = await db.callAttempts.get(attempt.id).catch(() => undefined);
            if (stored && isSameEscalation(stored, attempt)) return null;
          }
          // Anything else leaves the node waiting on a time that has passed: say so, never swallow
          // it, and let the next change (a sync, a record, an edit) try again.
          tried.current.delete(attempt.id);
          console.error(error);
          announce(t('callTree.escalationFailed', { ...values, reason: error instanceof Error ? error.message : String(error) }), 'error', { join: true });
          return null;
        },
      );
    });
    // Several at once (a console waking up, nodes with the same deadline) are said together: one
    // toast that counts them and lists each on its own line, and one desktop notification.
    void Promise.all(writes).then((results) => {
      const said = results.filter((m): m is string => m !== null);
      if (said.length === 0) return;
      const heading = said.length === 1 ? null : t('callTree.escalatedMany', { incident: incident.title, count: said.length });
      // One announcement: the heading and its lines are kept, and dropped, together.
      announce(heading === null ? said : [heading, ...said], 'info', { join: true });
      void host.notify(t('callTree.notifyTitle', { incident: incident.title }), (heading === null ? said : [heading, ...said]).join('\n')).catch(() => false);
    });
  }, [due, tree, people, calls, activatedAt, incident.id, incident.title, db, mutate, host, announce, t, intl]);
  return null;
}
