import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { EnrolmentCode, TeamOverview, TeamPerson } from '../../../shared/sync/admin';
import type { TeamRole } from '../../../shared/sync/protocol';
import { uuidv7 } from '../../../shared/uuid';
import { hashEnrolmentCode, newEnrolmentCode } from '../auth/secrets';
import type { Db, Executor } from '../db/connect';
import { devices, enrolmentCodes, people, teams } from '../db/schema';
import { ApiError } from '../errors';

/**
 * What an admin does to a team: create it, invite people, hand out codes, revoke. The admin
 * command (cli.ts) and the admin HTTP routes call these, so both behave the same.
 */

type PersonRow = typeof people.$inferSelect;

function personOut(p: PersonRow): TeamPerson {
  return { id: p.id, name: p.name, role: p.role as TeamRole, createdAt: p.createdAt.toISOString(), revokedAt: p.revokedAt?.toISOString() ?? null };
}

async function issueCode(db: Executor, person: PersonRow, ttlMs: number, now: Date): Promise<EnrolmentCode> {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insert(enrolmentCodes).values({ hash: hashEnrolmentCode(code), teamId: person.teamId, personId: person.id, createdAt: now, expiresAt });
  return { person: personOut(person), code, expiresAt: expiresAt.toISOString() };
}

export async function createTeam(db: Db, input: { name: string; adminName: string; ttlMs: number; now?: Date }): Promise<{ team: { id: string; name: string }; admin: EnrolmentCode }> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const team = { id: uuidv7(now.getTime()), name: input.name.trim() };
    if (!team.name) throw new ApiError(400, 'invalid-request', 'a team needs a name');
    await tx.insert(teams).values({ ...team, createdAt: now });
    const [admin] = await tx.insert(people).values({ id: uuidv7(now.getTime()), teamId: team.id, name: input.adminName.trim(), role: 'admin', createdAt: now }).returning();
    return { team, admin: await issueCode(tx, admin!, input.ttlMs, now) };
  });
}

export async function invitePerson(db: Db, teamId: string, input: { name: string; role: TeamRole; ttlMs: number; now?: Date }): Promise<EnrolmentCode> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    await requireTeam(tx, teamId);
    const [person] = await tx.insert(people).values({ id: uuidv7(now.getTime()), teamId, name: input.name.trim(), role: input.role, createdAt: now }).returning();
    return issueCode(tx, person!, input.ttlMs, now);
  });
}

/** Another code for someone already in the team (a second machine, or a lost code). */
export async function newCodeFor(db: Db, teamId: string, personId: string, input: { ttlMs: number; now?: Date }): Promise<EnrolmentCode> {
  const person = await requirePerson(db, teamId, personId);
  if (person.revokedAt) throw new ApiError(409, 'person-revoked', `${person.name} was removed from the team; invite them again instead`);
  return issueCode(db, person, input.ttlMs, input.now ?? new Date());
}

/** Revokes a person and, with them, every device they enrolled. Their next request gets 401. */
export async function revokePerson(db: Db, teamId: string, personId: string, now = new Date()): Promise<TeamPerson> {
  return db.transaction(async (tx) => {
    const person = await requirePerson(tx, teamId, personId);
    if (person.revokedAt) return personOut(person);
    if (person.role === 'admin') {
      const others = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.teamId, teamId), eq(people.role, 'admin'), isNull(people.revokedAt), ne(people.id, personId)));
      if (others.length === 0) throw new ApiError(409, 'last-admin', `${person.name} is the team's last admin; make someone else admin first`);
    }
    const [revoked] = await tx.update(people).set({ revokedAt: now }).where(eq(people.id, personId)).returning();
    // Unused codes of a revoked person must not let them back in.
    await tx.update(enrolmentCodes).set({ expiresAt: now }).where(and(eq(enrolmentCodes.personId, personId), isNull(enrolmentCodes.usedAt)));
    return personOut(revoked!);
  });
}

export async function revokeDevice(db: Db, teamId: string, deviceId: string, now = new Date()): Promise<void> {
  const updated = await db
    .update(devices)
    .set({ revokedAt: now, revokedReason: 'revoked' })
    .where(and(eq(devices.teamId, teamId), eq(devices.id, deviceId), isNull(devices.revokedAt)))
    .returning({ id: devices.id });
  if (updated.length > 0) return;
  const [existing] = await db.select({ id: devices.id }).from(devices).where(and(eq(devices.teamId, teamId), eq(devices.id, deviceId)));
  if (!existing) throw new ApiError(404, 'not-found', `no device ${deviceId} in this team`);
}

export async function teamOverview(db: Db, teamId: string): Promise<TeamOverview> {
  const team = await requireTeam(db, teamId);
  const peopleRows = await db.select().from(people).where(eq(people.teamId, teamId)).orderBy(asc(people.createdAt), asc(people.id));
  const deviceRows = await db.select().from(devices).where(eq(devices.teamId, teamId)).orderBy(asc(devices.createdAt), asc(devices.id));
  return {
    team: { id: team.id, name: team.name, version: team.version },
    people: peopleRows.map(personOut),
    devices: deviceRows.map((d) => ({
      id: d.id,
      personId: d.personId,
      name: d.name,
      lastSeq: d.lastSeq,
      createdAt: d.createdAt.toISOString(),
      revokedAt: d.revokedAt?.toISOString() ?? null,
      revokedReason: (d.revokedReason as 'revoked' | 'left' | null) ?? null,
    })),
  };
}

export async function listTeams(db: Db): Promise<{ id: string; name: string; version: number }[]> {
  return db.select({ id: teams.id, name: teams.name, version: teams.version }).from(teams).orderBy(asc(teams.createdAt));
}

async function requireTeam(db: Executor, teamId: string) {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  if (!team) throw new ApiError(404, 'not-found', `no team ${teamId}`);
  return team;
}

async function requirePerson(db: Executor, teamId: string, personId: string): Promise<PersonRow> {
  const [person] = await db.select().from(people).where(and(eq(people.teamId, teamId), eq(people.id, personId)));
  if (!person) throw new ApiError(404, 'not-found', `no person ${personId} in this team`);
  return person;
}
