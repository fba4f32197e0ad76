import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { mutationSchemas } from '../../../shared/mutations';
import { jsonBytes } from '../../../shared/sync/byteBudget';
import { MAX_BODY_BYTES } from '../../../shared/sync/protocol';
import { createMutate } from '../../../renderer/src/db/mutate';
import { loadDevice } from '../../../renderer/src/db/device';
import { SyncRunner } from '../../../renderer/src/sync/runner';
import { memoryHost } from '../server/support/consoleHost';
import { IMPORT_PART_BYTES, importParts, writeImport } from '../../../renderer/src/features/people/writeImport';
import { freshDb, mutateFor } from '../db/fixtures';
import { person } from '../people/people';
import { directory } from './directory';

describe('importParts', () => {
  it('cuts an import into parts under the budget, in order, losing nothing', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(30), fc.integer({ min: 600, max: 5000 }), fc.string({ maxLength: 40 }), (creating, merging, budget, source) => {
        const create = directory(creating);
        const update = directory(merging, 'm').map((p) => ({ id: p.id, fields: { email: p.email, notes: p.notes } }));
        const parts = importParts(source, { create, update }, budget);
        expect(parts.flatMap((p) => p.create)).toEqual(create);
        expect(parts.flatMap((p) => p.update)).toEqual(update);
        for (const part of parts) {
          expect(part.source).toBe(source);
          if (part.create.length + part.update.length > 1) expect(jsonBytes(part)).toBeLessThanOrEqual(budget);
          expect(mutationSchemas['people.import'].safeParse(part).success).toBe(true);
        }
        if (creating + merging === 0) expect(parts).toEqual([{ source, create: [], update: [] }]);
      }),
    );
  });

  it('makes a 10,000-person directory several mutations, each a fraction of what a push may carry', () => {
    const create = directory(10_000);
    expect(jsonBytes({ source: 'personas.csv', create, update: [] })).toBeGreaterThan(MAX_BODY_BYTES); // one mutation could never be sent
    const parts = importParts('personas.csv', { create, update: [] });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(jsonBytes(part)).toBeLessThanOrEqual(IMPORT_PART_BYTES);
  });
});

describe('writeImport', () => {
  it('writes every part in one local transaction: all the people, one outbox row per part', async () => {
    const db = freshDb();
    const create = directory(3_000);
    await writeImport(db, mutateFor(db), 'personas.csv', { create, update: [] });
    expect(await db.people.count()).toBe(3_000);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.length).toBe(importParts('personas.csv', { create, update: [] }).length);
    expect(outbox.map((e) => e.name)).toEqual(outbox.map(() => 'people.import'));
    expect(outbox.map((e) => e.seq)).toEqual(outbox.map((_, i) => i + 1));
    await db.delete();
  });

  it('is not broken by the sync loop waking up inside its transaction (each part asks for a sync)', async () => {
    const db = freshDb();
    const runner = new SyncRunner({ db, host: memoryHost(), transportFor: () => undefined as never, onChanged: () => undefined, onRemoved: () => undefined, idleMs: 60_000 });
    runner.start();
    try {
      // As in the console: every committed mutation asks the runner for a round.
      const mutate = createMutate(db, { actor: () => 'ana', now: () => new Date('2026-03-01T10:00:00Z'), onCommit: () => runner.requestSync() });
      await writeImport(db, mutate, 'personas.csv', { create: directory(3_000), update: [] });
      expect(await db.people.count()).toBe(3_000);
      expect(await db.outbox.count()).toBeGreaterThan(1);
    } finally {
      runner.stop();
      await db.delete();
    }
  });

  it('writes nothing at all when a later part fails', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await mutate('person.create', { person: person({ id: 'ana', name: 'Ana' }) });
    const before = await db.transaction('rw', db.meta, () => loadDevice(db));
    // The merges come after the new people, in parts of their own; the last one names nobody.
    const create = directory(3_000);
    const update = [{ id: 'ana', fields: { email: 'ana@example.org' } }, { id: 'nadie', fields: { email: 'x@example.org' } }];
    await expect(writeImport(db, mutate, 'personas.csv', { create, update })).rejects.toThrow(/do not exist/);
    expect(await db.people.count()).toBe(1);
    expect(await db.people.get('ana')).toMatchObject({ email: '' });
    expect(await db.outbox.count()).toBe(1);
    expect((await db.transaction('rw', db.meta, () => loadDevice(db))).lastSeq).toBe(before.lastSeq);
    await db.delete();
  });
});
