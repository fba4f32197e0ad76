import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { callSequence, descendantIds, directoryOf, treeWarnings, walkTree, childrenByParent } from '@shared/contactTrees';
import { contactTreeSchema, type ContactTree, type Lang, type Person } from '@shared/domain';
import { MutationError } from '@shared/mutations/error';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useNow } from '../../app/useNow';
import { useT } from '../../i18n/I18nProvider';
import { InlineConfirm } from '../../ui/InlineConfirm';
import { AddNodeForm } from './AddNodeForm';
import { nodeLabel } from './labels';
import { controlId, TreeNodeRow, type NodeMove } from './TreeNodeRow';
import { TreePrintout } from './TreePrintout';
import { addNode, indent, moveAmongSiblings, outdent, removeNode, reparent, setEscalation, type EditResult } from './treeEdit';
import { useTreeDraft } from './useTreeDraft';

const NAME_MAX = contactTreeSchema.shape.name.maxLength ?? 200;
const MOVES: Record<NodeMove, (nodes: ContactTree['nodes'], id: string) => EditResult> = {
  up: (nodes, id) => moveAmongSiblings(nodes, id, -1),
  down: (nodes, id) => moveAmongSiblings(nodes, id, 1),
  in: indent,
  out: outdent,
};

/** A file name for the printed tree: its name, kept to letters, digits and dashes. */
export function printFileName(name: string): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  return `calma-tree-${slug || 'untitled'}.pdf`;
}

/** One tree: its name, its nodes (nested, editable by keyboard and mouse), what is wrong with them, printing. */
export function TreeEditor({ tree, people, locale, onDeleted }: { tree: ContactTree; people: Person[]; locale: Lang; onDeleted(): void }) {
  const t = useT();
  const base = useId();
  const { host } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const { nodes, commit } = useTreeDraft(tree);
  const now = useNow(60_000);
  const directory = useMemo(() => directoryOf(people), [people]);
  const placed = useMemo(() => walkTree(nodes), [nodes]);
  const warnings = useMemo(() => treeWarnings({ nodes }, people, now), [nodes, people, now]);
  const labels = useMemo(() => new Map(nodes.map((n) => [n.id, nodeLabel(n, directory.byId, t)])), [nodes, directory, t]);
  const children = useMemo(() => childrenByParent(placed), [placed]);
  const outline = useMemo(() => placed.map((p) => ({ id: p.node.id, label: `${'— '.repeat(p.depth)}${labels.get(p.node.id) ?? ''}` })), [placed, labels]);

  // The moment printed on paper: set right before printing (the Print button, or the browser's own
  // print), synchronously so the page laid out for print already shows it.
  const [printedAt, setPrintedAt] = useState(() => new Date());
  useEffect(() => {
    const stamp = () => flushSync(() => setPrintedAt(new Date()));
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);
  const print = () => {
    flushSync(() => setPrintedAt(new Date()));
    void host.printToPdf(printFileName(tree.name));
  };

  // Focus to put back after a re-render: the control used to move a node (the move re-creates it).
  const pendingFocus = useRef<string | null>(null);
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    const element = document.getElementById(id);
    if (element && document.activeElement !== element) element.focus();
  });

  const describePlace = (next: ContactTree['nodes'], id: string) => {
    const node = next.find((n) => n.id === id)!;
    const siblings = next.filter((n) => n.parentId === node.parentId);
    const values = { name: labels.get(id) ?? '', position: node.order + 1, count: siblings.length };
    return node.parentId === null ? t('trees.moved.top', values) : t('trees.moved.under', { ...values, parent: labels.get(node.parentId) ?? '' });
  };

  const move = (id: string, how: NodeMove, focusedId: string | null) => {
    const result = MOVES[how](nodes, id);
    if (!result.moved) {
      announce(t(`trees.cannot.${how}`, { name: labels.get(id) ?? '' }));
      return;
    }
    pendingFocus.current = focusedId;
    commit(result.nodes);
    announce(describePlace(result.nodes, id));
  };
  const moveUnder = (id: string, parentId: string | null) => {
    const result = reparent(nodes, id, parentId);
    if (!result.moved) return;
    pendingFocus.current = controlId(base, id, 'parent');
    commit(result.nodes);
    announce(describePlace(result.nodes, id));
  };
  const remove = (id: string) => {
    const at = placed.findIndex((p) => p.node.id === id);
    const next = removeNode(nodes, id);
    const neighbour = next[Math.min(at, next.length - 1)];
    pendingFocus.current = neighbour ? controlId(base, neighbour.id, 'minutes') : `${base}-add`;
    commit(next);
    announce(t('trees.removed', { name: labels.get(id) ?? '' }));
  };

  const renderLevel = (parentId: string | null, top = false) => {
    const level = children.get(parentId) ?? [];
    if (level.length === 0) return null;
    return (
      <ol className={top ? 'tree-level tree-root' : 'tree-level'} aria-labelledby={top ? `${base}-title` : undefined}>
        {level.map((p, i) => {
          const below = descendantIds(placed, p.node.id);
          return (
            <TreeNodeRow
              key={p.node.id}
              base={base}
              node={p.node}
              label={labels.get(p.node.id) ?? ''}
              sequence={callSequence(p.node, directory, now)}
              warnings={warnings.get(p.node.id) ?? []}
              isFirst={i === 0}
              isLast={i === level.length - 1}
              hasParent={p.parentId !== null}
              parentChoices={outline.filter((o) => o.id !== p.node.id && !below.has(o.id))}
              onMove={(how, focused) => move(p.node.id, how, focused)}
              onReparent={(parent) => moveUnder(p.node.id, parent)}
              onMinutes={(minutes) => commit(setEscalation(nodes, p.node.id, minutes))}
              onRemove={() => remove(p.node.id)}
            >
              {renderLevel(p.node.id)}
            </TreeNodeRow>
          );
        })}
      </ol>
    );
  };

  return (
    <>
      <section className="detail tree-editor no-print" aria-labelledby={`${base}-title`} data-testid="tree-editor">
        <TreeHeader tree={tree} nodes={nodes} titleId={`${base}-title`} warned={warnings.size} count={nodes.length} onPrint={print} onDeleted={onDeleted} />
        <p className="muted small" id={`${base}-keys`}>{t('trees.keysHint')}</p>
        {nodes.length === 0 ? <p className="muted">{t('trees.empty')}</p> : renderLevel(null, true)}
        <AddNodeForm
          people={people}
          nodes={nodes}
          parents={outline}
          firstId={`${base}-add`}
          onAdd={(node, parentId) => {
            commit(addNode(nodes, node, parentId));
            const under = parentId ? labels.get(parentId) : null;
            const name = nodeLabel({ ...node, parentId, order: 0 }, directory.byId, t);
            announce(under ? t('trees.added.under', { name, parent: under }) : t('trees.added.top', { name }));
          }}
        />
      </section>
      <TreePrintout tree={{ ...tree, nodes }} people={people} locale={locale} printedAt={printedAt} />
    </>
  );
}

