import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The team server's one schema, for PGlite and PostgreSQL alike. Migrations in server/drizzle/ are
 * generated from this file by drizzle-kit (`npm run server:migrations`); never edit them by hand.
 *
 * Domain rows are not spread over one SQL table per domain table: the mutators (shared/mutators)
 * own their shape, and the server only needs to find a row by key and list what changed after a
 * version. So every row is one `records` row holding its JSON, which keeps the server in step with
 * the domain schemas without a migration for each new field.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Bumped once per applied mutation that wrote rows; every written row carries the new value. */
  version: bigint('version', { mode: 'number' }).notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const people = pgTable(
  'people',
  {
    id: text('id').primaryKey(),
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('people_team_idx').on(t.teamId), check('people_role_check', sql`${t.role} in ('admin', 'lead', 'responder', 'viewer')`)],
);

export const devices = pgTable(
  'devices',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    /** Chosen by the device (its HLC node id), so the work it did before enrolling keeps its numbers. */
    id: text('id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    name: text('name').notNull(),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    /** Highest seq of this device handled (applied or refused). */
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    revokedAt: ts('revoked_at'),
    /** `revoked` by an admin, or `left` when the device left the team itself. */
    revokedReason: text('revoked_reason'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.id] }), index('devices_person_idx').on(t.personId)],
);

export const enrolmentCodes = pgTable('enrolment_codes', {
  /** SHA-256 of the code; the code is shown once, to the admin who made it. */
  hash: text('hash').primaryKey(),
  teamId: text('team_id')
    .notNull()
    .references(() => teams.id),
  personId: text('person_id')
    .notNull()
    .references(() => people.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  usedByDevice: text('used_by_device'),
});

export const records = pgTable(
  'records',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    tbl: text('tbl').notNull(),
    id: text('id').notNull(),
    row: jsonb('row').notNull().$type<Record<string, unknown>>(),
    version: bigint('version', { mode: 'number' }).notNull(),
    /** Who first wrote the row (null for rows of the library shipped with Calma): nobody approves a revision they wrote. */
    authorPersonId: text('author_person_id'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.tbl, t.id] }), index('records_team_version_idx').on(t.teamId, t.version, t.tbl, t.id)],
);

/**
 * Every mutation a device pushed and the server handled, in order: the audit trail, the proof that
 * a resend is the same mutation, and where refusals wait for their device's next pull.
 */
export const mutations = pgTable(
  'mutations',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    deviceId: text('device_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    mutationId: text('mutation_id').notNull(),
    name: text('name').notNull(),
    hlc: text('hlc').notNull(),
    personId: text('person_id').notNull(),
    status: text('status').notNull(),
    /** The team version the mutation's rows got (null when refused, or when it changed nothing). */
    version: bigint('version', { mode: 'number' }),
    refusal: jsonb('refusal').$type<Record<string, unknown>>(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.deviceId, t.seq] }),
    check('mutations_status_check', sql`${t.status} in ('applied', 'refused')`),
    // Every pull lists the device's refusals: rare rows among many, so they get an index of their own.
    index('mutations_refused_idx').on(t.teamId, t.deviceId, t.seq).where(sql`${t.status} = 'refused'`),
  ],
);

export const schema = { teams, people, devices, enrolmentCodes, records, mutations };
