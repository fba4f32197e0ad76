import { useCallback, useMemo, useRef, useState } from 'react';
import type { Lang, Playbook } from '@shared/domain';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { ListDetailLayout } from '../../ui/ListDetailLayout';
import { usePlaybookEditor } from './editorStore';
import { scenarioLabel } from './labels';
import { PlaybookDetail } from './PlaybookDetail';
import { PlaybookEditor } from './PlaybookEditor';
import { PlaybookList } from './PlaybookList';
import { PLAYBOOKS } from '../library/libraryKinds';
import { useLibraryFiles } from '../library/useLibraryFiles';
import { filterPlaybooks, usePlaybooks } from './usePlaybooks';

/**
 * The playbook library: a filterable list, the selected playbook's detail (its steps, deadlines and
 * roles), and the way to declare an incident from it, edit it as a new revision, approve it, and
 * import or export the library as a YAML or JSON file.
 */
export function PlaybooksView({ locale }: { locale: Lang }) {
  const t = useT();
  const views = usePlaybooks();
  const [query, setQuery] = useState('');
  const selected = useSession((s) => s.selectedPlaybookId);
  const select = useSession((s) => s.selectPlaybook);
  const openEditor = usePlaybookEditor((s) => s.open);
  const files = useLibraryFiles(PLAYBOOKS);
  const heading = useRef<HTMLHeadingElement>(null);
  const titleOf = useCallback((p: Playbook) => p.title[locale] || p.title[locale === 'es' ? 'en' : 'es'], [locale]);
  const shown = useMemo(() => (views ? filterPlaybooks(views, query, titleOf, (s) => scenarioLabel(t, s), locale) : []), [views, query, titleOf, t, locale]);
  const current = views === undefined ? undefined : (views.find((v) => v.playbook.id === selected) ?? null);

  return (
    <ListDetailLayout
      className="playbooks"
      search={{
        id: 'playbook-filter',
        label: t('playbooks.filter'),
        placeholder: t('playbooks.filterPlaceholder'),
        clearLabel: t('playbooks.clearFilter'),
        value: query,
        onChange: setQuery,
      }}
      toolbar={
        <div className="row playbook-library-actions" role="group" aria-label={t('playbooks.libraryActions')}>
          <button type="button" onClick={() => openEditor('new')}>{t('playbooks.new')}</button>
          <button type="button" onClick={() => void files.importFile()}>{t('playbooks.import')}</button>
          <button type="button" onClick={() => void files.exportFile('yaml')}>{t('playbooks.exportYaml')}</button>
          <button type="button" onClick={() => void files.exportFile('json')}>{t('playbooks.exportJson')}</button>
        </div>
      }
      count={{
        id: 'playbook-count',
        text:
          views === undefined
            ? t('common.loading')
            : shown.length === views.length
              ? t('playbooks.count', { total: views.length })
              : t('playbooks.countFiltered', { shown: shown.length, total: views.length }),
      }}
      list={
        views && (
          <PlaybookList
            items={shown}
            locale={locale}
            titleOf={titleOf}
            selected={selected}
            onSelect={select}
            onAction={(id) => {
              select(id);
              // Enter takes the keyboard to the playbook itself (its heading), then Tab reaches its actions.
              requestAnimationFrame(() => heading.current?.focus());
            }}
          />
        )
      }
      detail={<PlaybookDetail key={current?.playbook.id ?? 'none'} view={current} locale={locale} headingRef={heading} />}
    >
      <PlaybookEditor views={views} locale={locale} />
    </ListDetailLayout>
  );
}
