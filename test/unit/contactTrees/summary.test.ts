import { describe, expect, it } from 'vitest';
import { callTreeStatus, type CallTreeStatusInput } from '../../../shared/contactTrees';
import type { Incident } from '../../../shared/domain';
import { attempt, MIN, person, personNode, roleNode, tree } from './fixtures';

const DECLARED = Date.parse('2026-05-11T08:00:00.000Z');
const ACTIVATED = DECLARED + 5 * MIN;

const incident = (fields: Partial<Incident> = {}): CallTreeStatusInput['incident'] => ({
  clock: { contactTreeId: '001778486400000-0000-dev1', contactTreeActivatedAt: '001778486400000-0000-dev1' },
  declaredAt: new Date(DECLARED).toISOString(),
  contactTreeId: 'tree-1',
  contactTreeActivatedAt: new Date(ACTIVATED).toISOString(),
  ...fields,
});

// Lucía (backup Luis) at the top; Carla and the legal role under her.
const people = [
  person('lucia', { name: 'Lucía', backupId: 'luis' }),
  person('luis', { name: 'Luis' }),
  person('carla', { name: 'Carla' }),
  person('dani', { name: 'Dani', roles: ['legal'] }),
];
const main = tree([personNode('top', 'lucia', null, 0, 10), personNode('carla', 'carla', 'top', 0), roleNode('legal', 'legal', 'top', 1)]);
const status = (input: Partial<CallTreeStatusInput>) => callTreeStatus({ incident: incident(), tree: main, people, attempts: [], now: ACTIVATED + MIN, ...input });

describe('the call tree in the summary', () => {
  it('says there is none when no tree was chosen', () => {
    expect(status({ incident: incident({ contactTreeId: null, contactTreeActivatedAt: null }), tree: null })).toEqual({ kind: 'none' });
  });

  it('says the chosen tree is missing when it was deleted, never stored here, or is another tree', () => {
    expect(status({ tree: null })).toEqual({ kind: 'missing', treeId: 'tree-1', activatedAt: ACTIVATED });
    expect(status({ tree: undefined })).toMatchObject({ kind: 'missing' });
    expect(status({ tree: { ...main, deleted: true } })).toMatchObject({ kind: 'missing' });
    expect(status({ tree: tree(main.nodes, 'tree-2') })).toMatchObject({ kind: 'missing', treeId: 'tree-1' });
  });

  it('says a tree only preselected (by the playbook) was chosen and nobody called through it, whatever attempts exist', () => {
    const chosen = incident({ contactTreeActivatedAt: null, clock: { contactTreeId: 'x', contactTreeActivatedAt: 'x' } });
    expect(status({ incident: chosen, attempts: [attempt('top', 'lucia', 'reached', ACTIVATED)] })).toEqual({ kind: 'chosen', treeId: 'tree-1', treeName: 'Tree' });
  });

  it('counts a running tree with nobody reached, and names who to call now', () => {
    const s = status({});
    expect(s).toMatchObject({ kind: 'running', treeName: 'Tree', activatedAt: ACTIVATED, counts: { total: 3, reached: 0, pending: 3, failed: 0 } });
    if (s.kind !== 'running') return;
    expect(s.toReach.map((p) => [p.node.id, p.person.name, p.backup])).toEqual([['top', 'Lucía', false]]);
  });

  it('moves to the backup after the time runs out, and opens the branches once someone is reached', () => {
    const late = status({ now: ACTIVATED + 11 * MIN, attempts: [attempt('top', 'lucia', 'escalated', ACTIVATED + 10 * MIN)] });
    expect(late.kind === 'running' && late.toReach.map((p) => [p.person.name, p.backup])).toEqual([['Luis', true]]);
    const reached = status({ now: ACTIVATED + 12 * MIN, attempts: [attempt('top', 'lucia', 'escalated', ACTIVATED + 10 * MIN), attempt('top', 'luis', 'reached', ACTIVATED + 11 * MIN)] });
    expect(reached).toMatchObject({ counts: { total: 3, reached: 1, pending: 2, failed: 0 } });
    expect(reached.kind === 'running' && reached.toReach.map((p) => [p.node.id, p.person.name, p.backup])).toEqual([['carla', 'Carla', false], ['legal', 'Dani', false]]);
  });

  it('counts the failed, and has nobody left to reach once everyone was reached or tried', () => {
    const calls = [
      attempt('top', 'lucia', 'reached', ACTIVATED + MIN),
      attempt('carla', 'carla', 'wrong-number', ACTIVATED + 2 * MIN),
      attempt('legal', 'dani', 'reached', ACTIVATED + 3 * MIN),
    ];
    const s = status({ now: ACTIVATED + 4 * MIN, attempts: calls });
    expect(s).toMatchObject({ kind: 'running', counts: { total: 3, reached: 2, pending: 0, failed: 1 }, toReach: [] });
  });

  it('ignores attempts from before the (re)activation and those of another tree', () => {
    const old = [attempt('top', 'lucia', 'reached', ACTIVATED - MIN), attempt('top', 'lucia', 'reached', ACTIVATED + MIN, { treeId: 'tree-2' })];
    expect(status({ attempts: old })).toMatchObject({ counts: { reached: 0, pending: 3 } });
  });

  it('counts an empty tree as nothing to do rather than failing', () => {
    expect(status({ tree: tree([]) })).toMatchObject({ kind: 'running', counts: { total: 0, reached: 0, pending: 0, failed: 0 }, toReach: [] });
  });
});
