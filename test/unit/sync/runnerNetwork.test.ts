import { afterEach, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../shared/sync/protocol';
import { SyncRunner } from '../../../renderer/src/sync/runner';
import { TOKEN_SECRET, teamLink } from '../../../renderer/src/sync/teamLink';
import { ServerError, UnreachableError, type SyncTransport } from '../../../renderer/src/sync/transport';
import { memoryHost } from '../server/support/consoleHost';
import { freshDb } from '../db/fixtures';

/**
 * How the sync loop meets the network: the system saying it is offline or back online, a server
 * that does not answer, a live stream that must be dropped, a server asking it to wait.
 */

const link = {
  serverUrl: 'http://127.0.0.1:1',
  identity: { team: { id: 'team-1', name: 'Comms' }, person: { id: 'person-1', name: 'Ana', role: 'responder' as const }, device: { id: 'device-1', name: 'portátil' } },
  enrolledAt: '2026-11-01T09:00:00.000Z',
  cursor: null,
  lastSyncedAt: null,
};

const emptyPage: PullResponse = { changes: [], cursor: null, more: false, teamVersion: 0, lastSeq: 0, refusals: [] };

/** A transport that records what was asked of it; `fail` makes pulls throw. */
function fakeTransport() {
  const calls: string[] = [];
  const streams: AbortSignal[] = [];
  let fail: Error | null = null;
  let healthy = true;
  const transport: SyncTransport = {
    health: async () => (calls.push('health'), healthy),
    enrol: async () => { throw new Error('not in these tests'); },
    me: async () => link.identity,
    push: async () => { throw new Error('nothing to push in these tests'); },
    pull: async () => {
      calls.push('pull');
      if (fail) throw fail;
      return emptyPage;
    },
    rows: async () => [],
    leave: async () => undefined,
    listen: (signal) => {
      streams.push(signal);
      return new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
    },
  };
  return {
    transport,
    calls,
    streams,
    failWith: (error: Error | null) => (fail = error),
    setHealthy: (value: boolean) => (healthy = value),
  };
}

async function setUp(options: { online?: boolean } = {}) {
  const db = freshDb();
  await teamLink.set(db, link);
  const host = memoryHost(new Map([[TOKEN_SECRET, 't'.repeat(40)]]));
  const net = fakeTransport();
  const events = new EventTarget();
  let online = options.online ?? true;
  const runner = new SyncRunner({
    db,
    host,
    transportFor: () => net.transport,
    onChanged: () => undefined,
    onRemoved: () => undefined,
    events: events as unknown as Window,
    isOnline: () => online,
    random: () => 0,
    idleMs: 60_000,
  });
  const setOnline = (value: boolean) => {
    online = value;
    events.dispatchEvent(new Event(value ? 'online' : 'offline'));
  };
  const status = async () => (await teamLink.status(db))?.state;
  runners.push(runner);
  return { db, runner, net, setOnline, status };
}

const runners: SyncRunner[] = [];
afterEach(() => {
  for (const runner of runners.splice(0)) runner.stop();
});

describe('the sync runner and the network', () => {
  it('says offline without calling the server while the system has no network, and syncs once it is back', async () => {
    const { runner, net, setOnline, status } = await setUp({ online: false });
    runner.start();
    await expect.poll(status).toBe('offline');
    expect(net.calls).toEqual([]);
    setOnline(true);
    await expect.poll(status).toBe('idle');
    expect(net.calls).toContain('pull');
  });

  it('drops the live stream the moment the system says the network went, and says offline', async () => {
    const { runner, net, setOnline, status } = await setUp();
    runner.start();
    await expect.poll(status).toBe('idle');
    await expect.poll(() => net.streams.length).toBe(1);
    expect(net.streams[0]!.aborted).toBe(false);
    setOnline(false);
    await expect.poll(status).toBe('offline');
    expect(net.streams[0]!.aborted).toBe(true);
  });

  it('asks whether the server answers before trying again after a failure, and recovers when it does', async () => {
    const { runner, net, status } = await setUp();
    net.failWith(new UnreachableError('connection refused'));
    runner.start();
    await expect.poll(status).toBe('offline');
    expect(net.calls).toEqual(['pull']);
    net.failWith(null);
    runner.requestSync();
    await expect.poll(status).toBe('idle');
    // The retry began with a health check, not straight with a pull.
    expect(net.calls.slice(0, 3)).toEqual(['pull', 'health', 'pull']);
  });

  it('stays offline without pulling while the server does not answer its health check', async () => {
    const { runner, net, status } = await setUp();
    net.failWith(new UnreachableError('timeout'));
    runner.start();
    await expect.poll(status).toBe('offline');
    net.failWith(null);
    net.setHealthy(false);
    runner.requestSync();
    await expect.poll(() => net.calls.filter((c) => c === 'health').length).toBeGreaterThanOrEqual(1);
    expect(net.calls.filter((c) => c === 'pull')).toHaveLength(1);
    expect(await status()).toBe('offline');
  });

  it('shows a server error in the server’s words, not as offline', async () => {
    const { runner, net, db } = await setUp();
    net.failWith(new ServerError(500, { error: 'internal', message: 'la base de datos no responde' }));
    runner.start();
    await expect.poll(async () => (await teamLink.status(db))?.state).toBe('error');
    expect((await teamLink.status(db))?.error).toContain('la base de datos no responde');
  });
});

describe('the sync runner told to wait (429)', () => {
  it('does not ask again before the server said, even when local changes wake it', async () => {
    const { runner, net, status } = await setUp();
    net.failWith(new ServerError(429, { error: 'rate-limited', message: 'demasiados intentos', retryAfterSeconds: 3600 }));
    runner.start();
    await expect.poll(status).toBe('error');
    for (let i = 0; i < 3; i += 1) {
      runner.requestSync();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(net.calls).toEqual(['pull']);
  });
});
