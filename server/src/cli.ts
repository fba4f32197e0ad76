import { parseArgs } from 'node:util';
import { roleSchema } from '../../shared/sync/protocol';
import type { EnrolmentCode } from '../../shared/sync/admin';
import { createTeam, invitePerson, listTeams, newCodeFor, revokeDevice, revokePerson, teamOverview } from './admin/team';
import type { ServerConfig } from './config';
import type { Db } from './db/connect';
import { openMigrated } from './db/open';
import { ApiError } from './errors';
import type { Log } from './log';

export const ADMIN_USAGE = `Usage: npm run server -- admin <command> [options]

  create-team --name "Team" --admin "Person"     create a team and its first admin; prints their enrolment code
  invite --name "Person" --role <role>           add a person (admin, lead, responder, viewer); prints their code
  code --person <person id>                      a new code for someone already in the team (another machine)
  revoke-person <person id>                      remove a person and all their devices
  revoke-device <device id>                      remove one device
  list                                           teams, people and devices

Options: --team <team id> (needed when the server holds several teams), --expires-hours <n>,
--json (machine-readable output). Codes are shown once; the server keeps only their hash.
With PGlite (no DATABASE_URL) stop the running server first, or use the admin HTTP routes.`;

/** Runs one admin command; returns the process exit code. Output goes to `out`, problems to `err`. */
export async function runAdmin(argv: string[], config: ServerConfig, log: Log, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        admin: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string' },
        person: { type: 'string' },
        'expires-hours': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${ADMIN_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, target] = positionals;
  if (values.help || !command) {
    (values.help ? out : err)(ADMIN_USAGE);
    return values.help ? 0 : 2;
  }
  const fail = (message: string) => {
    err(message);
    return 2;
  };
  let ttlMs = config.codeTtlMs;
  if (values['expires-hours'] !== undefined) {
    const hours = Number(values['expires-hours']);
    if (!(hours > 0 && hours <= 720)) return fail('--expires-hours must be a number of hours between 0 and 720');
    ttlMs = hours * 3600_000;
  }
  const print = (value: unknown, text: string) => out(values.json ? JSON.stringify(value) : text);
  const codeText = (c: EnrolmentCode) => `${c.person.name} (${c.person.role}, person ${c.person.id})\n  enrolment code: ${c.code}\n  valid until:    ${c.expiresAt}`;

  // Every argument is checked before the database is opened (opening a PGlite folder takes seconds).
  let task: (db: Db) => Promise<void>;
  switch (command) {
    case 'create-team': {
      const [name, adminName] = [values.name?.trim(), values.admin?.trim()];
      if (!name || !adminName) return fail('create-team needs --name "Team name" and --admin "First admin\'s name"');
      task = async (db) => {
        const created = await createTeam(db, { name, adminName, ttlMs });
        print(created, `Team "${created.team.name}" created (id ${created.team.id}).\n${codeText(created.admin)}`);
      };
      break;
    }
    case 'invite': {
      const role = roleSchema.safeParse(values.role);
      const name = values.name?.trim();
      if (!name || !role.success) return fail(`invite needs --name "Person" and --role, one of ${roleSchema.options.join(', ')}`);
      task = async (db) => {
        const code = await invitePerson(db, await teamOf(db, values.team), { name, role: role.data, ttlMs });
        print(code, codeText(code));
      };
      break;
    }
    case 'code': {
      const person = values.person;
      if (!person) return fail('code needs --person <person id> (see `list`)');
      task = async (db) => {
        const code = await newCodeFor(db, await teamOf(db, values.team), person, { ttlMs });
        print(code, codeText(code));
      };
      break;
    }
    case 'revoke-person': {
      if (!target) return fail('revoke-person needs a person id (see `list`)');
      task = async (db) => {
        const person = await revokePerson(db, await teamOf(db, values.team), target);
        print(person, `${person.name} was removed from the team; their devices get 401 at their next request.`);
      };
      break;
    }
    case 'revoke-device': {
      if (!target) return fail('revoke-device needs a device id (see `list`)');
      task = async (db) => {
        await revokeDevice(db, await teamOf(db, values.team), target);
        print({ revoked: target }, `Device ${target} was removed; it gets 401 at its next request.`);
      };
      break;
    }
    case 'list':
      task = async (db) => {
        const teams = values.team ? [{ id: values.team }] : await listTeams(db);
        const overviews = await Promise.all(teams.map((t) => teamOverview(db, t.id)));
        print(
          overviews,
          overviews.length === 0
            ? 'No teams yet: npm run server -- admin create-team --name "…" --admin "…"'
            : overviews
                .map((o) =>
                  [
                    `Team "${o.team.name}" (id ${o.team.id}, version ${o.team.version})`,
                    ...o.people.map((p) => `  person ${p.id}  ${p.name}  ${p.role}${p.revokedAt ? `  revoked ${p.revokedAt}` : ''}`),
                    ...o.devices.map((d) => `  device ${d.id}  ${d.name}  of ${d.personId}  lastSeq ${d.lastSeq}${d.revokedAt ? `  ${d.revokedReason} ${d.revokedAt}` : ''}`),
                  ].join('\n'),
                )
                .join('\n\n'),
        );
      };
      break;
    default:
      return fail(`unknown admin command "${command}"\n\n${ADMIN_USAGE}`);
  }

  const database = await openMigrated(config.store, log);
  try {
    await task(database.db);
    return 0;
  } catch (error) {
    if (error instanceof ApiError) return fail(error.message);
    throw error;
  } finally {
    await database.close();
  }
}

async function teamOf(db: Db, teamId: string | undefined): Promise<string> {
  if (teamId) return teamId;
  const teams = await listTeams(db);
  if (teams.length === 1) return teams[0]!.id;
  if (teams.length === 0) throw new ApiError(404, 'not-found', 'there is no team yet: create one with create-team');
  throw new ApiError(400, 'invalid-request', `this server holds ${teams.length} teams: say which with --team <id> (see list)`);
}
