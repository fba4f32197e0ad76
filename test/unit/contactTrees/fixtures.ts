import type { CallAttempt, ContactTree, Person } from '../../../shared/domain';
import type { TreeNode } from '../../../shared/contactTrees';

export function person(id: string, fields: Partial<Person> = {}): Person {
  return {
    id,
    clock: {},
    deleted: false,
    name: fields.name ?? `Person ${id}`,
    roles: [],
    phones: ['+34 600 000 000'],
    email: '',
    timeZone: 'UTC',
    workingHours: null,
    backupId: null,
    notes: '',
    verifiedAt: '2026-03-01T00:00:00.000Z',
    left: false,
    ...fields,
  };
}

export function personNode(id: string, personId: string, parentId: string | null = null, order = 0, escalateAfterMinutes = 10): TreeNode {
  return { id, parentId, order, target: { kind: 'person', personId }, escalateAfterMinutes };
}

export function roleNode(id: string, role: string, parentId: string | null = null, order = 0, escalateAfterMinutes = 10): TreeNode {
  return { id, parentId, order, target: { kind: 'role', role }, escalateAfterMinutes };
}

export function tree(nodes: TreeNode[], id = 'tree-1'): ContactTree {
  return { id, clock: {}, deleted: false, name: 'Tree', nodes };
}

let n = 0;
export function attempt(nodeId: string, personId: string | null, outcome: CallAttempt['outcome'], at: string | number, fields: Partial<CallAttempt> = {}): CallAttempt {
  n += 1;
  return {
    id: `att-${String(n).padStart(6, '0')}`,
    incidentId: 'inc-1',
    treeId: 'tree-1',
    nodeId,
    personId,
    outcome,
    by: 'ana',
    at: typeof at === 'number' ? new Date(at).toISOString() : at,
    note: '',
    dueAt: null,
    ...fields,
  };
}

export const MIN = 60_000;

/** A small directory: Lucía backed by Luis, Ana backed by Ben, and two holders of the role legal. */
export const samplePeople: Person[] = [
  person('lead', { name: 'Lucía', backupId: 'lead2' }),
  person('lead2', { name: 'Luis' }),
  person('ana', { name: 'Ana', backupId: 'ben' }),
  person('ben', { name: 'Ben' }),
  person('carla', { name: 'Carla', roles: ['legal'] }),
  person('dani', { name: 'Dani', roles: ['legal'] }),
];
