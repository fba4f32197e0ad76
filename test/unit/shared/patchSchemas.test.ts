import { describe, expect, it } from 'vitest';
import { mutationSchemas } from '../../../shared/mutations';

/**
 * Update mutations carry only the fields that changed. A schema that filled in defaults for the
 * fields left out would make every small edit reset the rest of the record, on every machine.
 */
describe('update mutations keep only the fields they are given', () => {
  it.each([
    ['person.update', { id: 'p1', fields: { name: 'Ana' } }],
    ['contactTree.update', { id: 't1', fields: { name: 'Turno de noche' } }],
    ['answer.update', { id: 'a1', fields: { tags: ['x'] } }],
    ['playbook.update', { id: 'pb1', fields: { scenario: 'leak' } }],
    ['incident.update', { id: 'i1', fields: { title: 'Fuga' } }],
  ] as const)('%s', (name, args) => {
    const parsed = mutationSchemas[name].parse(args) as { fields: Record<string, unknown> };
    expect(parsed.fields).toEqual(args.fields);
  });

  it('still checks the fields that are there', () => {
    expect(mutationSchemas['person.update'].safeParse({ id: 'p1', fields: { name: '' } }).success).toBe(false);
    expect(mutationSchemas['person.update'].safeParse({ id: 'p1', fields: { workingHours: { days: [9], start: '9', end: 'x' } } }).success).toBe(false);
  });
});
