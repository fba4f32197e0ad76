import { mutationSchemas, type MutationArgs, type MutationName, type OutboxEntry } from '@shared/mutations';
import { uuidv7 } from '@shared/uuid';
import type { CalmaDatabase, TableName } from './database';
import { clockFor, loadDevice, saveDevice } from './device';
import { MutationError } from './mutationError';
import { answerMutators } from './mutators/answers';
import { incidentMutators } from './mutators/incidents';
import { playbookMutators } from './mutators/playbooks';
import { MutationWriter } from './writer';

const mutators = { ...answerMutators, ...playbookMutators, ...incidentMutators } satisfies Record<MutationName, (w: MutationWriter, args: never) => Promise<void>>;

export interface CommittedChange {
  mutation: MutationName;
  seq: number;
  /** Ids written, by table. */
  touched: Map<TableName, Set<string>>;
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
    const parsed = mutationSchemas[name].safeParse(args);
    if (!parsed.success) {
      throw new MutationError(
        'invalid',
        `invalid arguments for ${name}`,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    const change = await db.transaction('rw', db.tables, async () => {
      const device = await loadDevice(db);
      const at = now();
      const clock = clockFor(device, () => at.getTime());
      const hlc = clock.tick();
      const writer = new MutationWriter(db, hlc, options.actor(), at);
      await (mutators[name] as (w: MutationWriter, a: unknown) => Promise<void>)(writer, parsed.data);
      const seq = device.lastSeq + 1;
      const entry: OutboxEntry = { seq, id: uuidv7(at.getTime()), name, args: parsed.data as never, hlc, deviceId: device.id, at: at.toISOString() };
      await db.outbox.add(entry);
      await saveDevice(db, { ...device, lastSeq: seq, lastHlc: hlc });
      return { mutation: name, seq, touched: writer.touched };
    });
    options.onCommit?.(change);
    return change;
  };
}

export type Mutate = ReturnType<typeof createMutate>;
