import { z } from 'zod';
import { callAttemptSchema, contactTreeSchema, idSchema, personSchema } from '../domain';

/**
 * A patch of some fields of a record: only the fields given. Zod's `.partial()` alone would still
 * fill in each field's default, so a patch naming one field would reset all the others.
 */
function patchOf<S extends z.ZodRawShape>(shape: S) {
  const bare = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]));
  return z.object(bare as { [K in keyof S]: S[K] extends z.ZodDefault<infer T> ? T : S[K] }).partial();
}

/** The fields of a person anyone may edit, merged field by field (last writer wins). */
const personFields = patchOf(personSchema.omit({ id: true, clock: true, deleted: true }).shape);

/**
 * People, contact trees and the calls made during an incident. People and trees are editable
 * records; call attempts are history, only ever appended.
 */
export const peopleMutations = {
  'person.create': z.object({ person: personSchema }),
  'person.update': z.object({ id: idSchema, fields: personFields }),
  /** A tombstone: the person disappears from the directory and from trees on every machine. */
  'person.delete': z.object({ id: idSchema }),
  /**
   * A whole import, all or nothing: new people, and the fields of existing people that the user
   * chose to merge from the file.
   */
  'people.import': z.object({
    source: z.string().max(300),
    create: z.array(personSchema),
    update: z.array(z.object({ id: idSchema, fields: personFields })),
  }),
  'contactTree.create': z.object({ tree: contactTreeSchema }),
  /** The node list is one field: a tree edited on two machines keeps the later edit whole. */
  'contactTree.update': z.object({
    id: idSchema,
    fields: patchOf(contactTreeSchema.pick({ name: true, nodes: true }).shape),
  }),
  'contactTree.delete': z.object({ id: idSchema }),
  /** One attempt to reach someone (or an escalation to the backup) during an incident. */
  'call.record': z.object({ attempt: callAttemptSchema }),
} as const;
