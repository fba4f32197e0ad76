import type { MutationArgs, MutationName, OutboxEntry } from '@shared/mutations';
import { uuidv7 } from '@shared/uuid';
import { checkMutationArgs } from '@shared/mutations/checkArgs';
import { MutationError } from '@shared/mutations/error';
import type { DomainTable } from '@shared/mutations/store';
import { runMutator } from '@shared/mutators';
import type { CalmaDatabase } from './database';
import { clockFor, loadDevice, saveDevice } from './device';
import { MutationWriter } from './writer';

export interface CommittedChange {
  mutation: MutationName;
  seq: number;
  /** Ids written, by table. */
  touched: Map<DomainTable, Set<string>>;
}

export interface MutateOptions {
  /** Who is acting, as recorded in history rows. */
  actor: () => string;
  now?: () => Date;
  /** Called after the transaction commits (never for a failed mutation). */
  onCommit?: (change: CommittedChange) => void;
}

/**
 * The one way anything is written to the domain tables. In a single transaction it validates the
 * arguments, applies the mutator, and appends the mutation to the outbox stamped with an HLC and
 * the next per-device number. Either all of it is stored or none of it: a failure anywhere
 * (validation, a conflict, IndexedDB itself) leaves neither rows nor an outbox entry.
 */
export function createMutate(db: CalmaDatabase, options: MutateOptions) {
  const now = options.now ?? (() => new Date());
  return async function mutate<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<CommittedChange> {
    const parsed = checkMutationArgs(name, args);
    if (!parsed.ok) throw new MutationError('invalid', `invalid arguments for ${name}`, parsed.issues);
    const change = await db.transaction('rw', db.tables, async () => {
      const device = await loadDevice(db);
      const at = now();
      const clock = clockFor(device, () => at.getTime());
      const hlc = clock.tick();
      const writer = new MutationWriter(db, hlc, options.actor(), at);
      await runMutator(writer, name, parsed.args);
      const seq = device.lastSeq + 1;
      const touched = [...writer.touched].flatMap(([table, ids]) => [...ids].map((id) => ({ table, id })));
      const entry: OutboxEntry = { seq, id: uuidv7(at.getTime()), name, args: parsed.args as never, hlc, deviceId: device.id, at: at.toISOString(), touched };
      await db.outbox.add(entry);
      await saveDevice(db, { ...device, lastSeq: seq, lastHlc: hlc });
      return { mutation: name, seq, touched: writer.touched };
    });
    options.onCommit?.(change);
    return change;
  };
}

export type Mutate = ReturnType<typeof createMutate>;
