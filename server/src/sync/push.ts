import { and, between, eq, inArray, or } from 'drizzle-orm';
import { parseHlc } from '../../../shared/hlc';
import { mutationSchemas, type MutationName, type ParsedMutationArgs } from '../../../shared/mutations';
import { checkMutationArgs } from '../../../shared/mutations/checkArgs';
import { MutationError } from '../../../shared/mutations/error';
import { runMutator } from '../../../shared/mutators';
import { jsonBytes } from '../../../shared/sync/byteBudget';
import {
  MAX_BODY_BYTES,
  MAX_CLOCK_DRIFT_MS,
  MAX_PUSH_MUTATIONS,
  type PushedMutation,
  type PushRequest,
  type PushResponse,
  type PushResult,
  type Refusal,
} from '../../../shared/sync/protocol';
import type { Caller } from '../auth/authenticate';
import type { Db, Tx } from '../db/connect';
import { devices, mutations, teams } from '../db/schema';
import { ApiError, SeqGapError } from '../errors';
import type { Log } from '../log';
import { GroupQueue } from './groupQueue';
import { writeGroup, type LoggedMutation } from './groupWrites';
import { authorise } from './policy';
import type { ShippedLibrary } from './shippedLibrary';
import { RowsNotLoaded, SqlStore, WriteBatch } from './sqlStore';

export interface PushDeps {
  db: Db;
  shipped: ShippedLibrary;
  log: Log;
  now?: () => Date;
  /**
   * How many runs a group of pushes may make to learn which rows it reads, before the run that
   * reads them (WriteBatch.runLearning). 0 reads each row as a mutator asks for it, one statement
   * per read: the same outcome, which the tests compare against.
   */
  learningRounds?: number;
}

const LEARNING_ROUNDS = 4;

type Refused = Omit<Refusal, 'seq' | 'mutationId' | 'name' | 'at'>;

/** A pushed mutation as checked on arrival: what is left to do is to run its mutator, or to record its refusal. */
type Prepared = { m: PushedMutation; at: Date } & ({ refused: Refused } | { name: MutationName; args: ParsedMutationArgs<MutationName> });

/** A push waiting for its team's turn, checked and parsed already (that needs no lock). */
interface PushJob {
  caller: Caller;
  mutations: Prepared[];
  /** The request body's size: a group is never larger than one push may be. */
  bytes: number;
}

/**
 * Applies devices' outboxes, each in order, serialising the pushes of a team.
 *
 * Within this process, a team's pushes wait in memory (GroupQueue) and take turns; the pushes that
 * arrived during a turn are applied together at the next one, in one transaction, each still
 * getting its own answer (whose teamVersion is the one its group committed). A push waiting for its
 * turn holds no database connection, so a team pushing hard leaves the pool to pulls and to other
 * teams. The lock is held for a handful of statements however large the group: lock the team, read
 * the devices, read the rows the mutations ask for (a statement or two for all of them, see
 * WriteBatch.runLearning), write everything (writeGroup), commit.
 *
 * Across processes (several may share one PostgreSQL), the transaction first locks the team row,
 * then the devices' rows. The team lock serialises the team's writers, which gives two guarantees:
 * mutators read rows no other push is changing (a last-writer-wins patch never starts from a stale
 * copy), and team versions commit in the order they are numbered, so a pull that has seen version V
 * can never later miss a row numbered below V.
 *
 * A seq at or below the device's lastSeq is a resend: it changes nothing and gets the answer it got
 * the first time (`duplicate`, or its refusal). A refusal is recorded and still advances lastSeq,
 * so it is never retried. A mutation's writes reach the group's WriteBatch only once its mutator
 * succeeded, so a refused one leaves no trace; the batch is written just before commit.
 */
export class Pushes {
  private readonly queue: GroupQueue<PushJob, PushResponse>;

  constructor(private readonly deps: PushDeps) {
    this.queue = new GroupQueue((_team, jobs) => this.applyGroup(jobs), fitsGroup);
  }

