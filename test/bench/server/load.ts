// Sustained load: BENCH_LOAD_DEVICES (50) devices of one team push small batches of realistic
// mutations for BENCH_LOAD_SECONDS (30) against one team server (`npm run server`, a child process)
// on a throwaway PostgreSQL. Each device pulls after each push, as the console does, and keeps its
// live stream open. Then a fresh device pulls everything and every accepted mutation is checked:
// its rows there, exactly once, last writer winning; and the server's record of each device (its
// lastSeq, its mutations) must match what the device was told. Floor: bare multi-row INSERTs of the
// same batch sizes into the same table, from as many connections, for as long.
//
//   npx tsx test/bench/server/load.ts
//   BENCH_LOAD_SECONDS=5 BENCH_LOAD_DEVICES=10 npx tsx test/bench/server/load.ts
import pg from 'pg';
import { createTeam } from '../../../server/src/admin/team';
import { openDatabase } from '../../../server/src/db/connect';
import { migrate } from '../../../server/src/db/migrate';
import { createLog } from '../../../server/src/log';
import { MAX_PUSH_MUTATIONS, type PushedMutation } from '../../../shared/sync/protocol';
import { newLogEntry } from '../../../shared/incidents/logEntry';
import { uuidv7 } from '../../../shared/uuid';
import { BenchDevice } from './support/device';
import { withPostgres } from './support/postgres';
import { describeHandled, envCount, ms, percentile, perSecond, report, type Row } from './support/report';
import { startTeamServer, type TeamServer } from './support/teamServer';
import { checkRows, nextMutation, seededRandom, setupMutations, type World } from './support/workload';

const DEVICES = envCount('BENCH_LOAD_DEVICES', 50);
const SECONDS = envCount('BENCH_LOAD_SECONDS', 30);
/** One person per device (one lead in five, the others responders), then a viewer who checks the result. */
const PEOPLE = [
  ...Array.from({ length: DEVICES }, (_, i) => ({ name: `Persona ${i + 1}`, role: i % 5 === 0 ? ('lead' as const) : ('responder' as const) })),
  { name: 'Auditora', role: 'viewer' as const },
];
/** Each push carries 1 to BATCH_MAX mutations: what someone does between two syncs. */
const BATCH_MAX = 5;
const SETUP = { incidents: 4, steps: 25, people: 300 };
const ALONE_SECONDS = 3;
const silent = createLog('silent');
const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

interface Simulated {
  device: BenchDevice;
  name: string;
  random: () => number;
  /** Mutations the server said it applied (or had applied: a resend's `duplicate`), by seq. */
  accepted: Map<number, PushedMutation>;
  lastSeqSeen: number;
  pokes: number;
}

interface Tally {
  pushMs: number[];
  pullMs: number[];
  errors: string[];
}

/** The team's devices, enrolled over HTTP with their codes: the lead who sets up, the people on duty, and an auditor. */
async function enrolTeam(team: TeamServer) {
  const baseUrl = team.server.url;
  const lead: Simulated = { device: await BenchDevice.enrol(baseUrl, team.adminCode, 'ana-setup'), name: 'Ana', random: seededRandom(0), accepted: new Map(), lastSeqSeen: 0, pokes: 0 };
  const devices: Simulated[] = [];
  for (let i = 0; i < DEVICES; i += 1) {
    const device = await BenchDevice.enrol(baseUrl, team.codes[i]!, `device-${String(i + 1).padStart(2, '0')}`);
    devices.push({ device, name: PEOPLE[i]!.name, random: seededRandom(i + 1), accepted: new Map(), lastSeqSeen: 0, pokes: 0 });
  }
  const checker = await BenchDevice.enrol(baseUrl, team.codes[DEVICES]!, 'checker');
  return { lead, devices, checker };
}

async function pushSetup(lead: Simulated): Promise<World> {
  const { world, mutations } = setupMutations(lead.device, SETUP);
  for (let i = 0; i < mutations.length; i += MAX_PUSH_MUTATIONS) {
    const reply = await lead.device.push(mutations.slice(i, i + MAX_PUSH_MUTATIONS));
    const refused = reply.results.filter((r) => r.status === 'refused');
    if (refused.length > 0) throw new Error(`the setup was refused: ${JSON.stringify(refused[0])}`);
  }
  for (const m of mutations) lead.accepted.set(m.seq, m);
  return world;
}

