import type { CalmaDatabase } from '../db/database';
import type { Host } from '../host';
import { backoffDelay, Wakeup } from './backoff';
import { syncOnce, type Touched } from './engine';
import { removeTeamData } from './leaveTeam';
import { TOKEN_SECRET, teamLink, type SyncStatus, type TeamLink } from './teamLink';
import { ServerError, UnreachableError, type SyncTransport } from './transport';

export interface RunnerDeps {
  db: CalmaDatabase;
  host: Host;
  transportFor: (link: TeamLink, token: () => string | null) => SyncTransport;
  onChanged: (touched: Touched) => void;
  /** The machine was removed from its team: the caller reloads the console. */
  onRemoved: () => void;
  /** Web Locks, so that one window per machine owns sync; absent in tests. */
  locks?: LockManager;
  /** Where `online` / `offline` events come from; absent in tests. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  isOnline?: () => boolean;
  now?: () => Date;
  random?: () => number;
  /** How long to wait between rounds when nothing wakes the runner. */
  idleMs?: number;
}

/**
 * Keeps this machine in step with its team: a round (push then pull) after every local change,
 * every poke from the server, the network coming back, and once a minute anyway; failures back off
 * with jitter. Only the window holding the "calma-sync" lock runs it; the status it writes to the
 * local database is what every window shows, so it is always the truth.
 */
export class SyncRunner {
  private readonly wakeup = new Wakeup();
  private running = false;
  private listenAbort: AbortController | null = null;
  private token: string | null = null;
  private stopLock: (() => void) | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  /** Something changed here or there: sync soon. */
  requestSync(): void {
    this.wakeup.signal();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const onOnline = () => this.requestSync();
    // The system says the network went: drop the live stream (it may not notice for a while) and
    // run a round now, which says offline at once instead of when the stream's watchdog fires.
    const onOffline = () => {
      this.listenAbort?.abort();
      this.requestSync();
    };
    this.deps.events?.addEventListener('online', onOnline);
    this.deps.events?.addEventListener('offline', onOffline);
    const loop = async () => {
      try {
        await this.loop();
      } finally {
        this.deps.events?.removeEventListener('online', onOnline);
        this.deps.events?.removeEventListener('offline', onOffline);
      }
    };
    if (this.deps.locks) {
      void this.deps.locks.request('calma-sync', () => new Promise<void>((release) => {
        this.stopLock = release;
        void loop().finally(release);
      }));
    } else void loop();
  }

  stop(): void {
    this.running = false;
    this.listenAbort?.abort();
    this.stopLock?.();
    this.wakeup.signal();
  }

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  private async setStatus(state: SyncStatus['state'], error: string | null = null): Promise<void> {
    const current = await teamLink.status(this.deps.db);
    if (current?.state === state && current.error === error) return;
    await teamLink.setStatus(this.deps.db, { state, error, since: this.now().toISOString() });
  }

  private async loop(): Promise<void> {
    const { db, host } = this.deps;
    const random = this.deps.random ?? Math.random;
    let failures = 0;
    while (this.running) {
      const link = await teamLink.get(db);
      this.token = link ? await host.getSecret(TOKEN_SECRET) : null;
      if (!link || !this.token) {
        this.listenAbort?.abort();
        await this.wakeup.wait(this.deps.idleMs ?? 60_000);
        continue;
      }
      const transport = this.deps.transportFor(link, () => this.token);
      try {
        if (this.deps.isOnline && !this.deps.isOnline()) throw new UnreachableError('the system says there is no network');
        if (failures > 0 && !(await transport.health())) throw new UnreachableError(`${link.serverUrl} does not answer`);
        await this.setStatus('syncing');
        await syncOnce({ db, transport, onChanged: this.deps.onChanged, now: () => this.now() });
        failures = 0;
        await this.setStatus('idle');
        this.listen(transport);
        await this.wakeup.wait(this.deps.idleMs ?? 60_000);
      } catch (error) {
        if (error instanceof ServerError && error.revoked) {
          await removeTeamData(db, host, { team: link.identity.team.name, reason: 'revoked', message: error.body.message, at: this.now().toISOString() });
          this.stop();
          this.deps.onRemoved();
          return;
        }
        failures += 1;
        this.listenAbort?.abort();
        this.listenAbort = null;
        const offline = error instanceof UnreachableError;
        await this.setStatus(offline ? 'offline' : 'error', offline ? null : error instanceof Error ? error.message : String(error));
        // A 429 says how long the server will not listen; trying sooner only fails again, so a
        // local change that wakes the loop meanwhile waits for the rest of that time too.
        const notBefore = Date.now() + (error instanceof ServerError ? error.retryAfterMs : 0);
        await this.wakeup.wait(backoffDelay(failures, random));
        while (this.running && Date.now() < notBefore) await this.wakeup.wait(notBefore - Date.now());
      }
    }
  }

  /** Keeps one event stream open while sync works; a poke wakes the loop. */
  private listen(transport: SyncTransport): void {
    if (this.listenAbort && !this.listenAbort.signal.aborted) return;
    const abort = new AbortController();
    this.listenAbort = abort;
    const openedAt = Date.now();
    void transport
      .listen(abort.signal, () => this.requestSync())
      .catch(() => undefined)
      .finally(() => {
        if (this.listenAbort === abort) this.listenAbort = null;
        // A stream that had been open a while and then broke: a round now tells whether the server
        // is still there. One that fails at once waits for the next round, so it cannot spin.
        if (!abort.signal.aborted && Date.now() - openedAt > 5_000) this.requestSync();
      });
  }
}
