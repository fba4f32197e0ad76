import type { Person } from '../../../shared/domain';

/** A person with every field at its default, for tests. */
export function person(fields: Partial<Person> & { id: string; name: string }): Person {
  return {
    clock: {},
    deleted: false,
    roles: [],
    phones: [],
    email: '',
    timeZone: 'UTC',
    workingHours: null,
    backupId: null,
    notes: '',
    verifiedAt: null,
    left: false,
    ...fields,
  };
}

let n = 0;
/** Predictable ids for planned rows. */
export const sequentialIds = (prefix = 'new') => () => `${prefix}-${(n += 1)}`;
