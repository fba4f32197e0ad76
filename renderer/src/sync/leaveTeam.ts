import { DOMAIN_TABLES } from '@shared/mutations/store';
import type { CalmaDatabase } from '../db/database';
import { loadDevice, newDeviceId, saveDevice } from '../db/device';
import type { Host } from '../host';
import { TOKEN_SECRET, teamLink, type LeftTeamNotice } from './teamLink';

/**
 * Removes the team's data from this machine: every domain row, the outbox, local bookkeeping and
 * the token. It happens when the server says this device or its person was revoked, and when the
 * person chooses to leave. The machine then starts afresh as a new device (new id, numbering from
 * 1), so nothing it does later can be mistaken for the old device's history. Preferences stay.
 */
export async function removeTeamData(db: CalmaDatabase, host: Host, notice: LeftTeamNotice): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of DOMAIN_TABLES) await db.table(table).clear();
    await db.outbox.clear();
    const device = await loadDevice(db);
    await db.meta.clear();
    await saveDevice(db, { id: newDeviceId(), lastHlc: device.lastHlc, lastSeq: 0 });
    await teamLink.setNotice(db, notice);
  });
  await host.setSecret(TOKEN_SECRET, null);
}
