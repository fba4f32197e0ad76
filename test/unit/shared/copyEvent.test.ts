import { describe, expect, it } from 'vitest';
import { copyEventSchema } from '../../../shared/domain';
import { checkMutationArgs } from '../../../shared/mutations/checkArgs';
import { MutationError } from '../../../shared/mutations/error';
import { TABLE_RULES } from '../../../shared/sync/tables';
import { freshDb, mutateFor } from '../db/fixtures';

/** A copy event as devices logged it before copies recorded an over-limit length. */
const OLD_ROW = {
  id: 'copy-1',
  answerId: 'calma.answer.product-fault',
  revisionId: 'calma.answer.product-fault.r1',
  lang: 'en',
  channel: 'sms',
  by: 'ana',
  at: '2026-03-29T00:40:00.000Z',
  statusAtCopy: 'approved',
  confirmedUnapproved: false,
  text: 'Notice: fault in some units.',
  incidentId: null,
} as const;

describe('copy events and the over-limit record', () => {
  it('reads a copy logged before the field existed as one that fitted', () => {
    expect(copyEventSchema.parse(OLD_ROW)).toEqual({ ...OLD_ROW, overLimit: null });
    // The same row arriving from the team server (sync validates pages with the table's schema).
    expect(TABLE_RULES.copyEvents.schema.parse(OLD_ROW)).toMatchObject({ overLimit: null });
  });

  it('keeps the length and the limit of a copy made over the limit', () => {
    expect(copyEventSchema.parse({ ...OLD_ROW, overLimit: { length: 217, limit: 160 } }).overLimit).toEqual({ length: 217, limit: 160 });
  });

  it('refuses an over-limit record that is not over its limit, or not a count, naming the field', () => {
    const issues = (overLimit: unknown) => {
      const parsed = copyEventSchema.safeParse({ ...OLD_ROW, overLimit });
      expect(parsed.success).toBe(false);
      return parsed.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ length: 160, limit: 160 })).toEqual(['overLimit.length: an over-limit copy must be longer than its limit']);
    expect(issues({ length: 150, limit: 160 })).toEqual(['overLimit.length: an over-limit copy must be longer than its limit']);
    expect(issues({ length: 217.5, limit: 160 })[0]).toMatch(/^overLimit\.length: /);
    expect(issues({ length: 217, limit: 0 })[0]).toMatch(/^overLimit\.limit: /);
    expect(issues({ length: 217 })[0]).toMatch(/^overLimit\.limit: /);
  });

  it('records it through copy.record, and an old-shaped copy.record (an older device\'s outbox) still applies', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    await mutate('copy.record', { copy: { ...OLD_ROW, id: 'copy-over', overLimit: { length: 217, limit: 160 } } });
    await mutate('copy.record', { copy: OLD_ROW });
    expect((await db.copyEvents.get('copy-over'))?.overLimit).toEqual({ length: 217, limit: 160 });
    expect((await db.copyEvents.get('copy-1'))?.overLimit).toBeNull();
    // Replaying the old-shaped mutation is accepted as the same history row, not a conflict.
    await mutate('copy.record', { copy: OLD_ROW });
    expect(await db.copyEvents.count()).toBe(2);
    db.close();
  });

  it('refuses a copy.record whose over-limit record contradicts itself, and writes nothing', async () => {
    const bad = { copy: { ...OLD_ROW, overLimit: { length: 100, limit: 160 } } };
    const expected = [{ path: 'copy.overLimit.length', message: 'an over-limit copy must be longer than its limit' }];
    expect(checkMutationArgs('copy.record', bad)).toEqual({ ok: false, issues: expected });
    const db = freshDb();
    const refused = await mutateFor(db)('copy.record', bad).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(MutationError);
    expect((refused as MutationError).issues).toEqual(expected);
    expect(await db.copyEvents.count()).toBe(0);
    db.close();
  });
});
