import { useLiveQuery } from 'dexie-react-hooks';
import { useIntl } from 'react-intl';
import { chainOf, directoryOf, runCallTree, treeActivatedAt } from '@shared/contactTrees';
import type { CallAttempt, ContactTree, Incident, Person } from '@shared/domain';
import { isOpen } from '@shared/incidents/statusMachine';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';

/** One open incident's running tree, with what runCallTree needs. */
export interface RunningTree {
  incident: Pick<Incident, 'id' | 'title'>;
  tree: Pick<ContactTree, 'id' | 'nodes'>;
  attempts: readonly CallAttempt[];
  activatedAt: number;
}

/**
 * The titles of the incidents whose running call tree still has a node to settle (waiting or being
 * called) that involves the person: as the node's person, in its backup chain, or holding the role
 * it names. Deleting them changes whom those nodes call; a node already reached or given up on is
 * not affected, so it does not count.
 */
export function incidentsInvolving(personId: string, running: readonly RunningTree[], people: readonly Person[], now: number): string[] {
  const directory = directoryOf(people);
  return running.flatMap(({ incident, tree, attempts, activatedAt }) => {
    const run = runCallTree({ tree, people, attempts, activatedAt, now });
    const involved = run.nodes.some((n) => (n.state === 'pending' || n.state === 'calling' || n.state === 'escalated') && chainOf(n.node, directory, n.openedAt ?? now).some((p) => p.id === personId));
    return involved ? [incident.title] : [];
  });
}

/** The open incidents (titles) whose running call tree involves the person (see incidentsInvolving), live. */
export function useIncidentsInvolving(personId: string): string[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const running: RunningTree[] = [];
    for (const incident of await db.incidents.toArray()) {
      const activatedAt = !incident.deleted && isOpen(incident.status) ? treeActivatedAt(incident) : null;
      if (activatedAt === null || !incident.contactTreeId) continue;
      const tree = await db.contactTrees.get(incident.contactTreeId);
      if (!tree || tree.deleted) continue;
      const attempts = await db.callAttempts.where('[incidentId+at]').between([incident.id, ''], [incident.id, '\uffff']).toArray();
      running.push({ incident, tree, attempts, activatedAt });
    }
    if (running.length === 0) return [];
    return incidentsInvolving(personId, running, await db.people.toArray(), Date.now());
  }, [db, personId]);
}

/** In the confirmation to delete someone: a line saying which open incidents are calling them through their tree. */
export function RunningTreeDeleteWarning({ person }: { person: Pick<Person, 'id' | 'name'> }) {
  const t = useT();
  const intl = useIntl();
  const incidents = useIncidentsInvolving(person.id);
  if (!incidents || incidents.length === 0) return null;
  return (
    <strong className="small" style={{ display: 'block' }} data-testid="delete-running-tree-warning">
      {t('callTree.deleteWarning', { name: person.name, incidents: intl.formatList(incidents, { type: 'conjunction' }) })}
    </strong>
  );
}
