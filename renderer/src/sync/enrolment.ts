import { PROTOCOL_VERSION } from '@shared/sync/protocol';
import type { CalmaDatabase } from '../db/database';
import { loadDevice } from '../db/device';
import type { Host } from '../host';
import { removeTeamData } from './leaveTeam';
import { TOKEN_SECRET, teamLink, type TeamLink } from './teamLink';
import { normaliseServerUrl, type SyncTransport } from './transport';

export type TransportFor = (link: Pick<TeamLink, 'serverUrl'>, token: () => string | null) => SyncTransport;

/**
 * Joins a team with a one-time code. The device keeps its id, so the work it did alone (its
 * outbox, numbered from 1) is sent to the team on the first round; the shipped library has stable
 * ids, so it is never duplicated there.
 */
export async function enrol(
  deps: { db: CalmaDatabase; host: Host; transportFor: TransportFor; now?: () => Date },
  input: { serverUrl: string; code: string; deviceName: string },
): Promise<TeamLink> {
  const serverUrl = normaliseServerUrl(input.serverUrl);
  const device = await deps.db.transaction('rw', deps.db.meta, () => loadDevice(deps.db));
  const transport = deps.transportFor({ serverUrl }, () => null);
  const response = await transport.enrol({ code: input.code.trim(), deviceId: device.id, deviceName: input.deviceName.trim() || 'Calma', protocol: PROTOCOL_VERSION });
  if (!(await deps.host.setSecret(TOKEN_SECRET, response.token))) throw new Error('this machine could not store the team token safely');
  const link: TeamLink = {
    serverUrl,
    identity: response.identity,
    enrolledAt: (deps.now ?? (() => new Date()))().toISOString(),
    cursor: null,
    lastSyncedAt: null,
  };
  await deps.db.transaction('rw', deps.db.meta, async () => {
    await teamLink.set(deps.db, link);
    await teamLink.setNotice(deps.db, null);
  });
  return link;
}

/**
 * Leaves the team: tells the server (so the token dies now, not at its next use) when it can be
 * reached, then removes the team's data here. Unsent changes are lost, so the UI asks first.
 */
export async function leaveTeam(deps: { db: CalmaDatabase; host: Host; transportFor: TransportFor; now?: () => Date }): Promise<void> {
  const link = await teamLink.get(deps.db);
  if (!link) return;
  const token = await deps.host.getSecret(TOKEN_SECRET);
  if (token) await deps.transportFor(link, () => token).leave().catch(() => undefined);
  await removeTeamData(deps.db, deps.host, {
    team: link.identity.team.name,
    reason: 'left',
    message: '',
    at: (deps.now ?? (() => new Date()))().toISOString(),
  });
}
