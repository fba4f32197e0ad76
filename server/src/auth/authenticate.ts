import { eq } from 'drizzle-orm';
import type { Identity, TeamRole } from '../../../shared/sync/protocol';
import type { Db } from '../db/connect';
import { devices, people, teams } from '../db/schema';
import { ApiError } from '../errors';
import { hashSecret } from './secrets';

/** Who is calling: resolved from the bearer token on every request, so a revocation takes effect at once. */
export interface Caller {
  teamId: string;
  teamName: string;
  personId: string;
  personName: string;
  role: TeamRole;
  deviceId: string;
  deviceName: string;
}

export function identityOf(caller: Caller): Identity {
  return {
    team: { id: caller.teamId, name: caller.teamName },
    person: { id: caller.personId, name: caller.personName, role: caller.role },
    device: { id: caller.deviceId, name: caller.deviceName },
  };
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

/**
 * 401 bodies say why, with a stable code (see REVOKED_ERRORS in shared/sync/protocol.ts): the
 * console removes the team's data from a machine whose device or person was revoked, and only then.
 */
export async function authenticate(db: Db, header: string | undefined): Promise<Caller> {
  if (!header) throw new ApiError(401, 'unauthenticated', 'this request needs an Authorization: Bearer <token> header');
  const match = BEARER.exec(header.trim());
  if (!match) throw new ApiError(401, 'unauthenticated', 'the Authorization header is not a bearer token');
  const [row] = await db
    .select({ device: devices, person: people, team: { id: teams.id, name: teams.name } })
    .from(devices)
    .innerJoin(people, eq(people.id, devices.personId))
    .innerJoin(teams, eq(teams.id, devices.teamId))
    .where(eq(devices.tokenHash, hashSecret(match[1]!)));
  if (!row) {
    throw new ApiError(401, 'invalid-token', 'this token is not known to this team server (it may belong to another server, or to a device that enrolled again)');
  }
  if (row.person.revokedAt) {
    throw new ApiError(401, 'person-revoked', `${row.person.name} was removed from the team "${row.team.name}"; this machine no longer has access`);
  }
  if (row.device.revokedAt) {
    if (row.device.revokedReason === 'left') throw new ApiError(401, 'device-left', `this device left the team "${row.team.name}"`);
    throw new ApiError(401, 'device-revoked', `an admin removed this device from the team "${row.team.name}"`);
  }
  return {
    teamId: row.team.id,
    teamName: row.team.name,
    personId: row.person.id,
    personName: row.person.name,
    role: row.person.role as TeamRole,
    deviceId: row.device.id,
    deviceName: row.device.name,
  };
}
