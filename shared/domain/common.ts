import { z } from 'zod';

/** The two languages every user-facing text and every shipped answer exists in. */
export const LANGS = ['es', 'en'] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

/**
 * Ids are UUIDv7 when made on a device; records shipped with Calma use stable, readable ids
 * (e.g. `calma.answer.holding-general`) so every machine's copy is the same record.
 */
export const idSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9._:-]+$/, 'ids use letters, digits, ".", "_", ":" and "-" only');
export type Id = z.infer<typeof idSchema>;

/** ISO-8601 instant with a zone (always stored as UTC "Z" by Calma). */
export const isoDateSchema = z.iso.datetime({ offset: true });

/** A text in both languages; either may be empty while a draft is being written. */
export const localizedSchema = z.object({ es: z.string(), en: z.string() });
export type Localized = z.infer<typeof localizedSchema>;

/** Hybrid logical clock stamp; see shared/hlc.ts for the format. */
export const hlcSchema = z.string().regex(/^\d{15}-[0-9a-f]{4}-[A-Za-z0-9_-]{1,40}$/, 'not an HLC stamp');

/**
 * Fields every editable (last-writer-wins) record carries. `clock` maps each field to the HLC of
 * its last write so that sync can merge field by field; `deleted` is a tombstone, never a removal,
 * so that a delete made offline reaches every machine.
 */
export const editableFields = {
  id: idSchema,
  clock: z.record(z.string(), hlcSchema).default({}),
  deleted: z.boolean().default(false),
};
