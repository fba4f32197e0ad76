import { z } from 'zod';
import { callAttemptSchema, contactTreeSchema, idSchema, personSchema } from '../domain';

/** The fields of a person anyone may edit, merged field by field (last writer wins). */
const personFields = personSchema.omit({ id: true, clock: true, deleted: true }).partial();

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
    fields: contactTreeSchema.pick({ name: true, nodes: true }).partial(),
  }),
  'contactTree.delete': z.object({ id: idSchema }),
  /** One attempt to reach someone (or an escalation to the backup) during an incident. */
  'call.record': z.object({ attempt: callAttemptSchema }),
} as const;
