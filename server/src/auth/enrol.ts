import { and, eq } from 'drizzle-orm';
import type { EnrolRequest, EnrolResponse, TeamRole } from '../../../shared/sync/protocol';
import type { Db } from '../db/connect';
import { devices, enrolmentCodes, people, teams } from '../db/schema';
import { ApiError } from '../errors';
import { hashEnrolmentCode, hashSecret, newToken } from './secrets';

/**
 * A device joins its team with a one-time code and receives a bearer token (shown once; the server
 * keeps its hash). The code is spent in the same transaction that stores the device, so a code can
 * never enrol two devices, even when both requests race.
 *
 * A device id already in the team is the same machine enrolling again (after leaving, or after an
 * admin revoked it): it keeps its row and its lastSeq, because the device keeps numbering its
 * mutations where it was; its old token stops working. A machine that left (or was revoked) may be
 * enrolled by someone else; one still active for another person is refused.
 */
export async function enrol(db: Db, request: EnrolRequest, now = new Date()): Promise<EnrolResponse> {
  return db.transaction(async (tx) => {
    const [code] = await tx
      .select()
      .from(enrolmentCodes)
      .where(eq(enrolmentCodes.hash, hashEnrolmentCode(request.code)))
      .for('update');
    if (!code) throw new ApiError(403, 'enrolment-code-unknown', 'this enrolment code is not valid for this server; check it, or ask your admin for a new one');
    if (code.usedAt) throw new ApiError(403, 'enrolment-code-used', 'this enrolment code was already used; each code enrols one device: ask your admin for a new one');
    if (code.expiresAt.getTime() <= now.getTime()) throw new ApiError(403, 'enrolment-code-expired', 'this enrolment code has expired; ask your admin for a new one');

    const [person] = await tx.select().from(people).where(eq(people.id, code.personId));
    const [team] = await tx.select().from(teams).where(eq(teams.id, code.teamId));
    if (!person || !team) throw new Error(`enrolment code points at a missing person or team (${code.personId})`);
    if (person.revokedAt) throw new ApiError(403, 'person-revoked', `${person.name} was removed from the team`);

    const token = newToken();
    const [existing] = await tx
      .select()
      .from(devices)
      .where(and(eq(devices.teamId, team.id), eq(devices.id, request.deviceId)))
      .for('update');
    if (existing && existing.personId !== person.id && !existing.revokedAt) {
      throw new ApiError(409, 'device-taken', 'this device id is enrolled in the team for someone else; leave the team on this machine first, or use another machine');
    }
    if (existing) {
      await tx
        .update(devices)
        .set({ personId: person.id, tokenHash: hashSecret(token), name: request.deviceName, revokedAt: null, revokedReason: null })
        .where(and(eq(devices.teamId, team.id), eq(devices.id, request.deviceId)));
    } else {
      await tx.insert(devices).values({ teamId: team.id, id: request.deviceId, personId: person.id, name: request.deviceName, tokenHash: hashSecret(token), createdAt: now });
    }
    await tx.update(enrolmentCodes).set({ usedAt: now, usedByDevice: request.deviceId }).where(eq(enrolmentCodes.hash, code.hash));
    return {
      token,
      identity: {
        team: { id: team.id, name: team.name },
        person: { id: person.id, name: person.name, role: person.role as TeamRole },
        device: { id: request.deviceId, name: request.deviceName },
      },
    };
  });
}
