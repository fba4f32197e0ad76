import { useCallback, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { treeWarnings } from '@shared/contactTrees';
import { contactTreeSchema, type ContactTree, type Lang, type Person } from '@shared/domain';
import { MutationError } from '@shared/mutations/error';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useNow } from '../../app/useNow';
import { useT } from '../../i18n/I18nProvider';
import { usePeople } from '../people/usePeople';
import { TreeEditor } from './TreeEditor';
import { useTreeSession } from './treeSession';
import { useTreeList } from './useContactTrees';

const NAME_MAX = contactTreeSchema.shape.name.maxLength ?? 200;

/**
 * Contact trees: who calls whom in a crisis. The list of trees, a form to start one, and the
 * selected tree's editor, with the problems of each tree (no backup, details not verified, people
 * who left…) counted in the list and shown on the nodes themselves.
 */
export function TreesView({ locale }: { locale: Lang }) {
  const t = useT();
  const trees = useTreeList();
  const people = usePeople();
  const selected = useTreeSession((s) => s.selectedTreeId);
  const select = useTreeSession((s) => s.selectTree);
  const current = trees?.find((tr) => tr.id === selected) ?? trees?.[0] ?? null;
  // A deleted tree takes its editor with it: the focus goes to the start of the list's column.
  const newName = useRef<HTMLInputElement>(null);
  const onDeleted = useCallback(() => newName.current?.focus(), []);

  return (
    <div className="contact-trees">
      <aside className="tree-list no-print" aria-labelledby="tree-list-title">
        <h2 id="tree-list-title">{t('trees.title')}</h2>
        <NewTreeForm onCreated={select} inputRef={newName} />
        {trees?.length === 0 && <p className="muted">{t('trees.none')}</p>}
        <ul>
          {trees?.map((tree) => (
            <li key={tree.id}>
              <TreeLink tree={tree} people={people} current={tree.id === current?.id} onSelect={() => select(tree.id)} />
            </li>
          ))}
        </ul>
      </aside>
      {current && people ? (
        <TreeEditor key={current.id} tree={current} people={people} locale={locale} onDeleted={onDeleted} />
      ) : (
        <section className="detail empty no-print">{trees && <p>{t('trees.pickOne')}</p>}</section>
      )}
    </div>
  );
}

function TreeLink({ tree, people, current, onSelect }: { tree: ContactTree; people: Person[] | undefined; current: boolean; onSelect(): void }) {
  const t = useT();
  const now = useNow(60_000);
  const warned = useMemo(() => (people ? treeWarnings(tree, people, now).size : 0), [tree, people, now]);
  const ids = useId();
  // The tree's name is the button's name and its counts its description: read together they ran
  // into one another ("Night shift 🌙7 nodes"), since the two spans have no space between them.
  return (
    <button type="button" className="incident-link" aria-current={current ? 'true' : undefined} aria-labelledby={`${ids}-name`} aria-describedby={`${ids}-counts`} onClick={onSelect}>
      <span id={`${ids}-name`} className="incident-link-title">{tree.name}</span>
      <span id={`${ids}-counts`} className="muted small">
        {t('trees.nodeCount', { count: tree.nodes.length })}
        {warned > 0 && <> · <span className="tree-warned">{t('trees.warnedCount', { count: warned })}</span></>}
      </span>
    </button>
  );
}

function NewTreeForm({ onCreated, inputRef }: { onCreated(id: string): void; inputRef: RefObject<HTMLInputElement | null> }) {
  const t = useT();
  const { mutate } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('trees.nameRequired'));
      return;
    }
    const id = uuidv7();
    try {
      await mutate('contactTree.create', { tree: { id, clock: {}, deleted: false, name: trimmed, nodes: [] } });
    } catch (e) {
      setError(e instanceof MutationError ? e.message : String(e));
      return;
    }
    setName('');
    setError(null);
    onCreated(id);
    announce(t('trees.created', { name: trimmed }));
  };

  return (
    <form className="tree-new" onSubmit={(e) => void create(e)} noValidate>
      <label>
        {t('trees.newName')}
        <input
          ref={inputRef}
          value={name}
          maxLength={NAME_MAX}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'tree-new-error' : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
          }}
          data-testid="tree-new-name"
        />
      </label>
      {error && <p id="tree-new-error" className="error small">{error}</p>}
      <button type="submit" className="primary">{t('trees.create')}</button>
    </form>
  );
}
