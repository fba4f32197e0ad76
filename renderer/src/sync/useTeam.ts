import { useLiveQuery } from 'dexie-react-hooks';
import type { Refusal } from '@shared/sync/protocol';
import { useServices } from '../app/services';
import { teamLink, type LeftTeamNotice, type SyncStatus, type TeamLink } from './teamLink';

export interface TeamView {
  link: TeamLink | null;
  status: SyncStatus | null;
  waiting: number;
  refusals: Refusal[];
  notice: LeftTeamNotice | null;
}

/** The team link, the sync status and what is waiting, live from the local database. */
export function useTeam(): TeamView | undefined {
  const { db } = useServices();
  return useLiveQuery(
    async () => ({
      link: await teamLink.get(db),
      status: await teamLink.status(db),
      waiting: await db.outbox.count(),
      refusals: await teamLink.refusals(db),
      notice: await teamLink.notice(db),
    }),
    [db],
  );
}
