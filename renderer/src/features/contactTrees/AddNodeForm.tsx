import { useId, useMemo, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { roleFromText, type Person } from '@shared/domain';
import type { TreeNode } from '@shared/contactTrees';
import { uuidv7 } from '@shared/uuid';
import { useT } from '../../i18n/I18nProvider';
import { roleChoices } from '../roles/labels';
import { MAX_ESCALATION_MINUTES } from './TreeNodeRow';
import { isUnderPerson } from './treeEdit';

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
type Problem = 'person' | 'role' | 'minutes' | 'underSelf';

/**
 * Adds a person or a role to the tree, under the node chosen (or at the top). The form keeps its
 * place and its "Under" choice after adding, so a branch is built by adding one after another.
 */
export function AddNodeForm({ people, nodes, parents, onAdd, firstId }: { people: readonly Person[]; nodes: readonly TreeNode[]; parents: { id: string; label: string }[]; firstId: string; onAdd(node: Omit<TreeNode, 'parentId' | 'order'>, parentId: string | null): void }) {
  const t = useT();
  const { locale } = useIntl();
  const ids = useId();
  const [kind, setKind] = useState<'person' | 'role'>('person');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState('');
  const [parentId, setParentId] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [problems, setProblems] = useState<Problem[]>([]);
  const choices = useMemo(() => people.filter((p) => !p.deleted).sort((a, b) => byName.compare(a.name, b.name)), [people]);
  // Offered by their labels; what is typed is read like a person's role (roleFromText), so
  // "Portavoz", "spokesperson" and "Spokesperson" all give the role the playbooks and the directory use.
  const roles = useMemo(() => roleChoices(people, t, locale), [people, t, locale]);
  const parent = parents.some((p) => p.id === parentId) ? parentId : '';
  // Marked in the list, not refused: someone may rightly be at two places (the warning says where).
  const inTree = useMemo(() => new Set(nodes.flatMap((n) => (n.target.kind === 'person' ? [n.target.personId] : []))), [nodes]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    const found: Problem[] = [];
    if (kind === 'person' && !choices.some((p) => p.id === personId)) found.push('person');
    if (kind === 'role' && role.trim() === '') found.push('role');
    if (kind === 'person' && personId !== '' && isUnderPerson(nodes, personId, parent === '' ? null : parent)) found.push('underSelf');
    if (!/^\d+$/.test(minutes.trim()) || value < 1 || value > MAX_ESCALATION_MINUTES) found.push('minutes');
    setProblems(found);
    if (found.length > 0) return;
    const target = kind === 'person' ? { kind: 'person' as const, personId } : { kind: 'role' as const, role: roleFromText(role) };
    onAdd({ id: uuidv7(), target, escalateAfterMinutes: value }, parent === '' ? null : parent);
    setPersonId('');
    setRole('');
  };
  const invalid = (p: Problem) => problems.includes(p) || undefined;
  const problemText = (p: Problem) => {
    switch (p) {
      case 'person':
        return t('trees.add.needPerson');
      case 'role':
        return t('trees.add.needRole');
      case 'minutes':
        return t('trees.node.minutesInvalid', { max: MAX_ESCALATION_MINUTES });
      case 'underSelf':
        return t('trees.add.underSelf', { name: choices.find((c) => c.id === personId)?.name ?? '' });
    }
  };

  return (
    <form className="tree-add no-print" onSubmit={submit} noValidate aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t('trees.add.title')}</h3>
      <div className="tree-add-fields">
        <fieldset className="tree-add-kind">
          <legend>{t('trees.add.kind')}</legend>
          <label className="confirm"><input id={firstId} type="radio" name={`${ids}-kind`} checked={kind === 'person'} onChange={() => setKind('person')} />{t('trees.add.person')}</label>
          <label className="confirm"><input type="radio" name={`${ids}-kind`} checked={kind === 'role'} onChange={() => setKind('role')} />{t('trees.add.role')}</label>
        </fieldset>
        {kind === 'person' ? (
          <label>
            {t('trees.add.whichPerson')}
            <select value={personId} aria-invalid={invalid('person')} onChange={(e) => setPersonId(e.target.value)} data-testid="tree-add-person">
              <option value="">{t('trees.add.choose')}</option>
              {choices.map((p) => (
                <option key={p.id} value={p.id}>{p.left ? t('trees.add.personLeft', { name: p.name }) : inTree.has(p.id) ? t('trees.add.inTree', { name: p.name }) : p.name}</option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('trees.add.whichRole')}
            <input value={role} maxLength={80} list={`${ids}-roles`} aria-invalid={invalid('role')} onChange={(e) => setRole(e.target.value)} data-testid="tree-add-role" />
            <datalist id={`${ids}-roles`}>
              {roles.map((r) => <option key={r} value={r} />)}
            </datalist>
          </label>
        )}
        <label>
          {t('trees.add.under')}
          <select value={parent} aria-invalid={invalid('underSelf')} onChange={(e) => setParentId(e.target.value)} data-testid="tree-add-under">
            <option value="">{t('trees.node.top')}</option>
            {parents.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </label>
        <label>
          {t('trees.node.minutes')}
          <input type="number" inputMode="numeric" min={1} max={MAX_ESCALATION_MINUTES} step={1} value={minutes} aria-invalid={invalid('minutes')} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <button type="submit" className="primary">{t('trees.add.submit')}</button>
      </div>
      {problems.length > 0 && (
        // The alert wraps the list: on the list itself the role would hide the list from assistive technology.
        <div role="alert">
          <ul className="error small">
            {problems.map((p) => <li key={p}>{problemText(p)}</li>)}
          </ul>
        </div>
      )}
      {choices.length === 0 && <p className="muted small">{t('trees.add.noPeople')}</p>}
    </form>
  );
}
