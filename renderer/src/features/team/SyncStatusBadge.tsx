import { useIntl } from 'react-intl';
import { useSession } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { useTeam } from '../../sync/useTeam';

/**
 * The team sync status in the top bar, always the truth: offline, syncing, changes waiting, last
 * synced at, and changes the server refused. Nothing shows on a machine that is not in a team.
 */
export function SyncStatusBadge() {
  const t = useT();
  const intl = useIntl();
  const team = useTeam();
  const setView = useSession((s) => s.setView);
  if (!team?.link) return null;
  const { status, waiting, refusals, link } = team;
  const state = status?.state ?? 'syncing';
  const parts = [
    state === 'offline' ? t('sync.offline') : state === 'syncing' ? t('sync.syncing') : state === 'error' ? t('sync.error') : t('sync.upToDate'),
  ];
  if (waiting > 0) parts.push(t('sync.waiting', { count: waiting }));
  if (link.lastSyncedAt) parts.push(t('sync.lastSynced', { time: intl.formatTime(link.lastSyncedAt, { hour: '2-digit', minute: '2-digit' }) }));
  if (refusals.length > 0) parts.push(t('sync.refused', { count: refusals.length }));
  return (
    <button
      type="button"
      className={`sync-status sync-${state}${refusals.length > 0 ? ' sync-attention' : ''}`}
      data-testid="sync-status"
      title={status?.error ?? undefined}
      onClick={() => setView('settings')}
    >
      <span role="status">{parts.join(' · ')}</span>
    </button>
  );
}
