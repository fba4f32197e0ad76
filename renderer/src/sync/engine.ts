import { mutationSchemas, type MutationName, type OutboxEntry, type ParsedMutationArgs } from '@shared/mutations';
import type { DomainTable } from '@shared/mutations/store';
import { runMutator } from '@shared/mutators';
import { MAX_BODY_BYTES, MAX_PUSH_MUTATIONS, PULL_PAGE_MAX, type ChangedRow, type PullResponse, type Refusal } from '@shared/sync/protocol';
import { nextPushRequest } from '@shared/sync/pushBatches';
import { TABLE_RULES, mergeIncoming } from '@shared/sync/tables';
import type { CalmaDatabase } from '../db/database';
import { clockFor, loadDevice, saveDevice } from '../db/device';
import { RecordingStore } from './recordingStore';
import { teamLink } from './teamLink';
import { SeqGapError, ServerError, type SyncTransport } from './transport';

export type Touched = Map<DomainTable, Set<string>>;

export interface SyncDeps {
  db: CalmaDatabase;
  transport: SyncTransport;
  /** Told which rows changed after every transaction that changed any (the search index listens). */
  onChanged: (touched: Touched) => void;
  now?: () => Date;
  /** Rows per pull page (the server's default when absent). */
  pageSize?: number;
}

/** A row from the server that does not fit the domain's schema: nothing of its page is applied. */
export class SyncDataError extends Error {
  constructor(readonly issues: { table: string; id: string; message: string }[]) {
    super(`the server sent ${issues.length} row(s) this version of Calma cannot read: ${issues.slice(0, 3).map((i) => `${i.table}/${i.id}: ${i.message}`).join('; ')}`);
    this.name = 'SyncDataError';
  }
}

function addTouched(into: Touched, from: Touched): Touched {
  for (const [table, ids] of from) {
    const set = into.get(table) ?? new Set<string>();
    for (const id of ids) set.add(id);
    into.set(table, set);
  }
  return into;
}

/**
 * Sends the outbox in order, a batch at a time, until nothing is waiting. Acknowledged rows leave
 * the outbox; refused mutations are reverted here and kept for people to read.
 *
 * Batches are packed by encoded size under the server's body limit (shared/sync/pushBatches.ts). A
 * 413 anyway means something in between has a smaller limit (a reverse proxy's default is often
 * 1 MB): the budget is halved until the batch gets through, down to one mutation, and a mutation
 * refused alone is sent withheld, so that it is refused, reverted and explained rather than
 * blocking everything behind it.
 */
export async function pushOutbox(deps: SyncDeps): Promise<{ applied: number; refused: number }> {
  const { db, transport } = deps;
  const deviceId = (await db.transaction('rw', db.meta, () => loadDevice(db))).id;
  let applied = 0;
  let refused = 0;
  let budget = MAX_BODY_BYTES;
  const withhold = new Set<number>();
  for (;;) {
    const waiting = await db.outbox.orderBy('seq').limit(MAX_PUSH_MUTATIONS).toArray();
    if (waiting.length === 0) return { applied, refused };
    const planned = nextPushRequest(deviceId, waiting.map(({ seq, id, name, args, hlc, at }) => ({ seq, id, name, args, hlc, at })), { budget, withhold });
    const sent = planned.request.mutations;
    const batch = waiting.slice(0, sent.length);
    let response;
    try {
      response = await transport.push(planned.request);
    } catch (error) {
      if (error instanceof SeqGapError && error.expectedSeq > batch[0]!.seq) {
        // The server already handled these (its answer was lost): drop them and go on.
        await db.outbox.where('seq').below(error.expectedSeq).delete();
        continue;
      }
      if (error instanceof ServerError && error.status === 413) {
        if (sent.length > 1) {
          budget = Math.floor(planned.bytes / 2);
          continue;
        }
        if (sent[0]!.withheldBytes === undefined) {
          withhold.add(sent[0]!.seq);
          continue;
        }
      }
      throw error;
    }
    const refusedHere: { entry: OutboxEntry; refusal: Refusal }[] = [];
    for (const result of response.results) {
      if (result.status === 'applied') applied += 1;
      if (result.status !== 'refused') continue;
      refused += 1;
      const entry = batch.find((e) => e.seq === result.seq);
      if (entry) refusedHere.push({ entry, refusal: result.refusal });
    }
    await revertRefused(deps, refusedHere, response.lastSeq);
    await db.outbox.where('seq').belowOrEqual(response.lastSeq).delete();
    if (response.lastSeq < batch[0]!.seq) throw new Error(`the server acknowledged nothing of this push (last seq ${response.lastSeq})`);
  }
}

const refKey = (table: string, id: string) => `${table}\u0000${id}`;

/**
 * Undoes, on this machine, mutations the server refused: every row they read or wrote goes back to
 * the server's copy (or away, if the server has none), the mutations still waiting to be pushed
 * that depend on those rows are replayed on top, and the refusals are kept so the UI can say what
 * happened and why.
 */
