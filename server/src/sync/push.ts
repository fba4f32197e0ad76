import { and, eq } from 'drizzle-orm';
import { parseHlc } from '../../../shared/hlc';
import { mutationSchemas, type MutationName, type ParsedMutationArgs } from '../../../shared/mutations';
import { MutationError } from '../../../shared/mutations/error';
import { runMutator } from '../../../shared/mutators';
import { jsonBytes } from '../../../shared/sync/byteBudget';
import { MAX_BODY_BYTES, MAX_CLOCK_DRIFT_MS, type PushedMutation, type PushRequest, type PushResponse, type PushResult, type Refusal } from '../../../shared/sync/protocol';
import type { Caller } from '../auth/authenticate';
import type { Db, Tx } from '../db/connect';
import { devices, mutations, teams } from '../db/schema';
import { ApiError, SeqGapError } from '../errors';
import type { Log } from '../log';
import { authorise } from './policy';
import { notifyVersion } from './poke';
import type { ShippedLibrary } from './shippedLibrary';
import { SqlStore, WriteBatch } from './sqlStore';

export interface PushDeps {
  db: Db;
  shipped: ShippedLibrary;
  log: Log;
  now?: () => Date;
}

type Refused = Omit<Refusal, 'seq' | 'mutationId' | 'name' | 'at'>;

/**
 * Applies a device's outbox, in order, in one transaction.
 *
 * The transaction first locks the team row, then the device row. The team lock serialises the
 * team's writers, which gives two guarantees: mutators read rows no other push is changing (a
 * last-writer-wins patch never starts from a stale copy), and team versions commit in the order
 * they are numbered, so a pull that has seen version V can never later miss a row numbered below V.
 *
 * A seq at or below the device's lastSeq is a resend: it changes nothing and gets the answer it got
 * the first time (`duplicate`, or its refusal). A refusal is recorded and still advances lastSeq,
 * so it is never retried. A mutation's writes reach the push's WriteBatch only once its mutator
 * succeeded, so a refused one leaves no trace; the batch is written just before commit.
 */
