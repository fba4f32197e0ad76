import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { branchHeads, childrenByParent, descendantIds, walkTree, type TreeNode } from '../../../shared/contactTrees';
import { personNode } from './fixtures';

const ids = (nodes: TreeNode[]) => walkTree(nodes).map((p) => `${'  '.repeat(p.depth)}${p.node.id}`);

/** Any node list: parents drawn from the same ids (cycles, self-parents), missing ones, repeats. */
const anyNodes = fc
  .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), { maxLength: 10 })
  .chain((names) =>
    fc.array(
      fc.record({
        id: names.length > 0 ? fc.constantFrom(...names) : fc.constant('a'),
        parentId: fc.option(fc.constantFrom(...names, 'missing'), { nil: null }),
        order: fc.integer({ min: -3, max: 3 }),
      }),
      { maxLength: 14 },
    ),
  )
  .map((rows) => rows.map((r) => personNode(r.id, 'p', r.parentId, r.order)));

describe('walking a tree', () => {
  it('goes depth first, each node before its children, siblings by order then id', () => {
    const nodes = [
      personNode('c2', 'p', 'b', 1),
      personNode('b', 'p', 'root', 0),
      personNode('root', 'p', null, 0),
      personNode('c1', 'p', 'b', 0),
      personNode('d', 'p', 'root', 1),
      personNode('e', 'p', 'root', 1),
      personNode('other', 'p', null, 5),
    ];
    expect(ids(nodes)).toEqual(['root', '  b', '    c1', '    c2', '  d', '  e', 'other']);
  });

  it('keeps a node whose parent is missing or itself, and breaks a parent cycle, as top nodes', () => {
    const nodes = [personNode('x', 'p', 'gone', 1), personNode('self', 'p', 'self', 2), personNode('a', 'p', 'b', 3), personNode('b', 'p', 'a', 4)];
    expect(ids(nodes)).toEqual(['x', 'self', 'a', '  b']);
  });

  it('keeps the first node of a repeated id', () => {
    expect(walkTree([personNode('a', 'p1'), personNode('a', 'p2')]).map((p) => p.node.target)).toEqual([{ kind: 'person', personId: 'p1' }]);
  });

  it('walks a very deep tree without overflowing the stack', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => personNode(`n${i}`, 'p', i === 0 ? null : `n${i - 1}`));
    const placed = walkTree(nodes);
    expect(placed).toHaveLength(20_000);
    expect(placed.at(-1)!.depth).toBe(19_999);
  });

  test.prop([anyNodes])('places every distinct node exactly once, after its parent, one level below it', (nodes) => {
    const placed = walkTree(nodes);
    expect(placed.map((p) => p.node.id).sort()).toEqual([...new Set(nodes.map((n) => n.id))].sort());
    const position = new Map(placed.map((p, i) => [p.node.id, i]));
    for (const p of placed) {
      if (p.parentId === null) expect(p.depth).toBe(0);
      else {
        expect(position.get(p.parentId)!).toBeLessThan(position.get(p.node.id)!);
        expect(placed[position.get(p.parentId)!]!.depth).toBe(p.depth - 1);
      }
    }
  });

  test.prop([anyNodes])('does not depend on the order the nodes are stored in', (nodes) => {
    const unique = [...new Map(nodes.map((n) => [n.id, n])).values()];
    expect(walkTree([...unique].reverse())).toEqual(walkTree(unique));
  });
});

describe('descendants and branches', () => {
  const nodes = [
    personNode('root', 'p'),
    personNode('a', 'p', 'root', 0),
    personNode('a1', 'p', 'a', 0),
    personNode('a2', 'p', 'a', 1),
    personNode('b', 'p', 'root', 1),
  ];

  it('groups nodes by the parent they hang from, in order', () => {
    const groups = childrenByParent(walkTree([...nodes, personNode('lost', 'p', 'gone', 9)]));
    expect([...groups].map(([parent, kids]) => [parent, kids.map((k) => k.node.id)])).toEqual([
      [null, ['root', 'lost']],
      ['root', ['a', 'b']],
      ['a', ['a1', 'a2']],
    ]);
  });

  it('lists a node\'s descendants', () => {
    const placed = walkTree(nodes);
    expect([...descendantIds(placed, 'a')]).toEqual(['a1', 'a2']);
    expect([...descendantIds(placed, 'root')]).toEqual(['a', 'a1', 'a2', 'b']);
    expect(descendantIds(placed, 'b').size).toBe(0);
    expect(descendantIds(placed, 'nope').size).toBe(0);
  });

  it('with one top node, branches are the subtrees under it; with several, one per top node', () => {
    expect(Object.fromEntries(branchHeads(walkTree(nodes)))).toEqual({ a: 'a', a1: 'a', a2: 'a', b: 'b' });
    const forest = [personNode('x', 'p', null, 0), personNode('x1', 'p', 'x'), personNode('y', 'p', null, 1)];
    expect(Object.fromEntries(branchHeads(walkTree(forest)))).toEqual({ x: 'x', x1: 'x', y: 'y' });
    expect(Object.fromEntries(branchHeads(walkTree([personNode('solo', 'p')])))).toEqual({ solo: 'solo' });
  });
});
