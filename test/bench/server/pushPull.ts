// Team server benchmark: push of N queued mutations by one device and their pull by a second one,
// over real HTTP, against the floor of a bare batched INSERT (and a bare SELECT) of the same rows
// into the same table of the same store. Runs on PGlite (in process) and on a throwaway PostgreSQL.
//
//   npx tsx test/bench/server/pushPull.ts                              # 10,000 mutations
//   BENCH_SERVER_MUTATIONS=2000 npx tsx test/bench/server/pushPull.ts
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { HlcClock } from '../../../shared/hlc';
import { mutationSchemas } from '../../../shared/mutations';
import { stampAll } from '../../../shared/mutators/common';
import { MAX_PUSH_MUTATIONS, PULL_PAGE_MAX, ROUTES, type PullResponse, type PushResponse } from '../../../shared/sync/protocol';
import { uuidv7 } from '../../../shared/uuid';
import { createTeam } from '../../../server/src/admin/team';
import { openDatabase, type Database } from '../../../server/src/db/connect';
import { migrate } from '../../../server/src/db/migrate';
import { records } from '../../../server/src/db/schema';
import { createApp } from '../../../server/src/http/app';
import { createLog } from '../../../server/src/log';
import { PokeHub } from '../../../server/src/sync/poke';
import { ShippedLibrary } from '../../../server/src/sync/shippedLibrary';
import { withPostgres } from './support/postgres';
import { envCount, ms, perSecond, report, type Row } from './support/report';

const N = envCount('BENCH_SERVER_MUTATIONS', 10_000);
const log = createLog('silent');

const personArgs = (i: number) => ({ person: { id: `bench-${String(i).padStart(6, '0')}`, name: `Persona ${i}`, roles: ['portavoz'], phones: ['+34 600 000 000'], email: `p${i}@example.org` } });

async function measure<T>(task: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await task();
  return [performance.now() - started, result];
}

async function run(label: string, database: Database) {
  await migrate(database);
  const hub = new PokeHub(database, log);
  await hub.start();
  const app = createApp({ database, hub, shipped: ShippedLibrary.load(), log, corsOrigins: [], codeTtlMs: 3600_000 });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s as Server)) as Server;
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const response = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const enrolled = async (code: string, deviceId: string) => (await post<{ token: string }>(ROUTES.enrol, { code, deviceId, deviceName: deviceId, protocol: 1 })).token;

  const team = await createTeam(database.db, { name: 'Bench', adminName: 'Ana', ttlMs: 3600_000 });
  const writer = await enrolled(team.admin.code, 'writer');
  const { invitePerson } = await import('../../../server/src/admin/team');
  const reader = await enrolled((await invitePerson(database.db, team.team.id, { name: 'Bea', role: 'viewer', ttlMs: 3600_000 })).code, 'reader');

  const clock = new HlcClock('writer');
  const mutations = Array.from({ length: N }, (_, i) => ({ seq: i + 1, id: uuidv7(), name: 'person.create', args: personArgs(i), hlc: clock.tick(), at: new Date().toISOString() }));
  const [pushMs] = await measure(async () => {
    for (let i = 0; i < N; i += MAX_PUSH_MUTATIONS) {
      const reply = await post<PushResponse>(ROUTES.push, { deviceId: 'writer', mutations: mutations.slice(i, i + MAX_PUSH_MUTATIONS) }, writer);
      if (reply.results.some((r) => r.status !== 'applied')) throw new Error('a mutation was not applied');
    }
  });
  const [pullMs, pulled] = await measure(async () => {
    let cursor: string | null = null;
    let count = 0;
    for (;;) {
      const page: PullResponse = await post<PullResponse>(ROUTES.pull, { deviceId: 'reader', cursor, limit: PULL_PAGE_MAX }, reader);
      count += page.changes.length;
      cursor = page.cursor;
      if (!page.more) return count;
    }
  });
  if (pulled !== N) throw new Error(`pulled ${pulled} rows, expected ${N}`);

  // The floor: the same rows (as the mutator stores them), bare batched INSERTs into another team.
  const floorTeam = await createTeam(database.db, { name: 'Floor', adminName: 'Ana', ttlMs: 3600_000 });
  const rows = mutations.map((m) => stampAll(mutationSchemas['person.create'].parse(m.args).person, m.hlc));
  const [insertMs] = await measure(() =>
    database.db.transaction(async (tx) => {
      for (let i = 0; i < N; i += 1000) {
        await tx.insert(records).values(rows.slice(i, i + 1000).map((row, j) => ({ teamId: floorTeam.team.id, tbl: 'people', id: row.id, row, version: i + j + 1, authorPersonId: null })));
      }
    }),
  );
  const [selectMs] = await measure(() => database.db.execute(sql`select tbl, id, version, row from records where team_id = ${floorTeam.team.id} order by version, tbl, id`));

  await hub.close();
  await new Promise((resolve) => server.close(resolve));
  await database.close();
  return { store: label, mutations: N, pushMs, insertMs, pullMs, selectMs };
}

console.log(`\nPush of ${N.toLocaleString('en')} queued mutations and their pull by a second device, on PGlite and on PostgreSQL…`);
const results = [await run('PGlite', await openDatabase({ kind: 'pglite', dataDir: null }, log))];
results.push(await withPostgres(async (freshDatabase) => run('PostgreSQL', await openDatabase({ kind: 'postgres', url: await freshDatabase('calma_bench') }, log))));

const rate = (millis: number) => perSecond((N / millis) * 1000);
const rows: Row[] = results.flatMap((r) => [
  {
    benchmark: `push ${N.toLocaleString('en')} queued mutations (${r.store})`,
    ours: `${ms(r.pushMs)} (${rate(r.pushMs)})`,
    floor: `bare batched INSERT ${ms(r.insertMs)}`,
    ratio: `${(r.pushMs / r.insertMs).toFixed(1)}x`,
    budget: 'report',
    verdict: 'ok',
  },
  {
    benchmark: `pull them on a second device (${r.store})`,
    ours: `${ms(r.pullMs)} (${rate(r.pullMs)})`,
    floor: `bare SELECT ${ms(r.selectMs)}`,
    ratio: `${(r.pullMs / r.selectMs).toFixed(1)}x`,
    budget: 'report',
    verdict: 'ok',
  },
]);
report('pushPull', rows, results);
