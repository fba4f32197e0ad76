import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeam, invitePerson } from '../../../../server/src/admin/team';
import { openMigrated } from '../../../../server/src/db/open';
import { createLog } from '../../../../server/src/log';
import type { TeamRole } from '../../../../shared/sync/protocol';
import { startServerProcess, type ServerProcess } from './serverProcess';

export type BenchStore = { kind: 'pglite' } | { kind: 'postgres'; url: string };

export interface TeamServer {
  server: ServerProcess;
  teamId: string;
  /** The admin's enrolment code, then one per invited person, in the order asked. */
  adminCode: string;
  codes: string[];
  stop(): Promise<void>;
}

/**
 * A team on a running team server, made as an admin makes one (server/src/admin/team.ts, what
 * `npm run server -- admin` calls): the team, its admin and the people invited, each with a real
 * one-time enrolment code. It is done before the server starts, since a PGlite folder belongs to
 * one process at a time; then the server runs on that store (a temporary PGlite folder, or the
 * PostgreSQL database given).
 */
export async function startTeamServer(store: BenchStore, people: readonly { name: string; role: TeamRole }[]): Promise<TeamServer> {
  const dataDir = store.kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'calma-bench-pglite-')) : null;
  const [config, env] = store.kind === 'pglite' ? [{ kind: 'pglite', dataDir } as const, { CALMA_DATA_DIR: dataDir! }] : [store, { DATABASE_URL: store.url }];
  try {
    const database = await openMigrated(config, createLog('silent'));
    let team;
    const codes: string[] = [];
    try {
      team = await createTeam(database.db, { name: 'Equipo de crisis', adminName: 'Ana Ortega', ttlMs: 3600_000 });
      for (const person of people) codes.push((await invitePerson(database.db, team.team.id, { ...person, ttlMs: 3600_000 })).code);
    } finally {
      await database.close();
    }
    const server = await startServerProcess(env);
    return {
      server,
      teamId: team.team.id,
      adminCode: team.admin.code,
      codes,
      async stop() {
        await server.stop();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
