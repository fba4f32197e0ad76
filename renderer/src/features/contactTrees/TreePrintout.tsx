import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { callSequence, directoryOf, treeWarnings, walkTree, childrenByParent } from '@shared/contactTrees';
import type { ContactTree, Lang, Person } from '@shared/domain';
import { useNow } from '../../app/useNow';
import { useT } from '../../i18n/I18nProvider';
import { nodeLabel } from './labels';
import { NodeWarnings } from './NodeWarnings';

/**
 * The tree on paper, for the wall or the glovebox: who calls whom, every number and address to
 * reach them and their backups, when to move on, and what is wrong. Only printed (print CSS);
 * on screen the editor shows the same tree.
 */
export function TreePrintout({ tree, people, locale }: { tree: Pick<ContactTree, 'name' | 'nodes'>; people: Person[]; locale: Lang }) {
  const t = useT();
  const intl = useIntl();
  const now = useNow(60_000);
  const directory = useMemo(() => directoryOf(people), [people]);
  const placed = useMemo(() => walkTree(tree.nodes), [tree.nodes]);
  const warnings = useMemo(() => treeWarnings(tree, people, now), [tree, people, now]);
  const children = useMemo(() => childrenByParent(placed), [placed]);

  const level = (parentId: string | null) => {
    const list = children.get(parentId) ?? [];
    if (list.length === 0) return null;
    return (
      <ol className="print-level">
        {list.map(({ node }) => {
          const label = nodeLabel(node, directory.byId, t);
          const sequence = callSequence(node, directory, now);
          return (
            <li key={node.id} className="print-node">
              <div className="print-node-info">
                <p className="print-node-head">
                  <strong>{label}</strong> <span className="print-minutes">{t('trees.print.moveOn', { minutes: node.escalateAfterMinutes })}</span>
                </p>
                {sequence.length === 0 ? (
                  <p>{t('trees.node.nobody')}</p>
                ) : (
                  <ul className="print-people">
                    {sequence.map((person, i) => (
                      <li key={person.id}>
                        {i > 0 && <span>{t('trees.print.then')} </span>}
                        <strong>{person.name}</strong>
                        {person.phones.length > 0 && <> · {person.phones.join(', ')}</>}
                        {person.email && <> · {person.email}</>}
                      </li>
                    ))}
                  </ul>
                )}
                <NodeWarnings warnings={warnings.get(node.id) ?? []} label={label} />
              </div>
              {level(node.id)}
            </li>
          );
        })}
      </ol>
    );
  };

  return (
    <section className="tree-printout print-only" lang={locale}>
      <h2>{t('trees.print.title', { name: tree.name })}</h2>
      <p className="small">{t('trees.print.generated', { at: intl.formatDate(now, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      <p className="small">{t('trees.print.howTo')}</p>
      {tree.nodes.length === 0 ? <p>{t('trees.empty')}</p> : level(null)}
    </section>
  );
}