  /** `bytes`: the size of the request's body. */
  async push(caller: Caller, request: PushRequest, bytes = 0): Promise<PushResponse> {
    if (request.deviceId !== caller.deviceId) {
      throw new ApiError(403, 'device-mismatch', `this token belongs to device ${caller.deviceId}, not ${request.deviceId}`);
    }
    request.mutations.forEach((m, i) => {
      const previous = request.mutations[i - 1];
      if (previous && m.seq !== previous.seq + 1) {
        throw new ApiError(400, 'invalid-request', 'the mutations of a push must have consecutive seqs, in order', [
          { path: `mutations.${i}.seq`, message: `expected ${previous.seq + 1}, got ${m.seq}` },
        ]);
      }
    });
    const now = this.deps.now ?? (() => new Date());
    const prepared = request.mutations.map((m) => prepare(caller, m, now()));
    const response = await this.queue.add(caller.teamId, { caller, mutations: prepared, bytes });
    const refused = response.results.filter((r) => r.status === 'refused');
    if (refused.length > 0) this.deps.log.info({ team: caller.teamId, device: caller.deviceId, refused: refused.map((r) => r.seq) }, 'mutations refused');
    return response;
  }

  private async applyGroup(jobs: readonly PushJob[]): Promise<PromiseSettledResult<PushResponse>[]> {
    try {
      return await this.applyTogether(jobs);
    } catch (error) {
      if (jobs.length === 1) return [{ status: 'rejected', reason: error }];
      // Whatever failed (a row the database refuses, a lost connection) must fail only the push it
      // belongs to: each again, alone.
      this.deps.log.warn({ err: error, team: jobs[0]!.caller.teamId, pushes: jobs.length }, 'a group of pushes failed; applying each alone');
      const settled: PromiseSettledResult<PushResponse>[] = [];
      for (const job of jobs) settled.push(...(await this.applyGroup([job])));
      return settled;
    }
  }

  private async applyTogether(jobs: readonly PushJob[]): Promise<PromiseSettledResult<PushResponse>[]> {
    const teamId = jobs[0]!.caller.teamId;
    const { results, failures } = await this.deps.db.transaction(async (tx) => {
      const [team] = await tx.select({ version: teams.version }).from(teams).where(eq(teams.id, teamId)).for('update');
      const found = await tx
        .select({ id: devices.id, lastSeq: devices.lastSeq })
        .from(devices)
        .where(and(eq(devices.teamId, teamId), inArray(devices.id, jobs.map((j) => j.caller.deviceId))))
        .orderBy(devices.id)
        .for('update');
      const lastSeqs = new Map(found.map((d) => [d.id, d.lastSeq]));
      const turns = jobs.map((job): Turn | ApiError => {
        const lastSeq = lastSeqs.get(job.caller.deviceId);
        if (!team || lastSeq === undefined) return new ApiError(401, 'invalid-token', 'this device is no longer known to the team');
        const first = job.mutations[0]!.m.seq;
        if (first > lastSeq + 1) return new SeqGapError(lastSeq + 1, first);
        return { job, lastSeq };
      });
      const running = turns.filter((t): t is Turn => !(t instanceof ApiError));
      const earlier = await earlierMutations(tx, teamId, running);
      const batch = new WriteBatch(tx, teamId);
      const run = await batch.runLearning(() => this.applyAll(batch, running, team?.version ?? 0, earlier), this.deps.learningRounds ?? LEARNING_ROUNDS);

      const moved = running.flatMap((t, i) => (run.pushes[i]!.lastSeq === t.lastSeq ? [] : [{ id: t.job.caller.deviceId, lastSeq: run.pushes[i]!.lastSeq }]));
      await writeGroup(tx, {
        teamId,
        rows: batch.written(),
        log: run.log,
        devices: moved,
        version: team && run.version !== team.version ? run.version : null,
      });
      const answers = new Map(running.map((t, i) => [t.job, { results: run.pushes[i]!.results, lastSeq: run.pushes[i]!.lastSeq, teamVersion: run.version }]));
      return {
        results: turns.map((t): PromiseSettledResult<PushResponse> => (t instanceof ApiError ? { status: 'rejected', reason: t } : { status: 'fulfilled', value: answers.get(t.job)! })),
        failures: run.failures,
      };
    });
    for (const f of failures) this.deps.log.error({ err: f.error, team: teamId, device: f.deviceId, seq: f.seq, mutation: f.name }, 'mutator failed');
    return results;
  }

