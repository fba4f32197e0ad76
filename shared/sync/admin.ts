import { z } from 'zod';
import { idSchema, isoDateSchema } from '../domain/common';
import { roleSchema } from './protocol';

/**
 * The team server's admin API: what an admin's console (or script) may do over HTTP, the same
 * operations as the server's admin command. Every route needs an admin's device token.
 */
export const ADMIN_ROUTES = {
  team: '/v1/admin/team',
  invite: '/v1/admin/invites',
  /** POST …/people/:personId/codes: a new enrolment code for an existing person (another device). */
  personCodes: '/v1/admin/people/:personId/codes',
  revokePerson: '/v1/admin/people/:personId/revoke',
  revokeDevice: '/v1/admin/devices/:deviceId/revoke',
} as const;

export const personNameSchema = z.string().trim().min(1).max(120);

export const inviteRequestSchema = z.strictObject({
  name: personNameSchema,
  role: roleSchema,
  /** How long the code stays valid; the server's default when absent. */
  expiresInHours: z.number().positive().max(24 * 30).optional(),
});
export type InviteRequest = z.infer<typeof inviteRequestSchema>;

export const codeRequestSchema = z.strictObject({ expiresInHours: z.number().positive().max(24 * 30).optional() });

export const teamPersonSchema = z.strictObject({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  createdAt: isoDateSchema,
  revokedAt: isoDateSchema.nullable(),
});
export type TeamPerson = z.infer<typeof teamPersonSchema>;

export const teamDeviceSchema = z.strictObject({
  id: z.string(),
  personId: idSchema,
  name: z.string(),
  lastSeq: z.number().int().nonnegative(),
  createdAt: isoDateSchema,
  revokedAt: isoDateSchema.nullable(),
  revokedReason: z.enum(['revoked', 'left']).nullable(),
});
export type TeamDevice = z.infer<typeof teamDeviceSchema>;

/** A one-time enrolment code, shown once: the server keeps only its hash. */
export const enrolmentCodeSchema = z.strictObject({
  person: teamPersonSchema,
  code: z.string(),
  expiresAt: isoDateSchema,
});
export type EnrolmentCode = z.infer<typeof enrolmentCodeSchema>;

export const teamOverviewSchema = z.strictObject({
  team: z.strictObject({ id: idSchema, name: z.string(), version: z.number().int().nonnegative() }),
  people: z.array(teamPersonSchema),
  devices: z.array(teamDeviceSchema),
});
export type TeamOverview = z.infer<typeof teamOverviewSchema>;
