import type { ContactTree } from '../domain';

export type TreeNode = ContactTree['nodes'][number];

/** A node where the walk put it: its depth and the parent it actually hangs from. */
export interface PlacedNode {
  node: TreeNode;
  depth: number;
  /** The parent the walk used: null for a top node, and for a node whose parent is missing. */
  parentId: string | null;
}

/** Siblings in their order, ties broken by id so every machine shows the same tree. */
export function compareSiblings(a: TreeNode, b: TreeNode): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The tree in calling order: depth first, each node before its children, siblings by their order.
 *
 * The node list is one last-writer-wins field that can arrive from any machine, so it is read
 * defensively: a repeated id keeps its first node, a node whose parent is missing (or is itself) is
 * a top node, and nodes caught in a parent cycle (unreachable from any top node) are placed as top
 * nodes too, so every node appears exactly once and nothing in a tree is ever silently dropped.
 */
export function walkTree(nodes: readonly TreeNode[]): PlacedNode[] {
  const byId = new Map<string, TreeNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const children = new Map<string | null, TreeNode[]>();
  for (const node of byId.values()) {
    const parent = node.parentId !== null && node.parentId !== node.id && byId.has(node.parentId) ? node.parentId : null;
    const list = children.get(parent);
    if (list) list.push(node);
    else children.set(parent, [node]);
  }
  for (const list of children.values()) list.sort(compareSiblings);

  const out: PlacedNode[] = [];
  const seen = new Set<string>();
  const visit = (top: TreeNode) => {
    // An explicit stack rather than recursion: a deep tree must not overflow the call stack.
    const stack: { node: TreeNode; depth: number; parentId: string | null }[] = [{ node: top, depth: 0, parentId: null }];
    while (stack.length > 0) {
      const entry = stack.pop()!;
      if (seen.has(entry.node.id)) continue;
      seen.add(entry.node.id);
      out.push(entry);
      const kids = children.get(entry.node.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i -= 1) stack.push({ node: kids[i]!, depth: entry.depth + 1, parentId: entry.node.id });
    }
  };
  for (const top of children.get(null) ?? []) visit(top);
  if (seen.size < byId.size) {
    for (const node of [...byId.values()].sort(compareSiblings)) if (!seen.has(node.id)) visit(node);
  }
  return out;
}

/** The placed nodes grouped by the parent they hang from (null: the top), each group in order. */
export function childrenByParent(placed: readonly PlacedNode[]): Map<string | null, PlacedNode[]> {
  const out = new Map<string | null, PlacedNode[]>();
  for (const p of placed) {
    const list = out.get(p.parentId);
    if (list) list.push(p);
    else out.set(p.parentId, [p]);
  }
  return out;
}

/** The ids of a node's descendants (not the node itself), as the walk places them. */
export function descendantIds(placed: readonly PlacedNode[], id: string): Set<string> {
  const out = new Set<string>();
  const start = placed.findIndex((p) => p.node.id === id);
  if (start < 0) return out;
  // In a pre-order walk a node's descendants are exactly the run of deeper nodes right after it.
  for (let i = start + 1; i < placed.length && placed[i]!.depth > placed[start]!.depth; i += 1) out.add(placed[i]!.node.id);
  return out;
}

/**
 * Which branch each node belongs to. A tree usually has one person at the top, who starts the
 * calls; its branches are the subtrees under that person. A tree with several top nodes has one
 * branch per top node. The head of a branch is its first node; the single top node is in none.
 */
export function branchHeads(placed: readonly PlacedNode[]): Map<string, string> {
  const tops = placed.filter((p) => p.depth === 0);
  const headDepth = tops.length === 1 && placed.some((p) => p.depth === 1) ? 1 : 0;
  const out = new Map<string, string>();
  let head: string | null = null;
  for (const p of placed) {
    if (p.depth < headDepth) {
      head = null;
      continue;
    }
    if (p.depth === headDepth) head = p.node.id;
    if (head !== null) out.set(p.node.id, head);
  }
  return out;
}