export async function revertRefused(deps: SyncDeps, refused: readonly { entry: OutboxEntry; refusal: Refusal }[], handledUpTo: number): Promise<void> {
  if (refused.length === 0) return;
  const { db, transport } = deps;
  const refs = new Map<string, { table: DomainTable; id: string }>();
  for (const { entry } of refused) for (const ref of entry.touched ?? (await probeRefs(db, entry))) refs.set(refKey(ref.table, ref.id), ref);
  const wanted = [...refs.values()];
  const serverRows: ChangedRow[] = [];
  for (let i = 0; i < wanted.length; i += PULL_PAGE_MAX) serverRows.push(...(await transport.rows(wanted.slice(i, i + PULL_PAGE_MAX))));
  const touched = await db.transaction('rw', db.tables, async () => {
    const changed = await undoAndReplay(db, refused.map((r) => r.entry), wanted, serverRows, handledUpTo);
    const seqs = new Set(refused.map((r) => r.refusal.seq));
    await teamLink.setRefusals(db, [...(await teamLink.refusals(db)).filter((r) => !seqs.has(r.seq)), ...refused.map((r) => r.refusal)]);
    return changed;
  });
  deps.onChanged(touched);
}

/**
 * The local half of a revert, in one read-write transaction over every table (the caller's, if it
 * has one open): the refused mutations' rows take the server's values (`refs` absent from
 * `serverRows` are removed), the refused outbox rows go, and pending mutations (after the refused
 * ones and after `handledUpTo`, whose effects the server rows already hold) are replayed on top.
 *
 * Only the pending mutations that wrote a row the revert changed are replayed, and then those that
 * wrote a row a replay may have changed, and so on in seq order. The others would be no-ops: every
 * mutator's writes depend only on its arguments and on the rows it writes, each of which still
 * holds its effect under a stamp at least as new (a row it only reads, like the incident a log
 * entry belongs to, decides whether it applies at all, and a mutation that no longer applies
 * writes nothing either way). So the result is what replaying every pending mutation gives
 * (test/unit/sync/revert.test.ts checks it against that), for the work of the few that matter. An
 * outbox row that does not record what it wrote (older than `touched`) is always replayed.
 */
export async function undoAndReplay(
  db: CalmaDatabase,
  entries: readonly OutboxEntry[],
  refs: readonly { table: DomainTable; id: string }[],
  serverRows: readonly ChangedRow[],
  handledUpTo: number,
): Promise<Touched> {
  return db.transaction('rw', db.tables, async () => {
    const found = new Set(serverRows.map((r) => refKey(r.table, r.id)));
    for (const row of serverRows) await db.table(row.table).put(row.row);
    for (const ref of refs) if (!found.has(refKey(ref.table, ref.id))) await db.table(ref.table).delete(ref.id);
    const touched: Touched = new Map();
    for (const ref of refs) addTouched(touched, new Map([[ref.table, new Set([ref.id])]]));
    await db.outbox.bulkDelete(entries.map((e) => e.seq));
    const dirty = new Set(refs.map((r) => refKey(r.table, r.id)));
    // Work made here after the refused mutations, not yet pushed, stays on top of the server's rows.
    const after = Math.max(handledUpTo, ...entries.map((e) => e.seq));
    const pending = await db.outbox.where('seq').above(after).toArray();
    for (const later of pending) {
      if (later.touched && !later.touched.some((r) => dirty.has(refKey(r.table, r.id)))) continue;
      const wrote = await replayEntry(db, later);
      for (const r of later.touched ?? []) dirty.add(refKey(r.table, r.id));
      for (const [table, ids] of wrote) for (const id of ids) dirty.add(refKey(table, id));
      addTouched(touched, wrote);
    }
    return touched;
  });
}

/** The rows a mutation reads or writes, found by running it on the side (for outbox rows that did not record them). */
async function probeRefs(db: CalmaDatabase, entry: OutboxEntry): Promise<{ table: DomainTable; id: string }[]> {
  const probe = new RecordingStore(db, entry.hlc, '', new Date(entry.at));
  // An async scope that awaits: Dexie may commit early under a scope that hands back a bare native promise.
  await db.transaction('r', db.tables, async () => {
    await runMutator(probe, entry.name, entry.args as never).catch(() => undefined);
  });
  return probe.refs();
}

/** Re-applies one pending mutation on the current rows; one that no longer applies changes nothing. */
export async function replayEntry(db: CalmaDatabase, entry: OutboxEntry): Promise<Touched> {
  const args = mutationSchemas[entry.name as MutationName].safeParse(entry.args);
  if (!args.success) return new Map();
  const store = new RecordingStore(db, entry.hlc, '', new Date(entry.at));
  try {
    await runMutator(store, entry.name, args.data as ParsedMutationArgs<typeof entry.name>);
  } catch {
    // The server will refuse it too, and that refusal reverts it like this one.
    return new Map();
  }
  return store.commit();
}

