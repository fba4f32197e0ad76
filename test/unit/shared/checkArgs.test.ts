import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMutationArgs, UNSTORABLE_MESSAGE, unstorableTextPath } from '../../../shared/mutations/checkArgs';
import { MutationError } from '../../../shared/mutations/error';
import { freshDb, mutateFor } from '../db/fixtures';

describe('mutation arguments', () => {
  it('name the first string holding a NUL character or half a surrogate pair, in keys and values, nested anywhere', () => {
    expect(unstorableTextPath({ a: 'emoji 😀 fine', b: 'broken \ud83d' })).toBe('b');
    expect(unstorableTextPath(['\ude00 low half first'])).toBe('0');
    expect(unstorableTextPath('😀'.split('').reverse().join(''))).toBe('(root)');
    expect(unstorableTextPath({ a: 'ok', b: [{ c: 'x\u0000y' }] })).toBe('b.0.c');
    expect(unstorableTextPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(unstorableTextPath('\u0000')).toBe('(root)');
    expect(unstorableTextPath({ a: 1, b: null, c: [true, 'fine'] })).toBeNull();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(unstorableTextPath(value) !== null).toBe(JSON.stringify(value).includes('\\u0000'));
      }),
    );
  });

  it('are refused with the field when they carry one, before anything is written', async () => {
    expect(checkMutationArgs('person.create', { person: { id: 'p', name: 'Ana\u0000' } })).toEqual({
      ok: false,
      issues: [{ path: 'person.name', message: UNSTORABLE_MESSAGE }],
    });
    const db = freshDb();
    const mutate = mutateFor(db);
    await expect(mutate('person.create', { person: { id: 'p', name: 'Ana\u0000' } })).rejects.toBeInstanceOf(MutationError);
    expect(await db.people.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
