import { describe, expect, it } from 'vitest';
import { personWarnings } from '../../../shared/people/warnings';
import { person } from './people';

const now = new Date('2026-03-01T10:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('warnings on a person', () => {
  const luis = person({ id: 'l', name: 'Luis', verifiedAt: daysAgo(1), backupId: 'a' });
  const gone = person({ id: 'g', name: 'Gone', left: true });
  const deleted = person({ id: 'd', name: 'Deleted', deleted: true });
  const byId = new Map([luis, gone, deleted].map((p) => [p.id, p]));

  it('asks for a backup, and for one who is still here', () => {
    expect(personWarnings(person({ id: 'a', name: 'A', verifiedAt: daysAgo(1) }), byId, now)).toEqual([{ kind: 'noBackup', reason: 'none' }]);
    expect(personWarnings(person({ id: 'a', name: 'A', verifiedAt: daysAgo(1), backupId: 'g' }), byId, now)).toEqual([{ kind: 'noBackup', reason: 'left' }]);
    expect(personWarnings(person({ id: 'a', name: 'A', verifiedAt: daysAgo(1), backupId: 'd' }), byId, now)).toEqual([{ kind: 'noBackup', reason: 'missing' }]);
    expect(personWarnings(person({ id: 'a', name: 'A', verifiedAt: daysAgo(1), backupId: 'l' }), byId, now)).toEqual([]);
  });

  it('asks for details verified within 90 days', () => {
    expect(personWarnings({ ...luis, verifiedAt: daysAgo(90) }, byId, now)).toEqual([{ kind: 'noBackup', reason: 'missing' }]);
    expect(personWarnings({ ...luis, backupId: 'l', verifiedAt: daysAgo(91) }, byId, now)).toEqual([{ kind: 'notVerified', days: 91 }]);
    expect(personWarnings({ ...luis, backupId: 'l', verifiedAt: null }, byId, now)).toEqual([{ kind: 'notVerified', days: null }]);
  });

  it('says only that a person has left', () => {
    expect(personWarnings(gone, byId, now)).toEqual([{ kind: 'left' }]);
  });
});
