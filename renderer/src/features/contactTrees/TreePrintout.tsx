import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { callSequence, directoryOf, treeWarnings, walkTree, childrenByParent, MOMENTARY_WARNINGS } from '@shared/contactTrees';
import type { ContactTree, Lang, Person } from '@shared/domain';
import { formatWorkingHours } from '@shared/people/fields';
import { useT, type Translate } from '../../i18n/I18nProvider';
import { nodeLabel } from './labels';
import { NodeWarnings } from './NodeWarnings';

/** A person's working hours and time zone, compact and in the reader's language: "Mon-Fri 09:00-17:00, Europe/Madrid". */
function hoursText(person: Person, locale: Lang, t: Translate): string {
  return person.workingHours ? t('trees.print.hours', { hours: formatWorkingHours(person.workingHours, locale), zone: person.timeZone }) : t('trees.print.noHours', { zone: person.timeZone });
}

/**
 * The tree on paper, for the wall or the glovebox: who calls whom, every number and address to
 * reach them and their backups, their working hours, when to move on, and what is wrong. Paper
 * is read hours later, so it says when it was printed and leaves out what is only true at that
 * moment ("outside working hours now"): the hours themselves are printed instead. Only printed
 * (print CSS); on screen the editor shows the same tree.
 */
export function TreePrintout({ tree, people, locale, printedAt }: { tree: Pick<ContactTree, 'name' | 'nodes'>; people: Person[]; locale: Lang; printedAt: Date }) {
  const t = useT();
  const intl = useIntl();
  const now = printedAt;
  const directory = useMemo(() => directoryOf(people), [people]);
  const placed = useMemo(() => walkTree(tree.nodes), [tree.nodes]);
  const warnings = useMemo(() => {
    const all = treeWarnings(tree, people, now);
    for (const [id, list] of all) all.set(id, list.filter((w) => !MOMENTARY_WARNINGS.has(w.kind)));
    return all;
  }, [tree, people, now]);
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
                        <span className="print-hours"> · {hoursText(person, locale, t)}</span>
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
      <p className="small">{t('trees.print.generated', { at: intl.formatDate(now, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }) })}</p>
      <p className="small">{t('trees.print.howTo')}</p>
      {tree.nodes.length === 0 ? <p>{t('trees.empty')}</p> : level(null)}
    </section>
  );
}
