import { SearchField, Input, Label, Button } from 'react-aria-components';
import type { Lang } from '@shared/domain';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { AnswerDetail } from './AnswerDetail';
import { AnswerFilters } from './AnswerFilters';
import { AnswerList } from './AnswerList';
import { useAnswerSearch } from './useAnswerSearch';

/** The approved-answers desk: search as you type, filter, read, copy. */
export function AnswersDesk({ locale }: { locale: Lang }) {
  const t = useT();
  const query = useSession((s) => s.query);
  const setQuery = useSession((s) => s.setQuery);
  const filters = useSession((s) => s.filters);
  const openEditor = useSession((s) => s.openEditor);
  const { result, resultText, status } = useAnswerSearch(query, filters, locale);

  return (
    <div className="desk">
      <div className="desk-toolbar">
        <SearchField value={query} onChange={setQuery} className="search" aria-describedby="result-count">
          <Label>{t('desk.search')}</Label>
          <Input placeholder={t('desk.searchPlaceholder')} data-testid="desk-search" />
          <Button aria-label={t('desk.clearSearch')}>×</Button>
        </SearchField>
        <AnswerFilters />
        <button type="button" onClick={() => openEditor('new')}>{t('desk.new')}</button>
      </div>
      <p id="result-count" className="muted small" role="status">
        {[
          !status.ready && (status.total === null ? t('desk.indexing') : t('desk.indexingProgress', { indexed: status.count, total: status.total })),
          result && (result.more
            ? t('desk.countMore', { shown: result.hits.length })
            : result.total > result.hits.length
              ? t('desk.countLimited', { shown: result.hits.length, total: result.total })
              : t('desk.count', { total: result.total })),
        ].filter(Boolean).join(' ')}
      </p>
      <div className="desk-body">
        <div className="results" data-query={resultText ?? undefined} data-total={result?.total}>{result && <AnswerList hits={result.hits} locale={locale} />}</div>
        <AnswerDetail locale={locale} />
      </div>
    </div>
  );
}
