import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { descendantIds, walkTree, type TreeNode } from '../../../shared/contactTrees';
import { addNode, indent, isUnderPerson, moveAmongSiblings, normalize, outdent, possibleParents, removeNode, reparent, setEscalation } from '../../../renderer/src/features/contactTrees/treeEdit';
import { personNode, roleNode } from './fixtures';

/** The tree as an outline: one line per node, indented by depth. */
const outline = (nodes: readonly TreeNode[]) => walkTree(nodes).map((p) => `${'  '.repeat(p.depth)}${p.node.id}`);
const base = normalize([
  personNode('top', 'p'),
  personNode('a', 'p', 'top', 0),
  personNode('a1', 'p', 'a', 0),
  personNode('b', 'p', 'top', 1),
  personNode('c', 'p', 'top', 2),
]);

describe('editing a tree', () => {
  it('adds a node last under its parent, or last at the top', () => {
    expect(outline(addNode(base, { id: 'new', target: { kind: 'role', role: 'legal' }, escalateAfterMinutes: 5 }, 'a'))).toEqual(['top', '  a', '    a1', '    new', '  b', '  c']);
    expect(outline(addNode(base, { id: 'new', target: { kind: 'role', role: 'legal' }, escalateAfterMinutes: 5 }, null))).toEqual(['top', '  a', '    a1', '  b', '  c', 'new']);
    expect(outline(addNode(base, { id: 'new', target: { kind: 'role', role: 'legal' }, escalateAfterMinutes: 5 }, 'gone')).at(-1)).toBe('new');
  });

  it('moves among siblings, with its children, and says when it cannot', () => {
    const down = moveAmongSiblings(base, 'a', 1);
    expect(down.moved).toBe(true);
    expect(outline(down.nodes)).toEqual(['top', '  b', '  a', '    a1', '  c']);
    expect(moveAmongSiblings(base, 'a', -1)).toEqual({ nodes: base, moved: false });
    expect(moveAmongSiblings(base, 'c', 1).moved).toBe(false);
    expect(moveAmongSiblings(base, 'top', 1).moved).toBe(false);
  });

  it('indents under the sibling above (last among its children) and outdents to right after the parent', () => {
    const inB = indent(base, 'c');
    expect(outline(inB.nodes)).toEqual(['top', '  a', '    a1', '  b', '    c']);
    expect(outline(indent(base, 'b').nodes)).toEqual(['top', '  a', '    a1', '    b', '  c']);
    expect(indent(base, 'a').moved).toBe(false);
    const out = outdent(base, 'a1');
    expect(outline(out.nodes)).toEqual(['top', '  a', '  a1', '  b', '  c']);
    expect(outline(outdent(base, 'a').nodes)).toEqual(['top', '  b', '  c', 'a', '  a1']);
    expect(outdent(base, 'top').moved).toBe(false);
  });

  it('re-parents anywhere except under itself or its own descendants', () => {
    expect(outline(reparent(base, 'c', 'a1').nodes)).toEqual(['top', '  a', '    a1', '      c', '  b']);
    expect(outline(reparent(base, 'a', null).nodes)).toEqual(['top', '  b', '  c', 'a', '  a1']);
    expect(reparent(base, 'a', 'a1').moved).toBe(false);
    expect(reparent(base, 'a', 'a').moved).toBe(false);
    expect(reparent(base, 'a', 'top').moved).toBe(false);
    expect(possibleParents(base, 'a').map((n) => n.id)).toEqual(['top', 'b', 'c']);
  });

  it('removes a node and puts its children in its place', () => {
    expect(outline(removeNode(base, 'a'))).toEqual(['top', '  a1', '  b', '  c']);
    expect(outline(removeNode(base, 'top'))).toEqual(['a', '  a1', 'b', 'c']);
    expect(removeNode(base, 'nope')).toEqual(base);
  });

  it('sets the minutes before escalation of one node', () => {
    expect(setEscalation(base, 'b', 3).find((n) => n.id === 'b')!.escalateAfterMinutes).toBe(3);
  });

  it('repairs a damaged list: missing parents and cycles become top nodes, orders become 0, 1, 2…', () => {
    const damaged = [personNode('x', 'p', 'gone', 7), personNode('y', 'p', 'z', 3), personNode('z', 'p', 'y', 9)];
    const fixed = normalize(damaged);
    expect(fixed.map((n) => [n.id, n.parentId, n.order])).toEqual([['x', null, 0], ['y', null, 1], ['z', 'y', 0]]);
  });
});

