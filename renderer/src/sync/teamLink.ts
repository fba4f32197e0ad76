import type { Identity, Refusal } from '@shared/sync/protocol';
import type { CalmaDatabase } from '../db/database';

/**
 * What this machine knows of its team, kept in the local `meta` table (never synced). The token is
 * not here: it is a secret, kept by the host (safeStorage in Electron).
 */
export interface TeamLink {
  serverUrl: string;
  identity: Identity;
  enrolledAt: string;
  /** Where the last applied pull page ended. */
  cursor: string | null;
  lastSyncedAt: string | null;
}

/** What the status bar shows; written by the one window that owns sync, read by every window. */
export interface SyncStatus {
  state: 'offline' | 'syncing' | 'idle' | 'error';
  /** Why the last attempt failed, in the server's words or the network's. */
  error: string | null;
  since: string;
}

/** Shown once after this machine was removed from a team (revoked, or left). */
export interface LeftTeamNotice {
  team: string;
  reason: 'revoked' | 'left';
  message: string;
  at: string;
}

export const TOKEN_SECRET = 'sync.token';
const KEYS = { link: 'sync.team', status: 'sync.status', refusals: 'sync.refusals', notice: 'sync.notice' } as const;
/** Every meta key that belongs to the team: removed when the machine leaves it. */
export const TEAM_META_KEYS = [KEYS.link, KEYS.status, KEYS.refusals];

async function read<T>(db: CalmaDatabase, key: string): Promise<T | null> {
  return ((await db.meta.get(key))?.value as T | undefined) ?? null;
}

export const teamLink = {
  get: (db: CalmaDatabase) => read<TeamLink>(db, KEYS.link),
  set: (db: CalmaDatabase, link: TeamLink) => db.meta.put({ key: KEYS.link, value: link }),
  status: (db: CalmaDatabase) => read<SyncStatus>(db, KEYS.status),
  setStatus: (db: CalmaDatabase, status: SyncStatus) => db.meta.put({ key: KEYS.status, value: status }),
  refusals: async (db: CalmaDatabase) => (await read<Refusal[]>(db, KEYS.refusals)) ?? [],
  setRefusals: (db: CalmaDatabase, refusals: Refusal[]) => db.meta.put({ key: KEYS.refusals, value: refusals }),
  notice: (db: CalmaDatabase) => read<LeftTeamNotice>(db, KEYS.notice),
  setNotice: (db: CalmaDatabase, notice: LeftTeamNotice | null) =>
    notice ? db.meta.put({ key: KEYS.notice, value: notice }) : db.meta.delete(KEYS.notice),
};
