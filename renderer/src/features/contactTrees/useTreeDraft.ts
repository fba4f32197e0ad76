import { useCallback, useEffect, useRef, useState } from 'react';
import type { TreeNode } from '@shared/contactTrees';
import type { ContactTree } from '@shared/domain';
import { MutationError } from '@shared/mutations/error';
import { sameJson } from '@shared/mutators/common';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { normalize } from './treeEdit';

/**
 * The editor's copy of a tree's nodes. Edits apply to it at once, so keys pressed in quick
 * succession each see the result of the one before, and are saved in the background: one write at
 * a time, and while one is under way only the latest state waits (a burst of edits is one more
 * write, not one per key). A change that arrives from elsewhere (another window, sync) replaces
 * the copy only when nothing of ours is waiting to be saved.
 */
export function useTreeDraft(tree: ContactTree) {
  const t = useT();
  const { mutate } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const [nodes, setNodes] = useState<TreeNode[]>(() => normalize(tree.nodes));
  const saved = useRef<TreeNode[]>(tree.nodes);
  const pending = useRef<TreeNode[] | null>(null);
  const writing = useRef(false);
  const stored = useRef(tree.nodes);

  useEffect(() => {
    stored.current = tree.nodes;
    if (writing.current || pending.current || sameJson(tree.nodes, saved.current)) return;
    saved.current = tree.nodes;
    setNodes(normalize(tree.nodes));
  }, [tree.nodes]);

  const flush = useCallback(async () => {
    writing.current = true;
    try {
      while (pending.current) {
        const next = pending.current;
        pending.current = null;
        saved.current = next;
        await mutate('contactTree.update', { id: tree.id, fields: { nodes: next } });
      }
    } catch (error) {
      // Nothing was written: show what is stored again rather than an edit that is not saved.
      pending.current = null;
      saved.current = stored.current;
      setNodes(normalize(stored.current));
      announce(t('trees.saveFailed', { reason: error instanceof MutationError ? error.message : String(error) }), 'error');
    } finally {
      writing.current = false;
    }
  }, [mutate, tree.id, announce, t]);

  const commit = useCallback(
    (next: TreeNode[]) => {
      setNodes(next);
      pending.current = next;
      if (!writing.current) void flush();
    },
    [flush],
  );

  return { nodes, commit };
}
