import { describe, expect, it } from 'vitest';
import { incidentsInvolving, type RunningTree } from '../../../renderer/src/features/callTree/runningTreesOf';
import { attempt, MIN, person, personNode, roleNode, tree } from './fixtures';

/** Which open incidents to name when someone is about to be deleted from the directory. */
describe('the incidents whose running call tree involves a person', () => {
  const T0 = Date.parse('2026-05-11T08:00:00Z');
  const people = [
    person('ana', { name: 'Ana', backupId: 'bea' }),
    person('bea', { name: 'Bea' }),
    person('cris', { name: 'Cris', roles: ['legal'] }),
    person('dani', { name: 'Dani' }),
    person('eva', { name: 'Eva' }),
  ];
  const main = tree([personNode('n-ana', 'ana', null, 0, 5), roleNode('n-legal', 'legal', null, 1, 5), personNode('n-dani', 'dani', 'n-ana', 0, 5)]);
  const running = (title: string, attempts = [] as RunningTree['attempts']): RunningTree => ({ incident: { id: title, title }, tree: main, attempts, activatedAt: T0 });

  it('names the incidents where they are a node\'s person, in a backup chain, or hold a role a node names', () => {
    const both = [running('Fire'), running('Flood')];
    expect(incidentsInvolving('ana', both, people, T0 + MIN)).toEqual(['Fire', 'Flood']);
    expect(incidentsInvolving('bea', both, people, T0 + MIN)).toEqual(['Fire', 'Flood']);
    expect(incidentsInvolving('cris', both, people, T0 + MIN)).toEqual(['Fire', 'Flood']);
    // A node not open yet counts too: deleting Dani changes whom it will call.
    expect(incidentsInvolving('dani', both, people, T0 + MIN)).toEqual(['Fire', 'Flood']);
    expect(incidentsInvolving('eva', both, people, T0 + MIN)).toEqual([]);
  });

  it('leaves out a tree whose nodes involving them are settled', () => {
    const reached = running('Fire', [attempt('n-ana', 'ana', 'reached', T0 + MIN)]);
    expect(incidentsInvolving('bea', [reached, running('Flood')], people, T0 + 2 * MIN)).toEqual(['Flood']);
    expect(incidentsInvolving('dani', [reached], people, T0 + 2 * MIN)).toEqual(['Fire']);
  });
});
