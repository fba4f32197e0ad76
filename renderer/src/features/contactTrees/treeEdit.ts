import { compareSiblings, descendantIds, walkTree, type TreeNode } from '@shared/contactTrees';
import { moveBy } from '../playbooks/reorder';

/**
 * Edits of a contact tree's node list. Each returns a new list in calling order with every node's
 * parent and sibling order made explicit (0, 1, 2…), so a list that arrived damaged (a missing
 * parent, a cycle) is repaired by the first edit, and `moved` says whether anything changed so
 * the editor can say "already first" instead of pretending.
 */
export interface EditResult {
  nodes: TreeNode[];
  moved: boolean;
}

/** The list in calling order, each node's parentId as placed and its order its index among siblings. */
export function normalize(nodes: readonly TreeNode[]): TreeNode[] {
  const counters = new Map<string | null, number>();
  return walkTree(nodes).map(({ node, parentId }) => {
    const order = counters.get(parentId) ?? 0;
    counters.set(parentId, order + 1);
    return node.parentId === parentId && node.order === order ? node : { ...node, parentId, order };
  });
}

function childrenOf(nodes: readonly TreeNode[], parentId: string | null): TreeNode[] {
  return nodes.filter((n) => n.parentId === parentId).sort(compareSiblings);
}

/** Puts `node` under `parentId`, at `index` among its new siblings (the end by default). */
function place(nodes: readonly TreeNode[], node: TreeNode, parentId: string | null, index?: number): TreeNode[] {
  const rest = nodes.filter((n) => n.id !== node.id);
  const siblings = childrenOf(rest, parentId);
  siblings.splice(index ?? siblings.length, 0, { ...node, parentId });
  const order = new Map(siblings.map((s, i) => [s.id, i]));
  const moved = siblings.find((s) => s.id === node.id)!;
  return normalize([...rest.map((n) => (order.has(n.id) ? { ...n, order: order.get(n.id)! } : n)), { ...moved, order: order.get(node.id)! }]);
}

const unchanged = (nodes: readonly TreeNode[]): EditResult => ({ nodes: normalize(nodes), moved: false });

/** A new node, last under `parentId` (or last at the top). */
export function addNode(nodes: readonly TreeNode[], node: Omit<TreeNode, 'parentId' | 'order'>, parentId: string | null): TreeNode[] {
  const list = normalize(nodes);
  const parent = parentId !== null && list.some((n) => n.id === parentId) ? parentId : null;
  return place(list, { ...node, parentId: parent, order: Number.MAX_SAFE_INTEGER }, parent);
}

/**
 * Whether a node for `personId` placed under `parentId` would be below a node of the same person,
 * at any depth: they would be asked to call themselves, and the branch below them would wait on
 * someone already reached. The add form refuses it.
 */
export function isUnderPerson(nodes: readonly TreeNode[], personId: string, parentId: string | null): boolean {
  const placed = new Map(walkTree(nodes).map((p) => [p.node.id, p]));
  // The walk's parents never form a cycle, so this climbs to the top and stops.
  for (let id = parentId; id !== null; ) {
    const p = placed.get(id);
    if (!p) return false;
    if (p.node.target.kind === 'person' && p.node.target.personId === personId) return true;
    id = p.parentId;
  }
  return false;
}

/** Up (-1) or down (+1) among its siblings. */
export function moveAmongSiblings(nodes: readonly TreeNode[], id: string, delta: -1 | 1): EditResult {
  const list = normalize(nodes);
  const node = list.find((n) => n.id === id);
  if (!node) return unchanged(list);
  const siblings = childrenOf(list, node.parentId);
  const result = moveBy(siblings, siblings.indexOf(node), delta);
  if (!result.moved) return unchanged(list);
  const order = new Map(result.items.map((s, i) => [s.id, i]));
  return { nodes: normalize(list.map((n) => (order.has(n.id) ? { ...n, order: order.get(n.id)! } : n))), moved: true };
}

/** Under the sibling above it, as that sibling's last child (Alt+→). */
export function indent(nodes: readonly TreeNode[], id: string): EditResult {
  const list = normalize(nodes);
  const node = list.find((n) => n.id === id);
  if (!node) return unchanged(list);
  const siblings = childrenOf(list, node.parentId);
  const above = siblings[siblings.indexOf(node) - 1];
  if (!above) return unchanged(list);
  return { nodes: place(list, node, above.id), moved: true };
}

/** Out of its parent, right after it (Alt+←). Its own children come along. */
export function outdent(nodes: readonly TreeNode[], id: string): EditResult {
  const list = normalize(nodes);
  const node = list.find((n) => n.id === id);
  const parent = node?.parentId ? list.find((n) => n.id === node.parentId) : undefined;
  if (!node || !parent) return unchanged(list);
  const parentIndex = childrenOf(list, parent.parentId).indexOf(parent);
  return { nodes: place(list, node, parent.parentId, parentIndex + 1), moved: true };
}

/** The nodes a node may move under: any other node that is not below it. */
export function possibleParents(nodes: readonly TreeNode[], id: string): TreeNode[] {
  const placed = walkTree(nodes);
  const below = descendantIds(placed, id);
  return placed.map((p) => p.node).filter((n) => n.id !== id && !below.has(n.id));
}

/** Under another node (last among its children), or to the top (null). Refused under itself or its descendants. */
export function reparent(nodes: readonly TreeNode[], id: string, parentId: string | null): EditResult {
  const list = normalize(nodes);
  const node = list.find((n) => n.id === id);
  if (!node || node.parentId === parentId) return unchanged(list);
  if (parentId !== null && !possibleParents(list, id).some((n) => n.id === parentId)) return unchanged(list);
  return { nodes: place(list, node, parentId), moved: true };
}

/** Removes a node; its children take its place among its siblings, in their order. */
export function removeNode(nodes: readonly TreeNode[], id: string): TreeNode[] {
  const list = normalize(nodes);
  const node = list.find((n) => n.id === id);
  if (!node) return list;
  const siblings = childrenOf(list, node.parentId);
  const kids = childrenOf(list, node.id);
  const at = siblings.indexOf(node);
  const newOrder = [...siblings.slice(0, at), ...kids, ...siblings.slice(at + 1)];
  const order = new Map(newOrder.map((s, i) => [s.id, i]));
  return normalize(list.filter((n) => n.id !== id).map((n) => (order.has(n.id) ? { ...n, parentId: node.parentId, order: order.get(n.id)! } : n)));
}

export function setEscalation(nodes: readonly TreeNode[], id: string, minutes: number): TreeNode[] {
  return normalize(nodes.map((n) => (n.id === id ? { ...n, escalateAfterMinutes: minutes } : n)));
}
