import { useState, type KeyboardEvent, type ReactNode } from 'react';
import type { NodeWarning, TreeNode } from '@shared/contactTrees';
import type { Person } from '@shared/domain';
import { useT } from '../../i18n/I18nProvider';
import { NodeWarnings } from './NodeWarnings';

export const MAX_ESCALATION_MINUTES = 24 * 60;
export type NodeMove = 'up' | 'down' | 'in' | 'out';

const KEY_MOVES: Record<string, NodeMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowRight: 'in', ArrowLeft: 'out' };

/** The id of one of a node row's controls, so focus can be put back after the row moves. */
export const controlId = (base: string, nodeId: string, control: string) => `${base}-${nodeId}-${control}`;

/**
 * One node in the editor: who it calls, in order, how long before moving on, its warnings, and
 * its moves. Alt+↑/↓ move it among its siblings, Alt+→ puts it under the node above, Alt+← takes
 * it out of its parent; the same moves are buttons for the mouse, and "Under" re-parents it
 * anywhere. As in the playbook step editor, buttons at an edge are aria-disabled, never disabled,
 * so the keyboard focus is not dropped.
 */
export function TreeNodeRow(props: {
  base: string;
  node: TreeNode;
  label: string;
  sequence: readonly Person[];
  warnings: readonly NodeWarning[];
  isFirst: boolean;
  isLast: boolean;
  hasParent: boolean;
  parentChoices: { id: string; label: string }[];
  onMove(move: NodeMove, focusedId: string | null): void;
  onReparent(parentId: string | null): void;
  onMinutes(minutes: number): void;
  onRemove(): void;
  children?: ReactNode;
}) {
  const t = useT();
  const { base, node, label, sequence, warnings, isFirst, isLast, hasParent } = props;
  const id = (control: string) => controlId(base, node.id, control);
  const [minutes, setMinutes] = useState(String(node.escalateAfterMinutes));
  const [shownFor, setShownFor] = useState(node.escalateAfterMinutes);
  // A change from elsewhere (another window, sync) shows up unless the field holds a bad value being fixed.
  if (shownFor !== node.escalateAfterMinutes) {
    setShownFor(node.escalateAfterMinutes);
    setMinutes(String(node.escalateAfterMinutes));
  }
  const parsed = Number(minutes);
  const minutesValid = /^\d+$/.test(minutes.trim()) && parsed >= 1 && parsed <= MAX_ESCALATION_MINUTES;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const move = KEY_MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    props.onMove(move, document.activeElement?.id || null);
  };
  const moveButton = (move: NodeMove, atEdge: boolean, keys: string, text: string) => (
    <button type="button" id={id(move)} aria-disabled={atEdge || undefined} aria-keyshortcuts={keys} onClick={() => props.onMove(move, id(move))}>
      {text}
    </button>
  );

  return (
    <li className="tree-node" data-testid="tree-node" data-node-id={node.id} onKeyDown={onKeyDown}>
      <div className="tree-node-card" role="group" aria-labelledby={id('label')} aria-describedby={warnings.length > 0 ? id('warnings') : undefined}>
        <div className="tree-node-head">
          <span id={id('label')} className="tree-node-label">{label}</span>
          {warnings.length > 0 && <span className="badge badge-warn">{t('trees.warningCount', { count: warnings.length })}</span>}
        </div>
        <p className="tree-node-sequence small">
          {sequence.length > 0 ? t('trees.node.sequence', { names: sequence.map((p) => p.name).join(' → ') }) : t('trees.node.nobody')}
        </p>
        <NodeWarnings warnings={warnings} label={label} id={id('warnings')} />
        <div className="tree-node-controls">
          <label className="tree-minutes">
            {t('trees.node.minutes')}
            <input
              id={id('minutes')}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_ESCALATION_MINUTES}
              step={1}
              value={minutes}
              aria-invalid={!minutesValid || undefined}
              aria-describedby={minutesValid ? undefined : id('minutes-error')}
              onChange={(e) => {
                const text = e.target.value;
                setMinutes(text);
                const value = Number(text);
                if (/^\d+$/.test(text.trim()) && value >= 1 && value <= MAX_ESCALATION_MINUTES && value !== node.escalateAfterMinutes) props.onMinutes(value);
              }}
            />
          </label>
          <label className="tree-parent">
            {t('trees.node.under')}
            <select id={id('parent')} value={node.parentId ?? ''} onChange={(e) => props.onReparent(e.target.value === '' ? null : e.target.value)}>
              <option value="">{t('trees.node.top')}</option>
              {props.parentChoices.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
          </label>
          <div className="tree-node-actions" role="group" aria-label={t('trees.node.moves', { name: label })}>
            {moveButton('up', isFirst, 'Alt+ArrowUp', t('trees.node.moveUp'))}
            {moveButton('down', isLast, 'Alt+ArrowDown', t('trees.node.moveDown'))}
            {moveButton('in', isFirst, 'Alt+ArrowRight', t('trees.node.indent'))}
            {moveButton('out', !hasParent, 'Alt+ArrowLeft', t('trees.node.outdent'))}
            <button type="button" id={id('remove')} onClick={props.onRemove}>{t('trees.node.remove')}</button>
          </div>
        </div>
        {!minutesValid && <p id={id('minutes-error')} className="error small">{t('trees.node.minutesInvalid', { max: MAX_ESCALATION_MINUTES })}</p>}
      </div>
      {props.children}
    </li>
  );
}