function TreeHeader({ tree, nodes, titleId, warned, count, onPrint, onDeleted }: { tree: ContactTree; nodes: ContactTree['nodes']; titleId: string; warned: number; count: number; onPrint(): void; onDeleted(): void }) {
  const t = useT();
  const { mutate } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const [name, setName] = useState(tree.name);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('trees.nameRequired'));
      return;
    }
    if (trimmed === tree.name) return;
    try {
      // The nodes go along with the name: the update schema's `.partial()` still applies the nodes'
      // default ([]) when they are left out, so a rename alone would empty the tree.
      await mutate('contactTree.update', { id: tree.id, fields: { name: trimmed, nodes } });
      setError(null);
      announce(t('trees.renamed', { name: trimmed }));
    } catch (e) {
      setError(e instanceof MutationError ? e.message : String(e));
    }
  };
  const remove = async () => {
    await mutate('contactTree.delete', { id: tree.id });
    announce(t('trees.deleted', { name: tree.name }));
    onDeleted();
  };

  return (
    <header className="tree-head">
      <div className="detail-head">
        <div>
          <h2 id={titleId}>{tree.name}</h2>
          <p className="muted small">
            {t('trees.nodeCount', { count })}
            {' · '}
            {warned > 0 ? t('trees.warnedCount', { count: warned }) : t('trees.noWarnings')}
          </p>
        </div>
        <div className="detail-actions">
          <button type="button" onClick={onPrint}>{t('trees.print')}</button>
          <button ref={deleteButton} type="button" aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>{t('trees.delete')}</button>
        </div>
      </div>
      {confirming && (
        <InlineConfirm
          className="tree-delete-confirm"
          label={t('trees.delete')}
          message={t('trees.deleteConfirm', { name: tree.name })}
          confirmLabel={t('trees.deleteYes')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
          opener={deleteButton}
        />
      )}
      <form className="tree-rename row" onSubmit={(e) => void rename(e)} noValidate>
        <label>
          {t('trees.name')}
          <input
            value={name}
            maxLength={NAME_MAX}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${titleId}-name-error` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </label>
        <button type="submit">{t('trees.rename')}</button>
        {error && <p id={`${titleId}-name-error`} className="error small">{error}</p>}
      </form>
    </header>
  );
}
