import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/sync/protocol';
import { OpenStreams } from '../../../server/src/http/openStreams';
import { sseReader, STORES, TestServer, type StoreKind } from './support/harness';

/**
 * A team's consoles each keep a live stream open, so dozens at once are normal: they must not make
 * Node report a listener leak on the shutdown signal, and shutting down must still end every one.
 */
describe.each(STORES)('many live streams on %s', (store: StoreKind) => {
  let warnings: Error[];
  const onWarning = (warning: Error) => warnings.push(warning);
  beforeEach(() => {
    warnings = [];
    process.on('warning', onWarning);
  });
  afterEach(() => void process.off('warning', onWarning));

  it('keeps 25 streams open without a MaxListenersExceededWarning, and ends every one at shutdown', async () => {
    const server = await TestServer.start(store);
    try {
      const { admin } = await server.team();
      const streams = [];
      for (let i = 0; i < 25; i += 1) {
        const response = await server.app.request(ROUTES.events, { headers: { authorization: `Bearer ${admin.token}` } });
        expect(response.status).toBe(200);
        const events = sseReader(response.body!);
        expect(await events.nextVersion()).toBe(0);
        streams.push(events);
      }
      // Node reports the warning on a later tick: give it one.
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);

      server.shutdown.abort();
      const ends = await Promise.all(streams.map((events) => events.next(5_000)));
      expect(ends).toEqual(streams.map(() => null));
      // A stream asked for after the shutdown began ends at once.
      const late = await server.app.request(ROUTES.events, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(await sseReader(late.body!).next(5_000)).toBeNull();
    } finally {
      await server.close();
    }
  });
});

describe('OpenStreams', () => {
  it('closes each open stream once at shutdown, forgets ended ones, and refuses new ones after', () => {
    const shutdown = new AbortController();
    const streams = new OpenStreams(shutdown.signal);
    const closed: number[] = [];
    const forgets = [0, 1, 2].map((i) => streams.add(() => closed.push(i)));
    forgets[1]!();
    expect(streams.size).toBe(2);
    shutdown.abort();
    expect(closed).toEqual([0, 2]);
    expect(streams.size).toBe(0);
    expect(streams.add(() => closed.push(3))).toBeNull();
    forgets[0]!(); // forgetting after shutdown is harmless
    expect(closed).toEqual([0, 2]);
  });

  it('without a shutdown signal, streams are only tracked', () => {
    const streams = new OpenStreams();
    const forget = streams.add(() => undefined);
    expect(streams.size).toBe(1);
    forget!();
    expect(streams.size).toBe(0);
  });
});