/** One device, as the console's sync loop would run it if its person never stopped typing. */
async function simulate(sim: Simulated, world: World, deadline: number, tally: Tally): Promise<void> {
  const { device, random } = sim;
  while (performance.now() < deadline) {
    const batch = Array.from({ length: 1 + Math.floor(random() * BATCH_MAX) }, () => nextMutation(device, world, random, sim.name));
    // A failed push is sent again, same seqs, as the console's outbox would: the server must apply it once.
    for (let attempt = 1; ; attempt += 1) {
      const started = performance.now();
      try {
        const reply = await device.push(batch);
        tally.pushMs.push(performance.now() - started);
        for (const result of reply.results) {
          if (result.status === 'refused') tally.errors.push(`${device.id} seq ${result.seq} refused: ${result.refusal.code} ${result.refusal.message}`);
          else sim.accepted.set(result.seq, batch.find((m) => m.seq === result.seq)!);
        }
        if (reply.lastSeq !== device.seq) tally.errors.push(`${device.id}: the server answered lastSeq ${reply.lastSeq} after seq ${device.seq}`);
        break;
      } catch (error) {
        tally.errors.push(`${device.id} push (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`);
        if (attempt >= 20) throw new Error(`${device.id} could not push after ${attempt} attempts`);
        await sleep(100 * attempt);
      }
    }
    const started = performance.now();
    try {
      const pulled = await device.pullAll();
      sim.lastSeqSeen = pulled.lastSeq;
      tally.pullMs.push(performance.now() - started);
    } catch (error) {
      tally.errors.push(`${device.id} pull: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Everything the team holds, as a fresh device pulls it; a row that comes twice is a problem of its own. */
async function pullEverything(checker: BenchDevice): Promise<{ rows: Map<string, Record<string, unknown>>; repeated: string[] }> {
  const rows = new Map<string, Record<string, unknown>>();
  const repeated: string[] = [];
  await checker.pullAll((page) => {
    for (const change of page.changes) {
      const key = `${change.table}/${change.id}`;
      if (rows.has(key)) repeated.push(key);
      rows.set(key, change.row);
    }
  });
  return { rows, repeated };
}

/** The server's own record of each device: its lastSeq, and one mutation row per accepted seq. */
async function checkServerRecord(databaseUrl: string, teamId: string, devices: Simulated[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const problems: string[] = [];
    const seqs = await client.query<{ id: string; last_seq: string }>('select id, last_seq from devices where team_id = $1', [teamId]);
    const logged = await client.query<{ device_id: string; applied: string; refused: string; max: string }>(
      `select device_id, count(*) filter (where status = 'applied') as applied, count(*) filter (where status = 'refused') as refused, max(seq) as max
         from mutations where team_id = $1 group by device_id`,
      [teamId],
    );
    for (const sim of devices) {
      const { id } = sim.device;
      const lastSeq = Number(seqs.rows.find((r) => r.id === id)?.last_seq ?? -1);
      if (lastSeq !== sim.device.seq) problems.push(`${id}: the server's lastSeq is ${lastSeq}, the device numbered up to ${sim.device.seq}`);
      if (sim.lastSeqSeen !== sim.device.seq) problems.push(`${id}: its last pull said lastSeq ${sim.lastSeqSeen}, the device numbered up to ${sim.device.seq}`);
      const row = logged.rows.find((r) => r.device_id === id);
      const applied = Number(row?.applied ?? 0);
      if (applied !== sim.accepted.size) problems.push(`${id}: the server logged ${applied} applied mutations, the device was told ${sim.accepted.size}`);
      if (Number(row?.refused ?? 0) > 0) problems.push(`${id}: ${row?.refused} refused`);
    }
    return problems;
  } finally {
    await client.end();
  }
}

/**
 * Samples, every 200 ms until stopped, the server's connections to PostgreSQL: how many are busy,
 * and how many of those wait for a lock (a push waiting for its team's row lock keeps its pooled
 * connection meanwhile).
 */
function sampleConnections(databaseUrl: string): { stop(): Promise<{ busy: number[]; waiting: number[] }> } {
  const client = new pg.Client({ connectionString: databaseUrl });
  const busy: number[] = [];
  const waiting: number[] = [];
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ busy: string; waiting: string }>(
        `select count(*) filter (where state <> 'idle') as busy, count(*) filter (where wait_event_type = 'Lock') as waiting
           from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      busy.push(Number(rows[0]!.busy));
      waiting.push(Number(rows[0]!.waiting));
      await sleep(200);
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { busy, waiting };
    },
  };
}

/** The floor: bare multi-row INSERTs of log-entry-sized rows into `records`, from `DEVICES` connections. */
async function bareInserts(databaseUrl: string, batchSizes: () => number): Promise<{ rows: number; seconds: number; p95Ms: number }> {
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl, poolSize: 2 }, silent);
  await migrate(database);
  const team = await createTeam(database.db, { name: 'Suelo', adminName: 'Ana', ttlMs: 3600_000 });
  await database.close();
  const clients = await Promise.all(
    Array.from({ length: DEVICES }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  let version = 0;
  let rows = 0;
  const latencies: number[] = [];
  const incidentId = uuidv7();
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const size = batchSizes();
          const values: unknown[] = [];
          const tuples: string[] = [];
          for (let i = 0; i < size; i += 1) {
            const entry = newLogEntry({ incidentId, kind: 'note', by: 'Suelo', text: `Nota del suelo ${version}` });
            const n = values.length;
            tuples.push(`($${n + 1}, 'logEntries', $${n + 2}, $${n + 3}, $${n + 4}, null)`);
            values.push(team.team.id, entry.id, JSON.stringify(entry), ++version);
          }
          const t0 = performance.now();
          await client.query(`insert into records (team_id, tbl, id, row, version, author_person_id) values ${tuples.join(', ')}`, values);
          latencies.push(performance.now() - t0);
          rows += size;
        }
      }),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
  return { rows, seconds: (performance.now() - started) / 1000, p95Ms: percentile(latencies, 95) };
}

/** The run itself, on a started team server: enrol, set up, load, then check everything. */
async function underLoad(team: TeamServer, databaseUrl: string) {
  console.log(`\nSustained load: ${DEVICES} devices for ${SECONDS} s against ${team.server.url} (PostgreSQL)…`);
  const { lead, devices, checker } = await enrolTeam(team);
  const world = await pushSetup(lead);
  // The same loop with nobody else on the server: the team's pushes take turns (its row lock), so
  // how long one push takes alone bounds the team's rate.
  const alone: Tally = { pushMs: [], pullMs: [], errors: [] };
  await simulate(lead, world, performance.now() + ALONE_SECONDS * 1000, alone);
  // Each device starts as a console that just joined: everything pulled, its live stream open.
  for (const sim of devices) await sim.device.pullAll();
  const stopListening = new AbortController();
  const streams = devices.map((sim) => sim.device.listen(stopListening.signal, () => (sim.pokes += 1)));
  const tally: Tally = { pushMs: [], pullMs: [], errors: [] };
  team.server.handled.clear();
  const connections = sampleConnections(databaseUrl);
  const started = performance.now();
  try {
    await Promise.all(devices.map((sim) => simulate(sim, world, started + SECONDS * 1000, tally)));
  } finally {
    stopListening.abort();
  }
  const sampled = await connections.stop();
  const seconds = (performance.now() - started) / 1000;
  const served = describeHandled(team.server.handled);
  await Promise.allSettled(streams);

  const everyone = [lead, ...devices];
  const accepted = everyone.flatMap((sim) => [...sim.accepted.values()]);
  const everything = await pullEverything(checker);
  return {
    devices: DEVICES,
    seconds,
    accepted: accepted.length - lead.accepted.size,
    checked: accepted.length,
    alone: { push: { p50: percentile(alone.pushMs, 50), p95: percentile(alone.pushMs, 95) }, pull: { p50: percentile(alone.pullMs, 50), p95: percentile(alone.pullMs, 95) } },
    pushes: tally.pushMs.length,
    pulls: tally.pullMs.length,
    pokes: devices.reduce((n, sim) => n + sim.pokes, 0),
    push: { p50: percentile(tally.pushMs, 50), p95: percentile(tally.pushMs, 95), max: Math.max(...tally.pushMs) },
    pull: { p50: percentile(tally.pullMs, 50), p95: percentile(tally.pullMs, 95), max: Math.max(...tally.pullMs) },
    served,
    connections: { busyP50: percentile(sampled.busy, 50), waitingP50: percentile(sampled.waiting, 50), waitingMax: Math.max(...sampled.waiting) },
    errors: [...alone.errors, ...tally.errors],
    serverComplaints: [...team.server.complaints],
    lost: checkRows(accepted, everything.rows),
    repeated: everything.repeated,
    record: await checkServerRecord(databaseUrl, team.teamId, everyone),
    rowsPulledByChecker: everything.rows.size,
  };
}

const result = await withPostgres(async (freshDatabase) => {
  const databaseUrl = await freshDatabase('calma_load');
  const team = await startTeamServer({ kind: 'postgres', url: databaseUrl }, PEOPLE);
  let ours;
  try {
    ours = await underLoad(team, databaseUrl);
  } finally {
    await team.stop();
  }
  // With the server stopped, the same batch sizes straight into PostgreSQL.
  const sizes = seededRandom(999);
  return { ...ours, floor: await bareInserts(await freshDatabase('calma_load_floor'), () => 1 + Math.floor(sizes() * BATCH_MAX)) };
});

const oursRate = result.accepted / result.seconds;
const floorRate = result.floor.rows / result.floor.seconds;
const errors = result.errors.length;
const lost = result.lost.length + result.repeated.length + result.record.length;
const warnings = result.serverComplaints.length;
const rows: Row[] = [
  {
    benchmark: `sustained load, ${result.devices} devices × ${SECONDS} s (PostgreSQL)`,
    ours: `${perSecond(oursRate)} mutations (${result.accepted.toLocaleString('en')} in ${result.pushes.toLocaleString('en')} pushes); push p50 ${ms(result.push.p50)}, p95 ${ms(result.push.p95)}; pull p95 ${ms(result.pull.p95)}`,
    floor: `bare INSERT ${perSecond(floorRate)} rows, ${result.devices} connections (p95 ${ms(result.floor.p95Ms)})`,
    ratio: `${(floorRate / oursRate).toFixed(1)}x slower`,
    budget: 'report',
    verdict: 'ok',
  },
  {
    benchmark: 'sustained load: errors, lost mutations',
    ours: `${errors} errors, ${lost} lost or duplicated of ${result.checked.toLocaleString('en')} accepted${warnings > 0 ? `; ${warnings} server log lines at warn or above` : ''}`,
    floor: '',
    ratio: '',
    budget: '0 errors, 0 lost',
    verdict: errors === 0 && lost === 0 ? 'ok' : 'OVER',
  },
];
const problems = [...result.errors, ...result.lost, ...result.repeated.map((k) => `pulled twice: ${k}`), ...result.record, ...result.serverComplaints.map((line) => `server: ${line}`)];
for (const line of problems.slice(0, 20)) console.log(`  ! ${line}`);
const { alone } = result;
console.log(
  `Load: one device alone (${ALONE_SECONDS} s, same loop): push p50 ${ms(alone.push.p50)}, p95 ${ms(alone.push.p95)}; pull p50 ${ms(alone.pull.p50)}, p95 ${ms(alone.pull.p95)}. ` +
    `Under load: pull p50 ${ms(result.pull.p50)}, max ${ms(result.pull.max)}; push max ${ms(result.push.max)}; ${result.pulls.toLocaleString('en')} pulls; ` +
    `${result.pokes.toLocaleString('en')} pokes received on ${result.devices} live streams; checker pulled ${result.rowsPulledByChecker.toLocaleString('en')} rows. ` +
    `The server process, PostgreSQL and the ${result.devices} clients share this machine's cores.`,
);
console.log(`  the server's own time (p50/p95): ${result.served}`);
console.log(
  `  its PostgreSQL connections during the load (the server's pool): p50 ${result.connections.busyP50} busy, of which ${result.connections.waitingP50} waiting for a lock (at most ${result.connections.waitingMax})`,
);
report('load', rows, result);
