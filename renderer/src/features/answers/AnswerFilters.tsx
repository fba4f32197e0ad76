import { memo } from 'react';
import { CHANNELS, LANGS, type Channel, type Lang, type RevisionStatus } from '@shared/domain';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { CHANNEL_LABEL, STATUS_LABEL } from './labels';

const STATUSES: RevisionStatus[] = ['approved', 'draft', 'expired'];

/** Channel, language and status filters: native selects, which every keyboard and reader knows. */
export const AnswerFilters = memo(function AnswerFilters() {
  const t = useT();
  const filters = useSession((s) => s.filters);
  const setFilter = useSession((s) => s.setFilter);
  return (
    <div className="filters" role="group" aria-label={t('desk.filters')}>
      <label>
        {t('desk.filter.channel')}
        <select value={filters.channel ?? ''} onChange={(e) => setFilter('channel', (e.target.value || null) as Channel | null)}>
          <option value="">{t('desk.filter.any')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>{t(CHANNEL_LABEL[c])}</option>
          ))}
        </select>
      </label>
      <label>
        {t('desk.filter.lang')}
        <select value={filters.lang ?? ''} onChange={(e) => setFilter('lang', (e.target.value || null) as Lang | null)}>
          <option value="">{t('desk.filter.any')}</option>
          {LANGS.map((l) => (
            <option key={l} value={l}>{t(`lang.${l}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('desk.filter.status')}
        <select value={filters.status ?? ''} onChange={(e) => setFilter('status', (e.target.value || null) as RevisionStatus | null)}>
          <option value="">{t('desk.filter.any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>{t(STATUS_LABEL[s])}</option>
          ))}
        </select>
      </label>
    </div>
  );
});