/** Checks every row of a page against the domain schemas before anything is written. */
function validatePage(changes: ChangedRow[]): ChangedRow[] {
  const issues: { table: string; id: string; message: string }[] = [];
  const rows = changes.map((change) => {
    const parsed = TABLE_RULES[change.table].schema.safeParse(change.row);
    if (!parsed.success) {
      issues.push({ table: change.table, id: change.id, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(', ') });
      return change;
    }
    if ((parsed.data as { id: string }).id !== change.id) issues.push({ table: change.table, id: change.id, message: 'the row carries another id' });
    return { ...change, row: parsed.data as Record<string, unknown> };
  });
  if (issues.length > 0) throw new SyncDataError(issues);
  return rows;
}

/**
 * Applies one page in one transaction: server rows merged under this machine's unpushed edits,
 * the cursor moved, and outbox rows the server has handled dropped. A failure leaves the page
 * unapplied and the cursor where it was, so the next pull asks for it again.
 */
export async function applyPage(db: CalmaDatabase, page: PullResponse, now: () => Date = () => new Date()): Promise<Touched> {
  const changes = validatePage(page.changes);
  const byTable = new Map<DomainTable, ChangedRow[]>();
  for (const change of changes) byTable.set(change.table, [...(byTable.get(change.table) ?? []), change]);
  return db.transaction('rw', db.tables, async () => {
    const link = await teamLink.get(db);
    if (!link) throw new Error('this machine left the team while a pull was running');
    const touched: Touched = new Map();
    for (const [table, rows] of byTable) {
      const local = (await db.table(table).bulkGet(rows.map((r) => r.id))) as ({ id: string } & Record<string, unknown>)[];
      const merged = rows.map((r, i) => mergeIncoming(table, local[i], r.row as { id: string } & Record<string, unknown>));
      await db.table(table).bulkPut(merged);
      touched.set(table, new Set(rows.map((r) => r.id)));
    }
    await db.outbox.where('seq').belowOrEqual(page.lastSeq).delete();
    await teamLink.set(db, { ...link, cursor: page.cursor });
    await observeStamps(db, changes, now);
    return touched;
  });
}

/**
 * Moves this device's clock past every stamp it has just seen, so an edit made after reading a
 * teammate's change is stamped later and wins, even when this machine's clock runs behind. A stamp
 * too far in the future (a teammate's clock is wrong) is not followed; the server refuses those.
 */
async function observeStamps(db: CalmaDatabase, changes: ChangedRow[], now: () => Date): Promise<void> {
  let latest = '';
  for (const { row } of changes) {
    const clock = row.clock as Record<string, string> | undefined;
    if (clock) for (const stamp of Object.values(clock)) if (stamp > latest) latest = stamp;
  }
  if (!latest) return;
  const device = await loadDevice(db);
  if (device.lastHlc && device.lastHlc >= latest) return;
  try {
    const clock = clockFor(device, () => now().getTime());
    await saveDevice(db, { ...device, lastHlc: clock.receive(latest) });
  } catch {
    // ClockDriftError: keep our own clock.
  }
}

/** Pulls every page after the stored cursor. Refusals the push never heard of are handled first. */
export async function pullAll(deps: SyncDeps): Promise<{ pages: number; rows: number }> {
  const { db, transport } = deps;
  const deviceId = (await db.transaction('rw', db.meta, () => loadDevice(db))).id;
  let pages = 0;
  let rows = 0;
  for (;;) {
    const link = await teamLink.get(db);
    if (!link) return { pages, rows };
    const page = await transport.pull({ deviceId, cursor: link.cursor, ...(deps.pageSize ? { limit: deps.pageSize } : {}) });
    const refused: { entry: OutboxEntry; refusal: Refusal }[] = [];
    for (const refusal of page.refusals) {
      const entry = await db.outbox.get(refusal.seq);
      if (entry && entry.id === refusal.mutationId) refused.push({ entry, refusal });
    }
    await revertRefused(deps, refused, page.lastSeq);
    const touched = await applyPage(db, page, deps.now);
    if (touched.size > 0) deps.onChanged(touched);
    pages += 1;
    rows += page.changes.length;
    if (!page.more) return { pages, rows };
  }
}

/** One full round: push what is waiting, then pull what the team did. */
export async function syncOnce(deps: SyncDeps): Promise<{ applied: number; refused: number; pulled: number }> {
  const pushed = await pushOutbox(deps);
  const pulled = await pullAll(deps);
  const now = (deps.now ?? (() => new Date()))();
  await deps.db.transaction('rw', deps.db.meta, async () => {
    const link = await teamLink.get(deps.db);
    if (link) await teamLink.set(deps.db, { ...link, lastSyncedAt: now.toISOString() });
  });
  return { ...pushed, pulled: pulled.rows };
}