export async function push(deps: PushDeps, caller: Caller, request: PushRequest): Promise<PushResponse> {
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
  const now = deps.now ?? (() => new Date());

  const response = await deps.db.transaction(async (tx) => {
    const [team] = await tx.select({ version: teams.version }).from(teams).where(eq(teams.id, caller.teamId)).for('update');
    const [device] = await tx
      .select({ lastSeq: devices.lastSeq })
      .from(devices)
      .where(and(eq(devices.teamId, caller.teamId), eq(devices.id, caller.deviceId)))
      .for('update');
    if (!team || !device) throw new ApiError(401, 'invalid-token', 'this device is no longer known to the team');
    const first = request.mutations[0]!.seq;
    if (first > device.lastSeq + 1) throw new SeqGapError(device.lastSeq + 1, first);

    let lastSeq = device.lastSeq;
    let version = team.version;
    const batch = new WriteBatch(tx, caller.teamId);
    const log: (typeof mutations.$inferInsert)[] = [];
    const results: PushResult[] = [];
    for (const m of request.mutations) {
      if (m.seq <= lastSeq) {
        results.push(await answerResend(tx, caller, m));
        continue;
      }
      const at = now();
      const outcome = await applyOne(deps, batch, caller, m, version + 1, at);
      const written = outcome.status === 'applied' && outcome.written;
      if (written) version += 1;
      const refusal = outcome.status === 'refused' ? { seq: m.seq, mutationId: m.id, name: m.name, ...outcome.refusal, at: at.toISOString() } : null;
      log.push({
        teamId: caller.teamId,
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
    await batch.flush();
    for (let i = 0; i < log.length; i += 1000) await tx.insert(mutations).values(log.slice(i, i + 1000));
    if (lastSeq !== device.lastSeq) {
      await tx.update(devices).set({ lastSeq }).where(and(eq(devices.teamId, caller.teamId), eq(devices.id, caller.deviceId)));
    }
    if (version !== team.version) {
      await tx.update(teams).set({ version }).where(eq(teams.id, caller.teamId));
      // Delivered by PostgreSQL at commit, and only if the transaction commits.
      await notifyVersion(tx, caller.teamId, version);
    }
    return { results, lastSeq, teamVersion: version };
  });

  const refused = response.results.filter((r) => r.status === 'refused');
  if (refused.length > 0) deps.log.info({ team: caller.teamId, device: caller.deviceId, refused: refused.map((r) => r.seq) }, 'mutations refused');
  return response;
}

async function answerResend(tx: Tx, caller: Caller, m: PushedMutation): Promise<PushResult> {
  const [earlier] = await tx
    .select({ mutationId: mutations.mutationId, status: mutations.status, refusal: mutations.refusal })
    .from(mutations)
    .where(and(eq(mutations.teamId, caller.teamId), eq(mutations.deviceId, caller.deviceId), eq(mutations.seq, m.seq)));
  if (earlier && earlier.mutationId !== m.id) {
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
        message: `seq ${m.seq} of this device was already used by mutation ${earlier.mutationId}; this mutation was not applied`,
        issues: [],
        at: new Date().toISOString(),
      },
    };
  }
  if (earlier?.status === 'refused' && earlier.refusal) return { seq: m.seq, status: 'refused', refusal: earlier.refusal as Refusal };
  return { seq: m.seq, status: 'duplicate' };
}

type Outcome = { status: 'applied'; written: boolean } | { status: 'refused'; refusal: Refused };

async function applyOne(deps: PushDeps, batch: WriteBatch, caller: Caller, m: PushedMutation, version: number, now: Date): Promise<Outcome> {
  if (m.withheldBytes !== undefined) return refuseWithheld(caller.deviceId, m.withheldBytes);
  const stamp = parseHlc(m.hlc);
  if (stamp.node !== caller.deviceId) {
    return refuse('invalid', `the HLC stamp names node ${stamp.node}, not this device (${caller.deviceId})`, [{ path: 'hlc', message: 'another node' }]);
  }
  const ahead = stamp.millis - now.getTime();
  if (ahead > MAX_CLOCK_DRIFT_MS) {
    return refuse('clock-drift', `this device's clock is ${Math.round(ahead / 1000)} s ahead of the server's (at most ${MAX_CLOCK_DRIFT_MS / 1000} s allowed): set the computer's date and time, then redo the change`);
  }
  if (!Object.hasOwn(mutationSchemas, m.name)) {
    return refuse('unknown-mutation', `this server does not know the mutation "${m.name}" (is it older than the console?)`);
  }
  const name = m.name as MutationName;
  const parsed = mutationSchemas[name].safeParse(m.args);
  if (!parsed.success) {
    return refuse(
      'invalid',
      `invalid arguments for ${name}`,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    );
  }
  try {
    const store = new SqlStore(batch, m.hlc, caller.personId, now, version, deps.shipped);
    await authorise({ role: caller.role, personId: caller.personId, store, shipped: deps.shipped }, name, parsed.data as ParsedMutationArgs<typeof name>);
    await runMutator(store, name, parsed.data as ParsedMutationArgs<typeof name>);
    store.commit();
    return { status: 'applied', written: store.written };
  } catch (error) {
    if (error instanceof MutationError) return refuse(error.code, error.message, error.issues);
    // A database error is not the mutation's fault: fail the whole push, the device retries it.
    if (isDatabaseError(error)) throw error;
    // Anything else is a mutator that cannot handle these arguments: it would fail on every
    // retry, so refuse it (the device reverts it) rather than block the outbox behind it forever.
    deps.log.error({ err: error, team: caller.teamId, device: caller.deviceId, seq: m.seq, mutation: name }, 'mutator failed');
    return refuse('invalid', `the server could not apply ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A mutation its device could not send (see pushedMutationSchema): refused like any other, so its
 * seq is spent and the device reverts it; the message says whether this server's limit or something
 * on the way (a proxy with a smaller limit) stopped it.
 */
function refuseWithheld(deviceId: string, bytes: number): Outcome {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  const why =
    jsonBytes({ deviceId, mutations: [] }) + bytes > MAX_BODY_BYTES
      ? `the team server accepts at most ${mb(MAX_BODY_BYTES)} in one request`
      : `something between the device and the team server (a proxy) refused a request that size`;
  return refuse('too-large', `this change is ${mb(bytes)} and could not be sent: ${why}; it was undone on the device that made it`);
}

function refuse(code: Refusal['code'], message: string, issues: Refusal['issues'] = []): Outcome {
  return { status: 'refused', refusal: { code, message, issues } };
}

function isDatabaseError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  // SQLSTATE codes (pg and PGlite both expose them), and drizzle's wrapper around a failed query.
  return (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) || error.name === 'DrizzleQueryError' || isDatabaseError(error.cause);
}

