import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponseSchema, ROUTES, PULL_PAGE_MAX, type PullResponse } from '../../../shared/sync/protocol';
import { decodeCursor, encodeCursor } from '../../../server/src/sync/pull';
import { STORES, TestServer, type StoreKind } from './support/harness';
import { personArgs } from './support/domain';

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => personArgs(`${prefix}-${String(i).padStart(4, '0')}`).person);

describe('pull cursor', () => {
  it('round-trips every position and refuses anything else', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('people', 'answers', 'logEntries'), fc.string(), (version, tbl, id) => {
        expect(decodeCursor(encodeCursor({ version, tbl, id }))).toEqual({ version, tbl, id });
      }),
    );
    for (const bad of ['', 'not base64!', Buffer.from('[1,"nope","x"]').toString('base64url'), Buffer.from('{"v":1}').toString('base64url'), Buffer.from('[-1,"people","x"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(/cursor/);
    }
  });
});

describe.each(STORES)('pull on %s', (store: StoreKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(() => server?.close());

  it('pages through one version that wrote many rows, each row exactly once', async () => {
    const { admin } = await server.team();
    const result = await admin.run('people.import', { source: 'people.csv', create: people('p', 250), update: [] });
    expect(result).toMatchObject({ status: 'applied', version: 1 });
    const { pages, rows } = await admin.pullAll(100);
    expect(pages.map((p) => [p.changes.length, p.more])).toEqual([
      [100, true],
      [100, true],
      [50, false],
    ]);
    for (const page of pages) pullResponseSchema.parse(page);
    const ids = pages.flatMap((p) => p.changes.map((c) => c.id));
    expect(new Set(ids).size).toBe(250);
    expect(ids).toEqual([...ids].sort());
    expect(rows.size).toBe(250);
    // Caught up: the last cursor returns nothing, and says so.
    const last = await admin.pull(pages.at(-1)!.cursor, 100);
    expect(last.body).toMatchObject({ changes: [], more: false, cursor: pages.at(-1)!.cursor, teamVersion: 1 });
  });

  it('includes tombstones: a delete arrives as a row with deleted: true', async () => {
    const { teamId, admin } = await server.team();
    const other = await server.join(teamId, 'responder');
    await admin.run('person.create', personArgs('gone'));
    const seen = await other.pullAll();
    expect(seen.rows.get('people/gone')).toMatchObject({ deleted: false });
    await admin.run('person.delete', { id: 'gone' });
    const next = await other.pull(seen.pages.at(-1)!.cursor);
    expect(next.body.changes).toEqual([expect.objectContaining({ table: 'people', id: 'gone', version: 2, row: expect.objectContaining({ deleted: true }) })]);
  });

  it('gives the rows the device asks for (to revert a refused mutation), absent ones left out', async () => {
    const { admin } = await server.team();
    await admin.run('person.create', personArgs('p1'));
    const reply = await admin.post<{ rows: { table: string; id: string }[] }>(ROUTES.rows, { refs: [{ table: 'people', id: 'p1' }, { table: 'people', id: 'nobody' }, { table: 'answers', id: 'p1' }] });
    expect(reply.status).toBe(200);
    expect(reply.body.rows.map((r) => `${r.table}/${r.id}`)).toEqual(['people/p1']);
  });

  it('refuses a cursor it did not make, and a pull for another device', async () => {
    const { teamId, admin } = await server.team();
    const forged = await admin.pull('eyJub3QiOiJhIGN1cnNvciJ9');
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: 'bad-cursor' });
    const other = await server.join(teamId, 'viewer');
    const reply = await server.call('POST', ROUTES.pull, { token: admin.token, body: { deviceId: other.id, cursor: null } });
    expect(reply.status).toBe(403);
    const tooBig = await admin.pull(null, PULL_PAGE_MAX + 1);
    expect(tooBig.status).toBe(400);
  });

  it('never loses or repeats a change, whatever the page size and whatever is pushed between pages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ limit: fc.integer({ min: 1, max: 40 }), create: fc.integer({ min: 0, max: 30 }), edit: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        async (steps) => {
          const { admin } = await server.team();
          await admin.run('people.import', { source: 'seed', create: people('s', 20), update: [] });
          const seen = new Map<string, unknown>();
          let cursor: string | null = null;
          let lastVersion = 0;
          let n = 0;
          for (const step of steps) {
            const page: PullResponse = (await admin.pull(cursor, step.limit)).body;
            for (const change of page.changes) {
              expect(change.version).toBeGreaterThanOrEqual(lastVersion);
              lastVersion = change.version;
              seen.set(`${change.table}/${change.id}`, change.row);
            }
            cursor = page.cursor;
            if (step.create > 0) await admin.run('people.import', { source: 'more', create: people(`n${n++}`, step.create), update: [] });
            if (step.edit) await admin.run('person.update', { id: 's-0003', fields: { name: `edited ${n++}` } });
          }
          for (;;) {
            const page: PullResponse = (await admin.pull(cursor, 50)).body;
            for (const change of page.changes) seen.set(`${change.table}/${change.id}`, change.row);
            cursor = page.cursor;
            if (!page.more) break;
          }
          const everything = await admin.pullAll(PULL_PAGE_MAX);
          expect(seen).toEqual(everything.rows);
        },
      ),
      { numRuns: 8 },
    );
  });
});