  /**
   * Every mutation of the group, in order, over `batch`: from scratch on every call (see
   * WriteBatch.runLearning), changing nothing but the batch.
   */
  private async applyAll(batch: WriteBatch, turns: readonly Turn[], teamVersion: number, earlier: EarlierMutations): Promise<GroupRun> {
    let version = teamVersion;
    const log: LoggedMutation[] = [];
    const pushes: GroupRun['pushes'] = [];
    const failures: MutatorFailure[] = [];
    for (const { job, lastSeq: before } of turns) {
      const { caller } = job;
      let lastSeq = before;
      const results: PushResult[] = [];
      for (const p of job.mutations) {
        const { m, at } = p;
        if (m.seq <= lastSeq) {
          results.push(answerResend(earlier, caller, m));
          continue;
        }
        const outcome = await this.applyOne(batch, caller, p, version + 1);
        // A learning run: it will be thrown away, so this mutation's answer does not matter.
        if (outcome.status === 'unloaded') continue;
        if (outcome.status === 'refused' && outcome.failure !== undefined) failures.push({ error: outcome.failure, deviceId: caller.deviceId, seq: m.seq, name: m.name });
        const written = outcome.status === 'applied' && outcome.written;
        if (written) version += 1;
        const refusal = outcome.status === 'refused' ? { seq: m.seq, mutationId: m.id, name: m.name, ...outcome.refusal, at: at.toISOString() } : null;
        log.push({
          deviceId: caller.deviceId,
          seq: m.seq,
          mutationId: m.id,
          name: m.name,
          hlc: m.hlc,
          personId: caller.personId,
          status: outcome.status,
          version: written ? version : null,
          refusal,
          receivedAt: at,
        });
        results.push(refusal ? { seq: m.seq, status: 'refused', refusal } : { seq: m.seq, status: 'applied', version });
        lastSeq = m.seq;
      }
      pushes.push({ results, lastSeq });
    }
    return { version, log, pushes, failures };
  }

  private async applyOne(batch: WriteBatch, caller: Caller, p: Prepared, version: number): Promise<Outcome> {
    if ('refused' in p) return { status: 'refused', refusal: p.refused };
    const { m, name, args } = p;
    try {
      const store = new SqlStore(batch, m.hlc, caller.personId, p.at, version, this.deps.shipped);
      await authorise({ role: caller.role, personId: caller.personId, store, shipped: this.deps.shipped }, name, args);
      await runMutator(store, name, args);
      store.commit();
      return { status: 'applied', written: store.written };
    } catch (error) {
      if (error instanceof RowsNotLoaded) return { status: 'unloaded' };
      if (error instanceof MutationError) return refuse(error.code, error.message, error.issues);
      // A database error is not the mutation's fault: fail the whole push, the device retries it.
      if (isDatabaseError(error)) throw error;
      // Anything else is a mutator that cannot handle these arguments: it would fail on every
      // retry, so refuse it (the device reverts it) rather than block the outbox behind it forever.
      return { status: 'refused', refusal: refusalOf('invalid', `the server could not apply ${name}: ${error instanceof Error ? error.message : String(error)}`), failure: error };
    }
  }
}

interface Turn {
  job: PushJob;
  /** The device's lastSeq when the group's transaction began. */
  lastSeq: number;
}

interface MutatorFailure {
  error: unknown;
  deviceId: string;
  seq: number;
  name: string;
}

interface GroupRun {
  version: number;
  log: LoggedMutation[];
  /** By turn, in order. */
  pushes: { results: PushResult[]; lastSeq: number }[];
  failures: MutatorFailure[];
}

type Outcome = { status: 'applied'; written: boolean } | { status: 'refused'; refusal: Refused; failure?: unknown } | { status: 'unloaded' };

/**
 * A group takes pushes from the front of its team's queue while it stays within what one push may
 * be (MAX_PUSH_MUTATIONS mutations, MAX_BODY_BYTES), and holds one push per device at most: a
 * device's next push (a resend racing the original, say) must see what the one before it did.
 */
function fitsGroup(group: readonly PushJob[], next: PushJob): boolean {
  if (group.some((job) => job.caller.deviceId === next.caller.deviceId)) return false;
  const count = group.reduce((n, job) => n + job.mutations.length, next.mutations.length);
  const bytes = group.reduce((n, job) => n + job.bytes, next.bytes);
  return count <= MAX_PUSH_MUTATIONS && bytes <= MAX_BODY_BYTES;
}

/**
 * What can be decided about a mutation on arrival, without the database: whether it is refused
 * for itself (withheld, a stamp of another node or too far ahead, an unknown name, invalid
 * arguments), or else its parsed arguments. `at` is when it arrived, recorded with it.
 */