const ids = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7'];
const anyTree = fc
  .array(fc.record({ parent: fc.option(fc.nat({ max: 7 }), { nil: null }), order: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 8 })
  .map((rows) => normalize(rows.map((r, i) => personNode(ids[i]!, 'p', r.parent === null ? null : ids[r.parent]!, r.order))));
const anEdit = fc.oneof(
  fc.record({ op: fc.constant('up' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('down' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('outdent' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('reparent' as const), at: fc.nat(), to: fc.option(fc.nat(), { nil: null }) }),
);

function apply(nodes: TreeNode[], edit: { op: string; at: number; to?: number | null }) {
  const id = nodes[edit.at % nodes.length]!.id;
  switch (edit.op) {
    case 'up': return moveAmongSiblings(nodes, id, -1);
    case 'down': return moveAmongSiblings(nodes, id, 1);
    case 'indent': return indent(nodes, id);
    case 'outdent': return outdent(nodes, id);
    default: return reparent(nodes, id, edit.to === null || edit.to === undefined ? null : nodes[edit.to % nodes.length]!.id);
  }
}

describe('tree edits, for any tree', () => {
  test.prop([anyTree, fc.array(anEdit, { maxLength: 12 })])('keep every node once, in a well-formed tree (parents placed, orders 0…n)', (start, edits) => {
    let nodes = start;
    for (const edit of edits) {
      nodes = apply(nodes, edit).nodes;
      expect(nodes.map((n) => n.id).sort()).toEqual(start.map((n) => n.id).sort());
      expect(walkTree(nodes).map((p) => [p.node.id, p.parentId])).toEqual(nodes.map((n) => [n.id, n.parentId]));
      const bySibling = new Map<string | null, number[]>();
      for (const n of nodes) bySibling.set(n.parentId, [...(bySibling.get(n.parentId) ?? []), n.order]);
      for (const orders of bySibling.values()) expect(orders).toEqual(orders.map((_, i) => i));
    }
  });

  test.prop([anyTree, fc.nat()])('indent then outdent, and down then up, put a node back where it was', (nodes, at) => {
    const id = nodes[at % nodes.length]!.id;
    const inward = indent(nodes, id);
    if (inward.moved) expect(outdent(inward.nodes, id).nodes).toEqual(nodes);
    const down = moveAmongSiblings(nodes, id, 1);
    if (down.moved) expect(moveAmongSiblings(down.nodes, id, -1).nodes).toEqual(nodes);
  });

  test.prop([anyTree, fc.nat()])('removing a node keeps all the others; what was below it moves one level up, the rest stays', (nodes, at) => {
    const id = nodes[at % nodes.length]!.id;
    const placed = walkTree(nodes);
    const before = new Map(placed.map((p) => [p.node.id, p.depth]));
    const below = descendantIds(placed, id);
    const after = removeNode(nodes, id);
    expect(after.map((n) => n.id).sort()).toEqual(nodes.map((n) => n.id).filter((x) => x !== id).sort());
    for (const p of walkTree(after)) expect(p.depth).toBe(before.get(p.node.id)! - (below.has(p.node.id) ? 1 : 0));
  });
});

describe('a person under themselves', () => {
  const nodes = [personNode('top', 'lucia'), roleNode('r', 'legal', 'top'), personNode('c', 'carla', 'r'), personNode('other', 'luis')];

  it('is refused at any depth below their own node, not elsewhere', () => {
    expect(isUnderPerson(nodes, 'lucia', 'top')).toBe(true);
    expect(isUnderPerson(nodes, 'lucia', 'c')).toBe(true);
    expect(isUnderPerson(nodes, 'carla', 'c')).toBe(true);
    expect(isUnderPerson(nodes, 'lucia', 'other')).toBe(false);
    expect(isUnderPerson(nodes, 'lucia', null)).toBe(false);
    expect(isUnderPerson(nodes, 'luis', 'c')).toBe(false);
    expect(isUnderPerson(nodes, 'lucia', 'missing')).toBe(false);
  });

  it('stops on a damaged list (a parent cycle) as the walk places it', () => {
    const cycle = [personNode('a', 'x', 'b'), personNode('b', 'y', 'a')];
    expect(isUnderPerson(cycle, 'z', 'a')).toBe(false);
    expect(isUnderPerson(cycle, 'x', 'b')).toBe(true);
  });
});
