import { useCallback, useState } from 'react';
import type { Lang } from '@shared/domain';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { ListDetailLayout } from '../../ui/ListDetailLayout';
import { AnswerDetail } from './AnswerDetail';
import { AnswerFilters } from './AnswerFilters';
import { AnswerList } from './AnswerList';
import { useAnswerSearch } from './useAnswerSearch';

/** The approved-answers desk: search as you type, filter, read, copy. */
export function AnswersDesk({ locale }: { locale: Lang }) {
  const t = useT();
  // The box is uncontrolled: typing re-renders nothing until the results arrive (see useAnswerSearch).
  const [initialQuery] = useState(() => useSession.getState().query);
  const setQuery = useSession((s) => s.setQuery);
  const filters = useSession((s) => s.filters);
  const openEditor = useSession((s) => s.openEditor);
  const { result, resultText, status, type } = useAnswerSearch(initialQuery, filters, locale);
  // Stable, so that typing does not re-render the (memoized) search box.
  const search = useCallback(
    (text: string) => {
      type(text);
      setQuery(text);
    },
    [type, setQuery],
  );

  return (
    <ListDetailLayout
      search={{
        id: 'desk-search',
        label: t('desk.search'),
        placeholder: t('desk.searchPlaceholder'),
        clearLabel: t('desk.clearSearch'),
        defaultValue: initialQuery,
        empty: resultText === '',
        onChange: search,
      }}
      toolbar={
        <>
          <AnswerFilters />
          <button type="button" onClick={() => openEditor('new')}>{t('desk.new')}</button>
        </>
      }
      count={{
        id: 'result-count',
        text: [
          !status.ready && (status.total === null ? t('desk.indexing') : t('desk.indexingProgress', { indexed: status.count, total: status.total })),
          result && (result.more
            ? t('desk.countMore', { shown: result.hits.length })
            : result.total > result.hits.length
              ? t('desk.countLimited', { shown: result.hits.length, total: result.total })
              : t('desk.count', { total: result.total })),
        ].filter(Boolean).join(' '),
      }}
      shown={{ query: resultText ?? undefined, total: result?.total }}
      list={result && <AnswerList hits={result.hits} locale={locale} />}
      detail={<AnswerDetail locale={locale} />}
    />
  );
}