function prepare(caller: Caller, m: PushedMutation, at: Date): Prepared {
  const refused = (refusal: Refused): Prepared => ({ m, at, refused: refusal });
  if (m.withheldBytes !== undefined) return refused(withheldRefusal(caller.deviceId, m.withheldBytes));
  const stamp = parseHlc(m.hlc);
  if (stamp.node !== caller.deviceId) {
    return refused(refusalOf('invalid', `the HLC stamp names node ${stamp.node}, not this device (${caller.deviceId})`, [{ path: 'hlc', message: 'another node' }]));
  }
  const ahead = stamp.millis - at.getTime();
  if (ahead > MAX_CLOCK_DRIFT_MS) {
    return refused(
      refusalOf(
        'clock-drift',
        `this device's clock is ${Math.round(ahead / 1000)} s ahead of the server's (at most ${MAX_CLOCK_DRIFT_MS / 1000} s allowed): set the computer's date and time, then redo the change`,
      ),
    );
  }
  if (!Object.hasOwn(mutationSchemas, m.name)) {
    return refused(refusalOf('unknown-mutation', `this server does not know the mutation "${m.name}" (is it older than the console?)`));
  }
  const name = m.name as MutationName;
  const parsed = checkMutationArgs(name, m.args);
  if (!parsed.ok) return refused(refusalOf('invalid', `invalid arguments for ${name}`, parsed.issues));
  return { m, at, name, args: parsed.args };
}

type EarlierMutations = Map<string, { mutationId: string; status: string; refusal: unknown }>;
const earlierKey = (deviceId: string, seq: number) => `${deviceId}\u0000${seq}`;

/** What the group's resends were the first time: one statement for all of them (usually there are none). */
async function earlierMutations(tx: Tx, teamId: string, turns: readonly Turn[]): Promise<EarlierMutations> {
  const resending = turns.filter((t) => t.job.mutations[0]!.m.seq <= t.lastSeq);
  const out: EarlierMutations = new Map();
  if (resending.length === 0) return out;
  const rows = await tx
    .select({ deviceId: mutations.deviceId, seq: mutations.seq, mutationId: mutations.mutationId, status: mutations.status, refusal: mutations.refusal })
    .from(mutations)
    .where(
      and(
        eq(mutations.teamId, teamId),
        or(...resending.map((t) => and(eq(mutations.deviceId, t.job.caller.deviceId), between(mutations.seq, t.job.mutations[0]!.m.seq, t.lastSeq)))),
      ),
    );
  for (const row of rows) out.set(earlierKey(row.deviceId, row.seq), row);
  return out;
}

function answerResend(earlier: EarlierMutations, caller: Caller, m: PushedMutation): PushResult {
  const first = earlier.get(earlierKey(caller.deviceId, m.seq));
  if (first && first.mutationId !== m.id) {
    // Not a resend: the device numbered two different mutations alike. Refuse this one (unrecorded:
    // the seq belongs to the first), so the device reverts it instead of believing it synced.
    return {
      seq: m.seq,
      status: 'refused',
      refusal: {
        seq: m.seq,
        mutationId: m.id,
        name: m.name,
        code: 'conflict',
        message: `seq ${m.seq} of this device was already used by mutation ${first.mutationId}; this mutation was not applied`,
        issues: [],
        at: new Date().toISOString(),
      },
    };
  }
  if (first?.status === 'refused' && first.refusal) return { seq: m.seq, status: 'refused', refusal: first.refusal as Refusal };
  return { seq: m.seq, status: 'duplicate' };
}

/**
 * A mutation its device could not send (see pushedMutationSchema): refused like any other, so its
 * seq is spent and the device reverts it; the message says whether this server's limit or something
 * on the way (a proxy with a smaller limit) stopped it.
 */
function withheldRefusal(deviceId: string, bytes: number): Refused {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  const why =
    jsonBytes({ deviceId, mutations: [] }) + bytes > MAX_BODY_BYTES
      ? `the team server accepts at most ${mb(MAX_BODY_BYTES)} in one request`
      : `something between the device and the team server (a proxy) refused a request that size`;
  return refusalOf('too-large', `this change is ${mb(bytes)} and could not be sent: ${why}; it was undone on the device that made it`);
}

function refusalOf(code: Refusal['code'], message: string, issues: Refusal['issues'] = []): Refused {
  return { code, message, issues };
}

function refuse(code: Refusal['code'], message: string, issues: Refusal['issues'] = []): Outcome {
  return { status: 'refused', refusal: refusalOf(code, message, issues) };
}

function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // SQLSTATE codes (pg and PGlite both expose them), and drizzle's wrapper around a failed query.
  return (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) || error.name === 'DrizzleQueryError' || isDatabaseError(error.cause);
}
