import { eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db/connect';
import { teams } from '../db/schema';
import type { Log } from '../log';

/** The NOTIFY channel every server process of one database listens on (a push group notifies it: writeGroup). */
export const POKE_CHANNEL = 'calma_team_version';

type Subscriber = (teamVersion: number) => void;

/**
 * Fans the database's version notifications out to this process's live connections (SSE), by
 * team. Pokes go through the database even within one process, so one process or many behave
 * the same. After the LISTEN connection was lost and came back, every subscribed team's version is
 * read again, since notifications sent meanwhile are gone.
 */
export class PokeHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private stop: (() => Promise<void>) | null = null;

  constructor(
    private readonly database: Database,
    private readonly log: Log,
  ) {}

  async start(): Promise<void> {
    this.stop = await this.database.listen(POKE_CHANNEL, (payload) => {
      if (payload === null) void this.resync();
      else this.deliver(payload);
    });
  }

  subscribe(teamId: string, subscriber: Subscriber): () => void {
    let set = this.subscribers.get(teamId);
    if (!set) this.subscribers.set(teamId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(teamId) === set) this.subscribers.delete(teamId);
    };
  }

  get connections(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    const stop = this.stop;
    this.stop = null;
    this.subscribers.clear();
    await stop?.();
  }

  private deliver(payload: string): void {
    const [teamId, raw] = payload.split(' ');
    const version = Number(raw);
    if (!teamId || !Number.isSafeInteger(version)) {
      this.log.warn({ payload }, 'ignored a malformed version notification');
      return;
    }
    this.fanOut(teamId, version);
  }

  private fanOut(teamId: string, version: number): void {
    for (const subscriber of this.subscribers.get(teamId) ?? []) {
      try {
        subscriber(version);
      } catch (error) {
        this.log.warn({ err: error }, 'a live subscriber failed');
      }
    }
  }

  private async resync(): Promise<void> {
    const ids = [...this.subscribers.keys()];
    if (ids.length === 0) return;
    try {
      const rows = await this.database.db.select({ id: teams.id, version: teams.version }).from(teams).where(inArray(teams.id, ids));
      for (const row of rows) this.fanOut(row.id, row.version);
    } catch (error) {
      this.log.warn({ err: error }, 'could not re-read team versions after reconnecting');
    }
  }
}

export async function teamVersion(db: Executor, teamId: string): Promise<number> {
  const [row] = await db.select({ version: teams.version }).from(teams).where(eq(teams.id, teamId));
  return row?.version ?? 0;
}
