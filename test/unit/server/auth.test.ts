import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, enrolmentCodeSchema, teamOverviewSchema } from '../../../shared/sync/admin';
import { enrolResponseSchema, errorBodySchema, identitySchema, REVOKED_ERRORS, ROUTES } from '../../../shared/sync/protocol';
import { createTeam, invitePerson, revokeDevice, revokePerson } from '../../../server/src/admin/team';
import { STORES, TestServer, type StoreKind } from './support/harness';
import { personArgs } from './support/domain';

const enrolBody = (code: string, deviceId = 'dev_1') => ({ code, deviceId, deviceName: 'Portátil', protocol: 1 });
const route = (template: string, params: Record<string, string>) => template.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key]!));

describe.each(STORES)('enrolment and auth on %s', (store: StoreKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(() => server?.close());

  const invite = async (role: 'admin' | 'lead' | 'responder' | 'viewer' = 'responder', ttlMs = 3600_000) => {
    const team = await createTeam(server.database.db, { name: 'Equipo', adminName: 'Ana', ttlMs, now: server.now() });
    if (role === 'admin') return { teamId: team.team.id, code: team.admin.code, personId: team.admin.person.id };
    const code = await invitePerson(server.database.db, team.team.id, { name: 'Bea', role, ttlMs, now: server.now() });
    return { teamId: team.team.id, code: code.code, personId: code.person.id };
  };

  describe('enrolment', () => {
    it('turns a good code into a token and the identity behind it', async () => {
      const { teamId, code, personId } = await invite('lead');
      const reply = await server.call('POST', ROUTES.enrol, { body: enrolBody(code) });
      expect(reply.status).toBe(200);
      const enrolled = enrolResponseSchema.parse(reply.body);
      expect(enrolled.identity).toEqual({ team: { id: teamId, name: 'Equipo' }, person: { id: personId, name: 'Bea', role: 'lead' }, device: { id: 'dev_1', name: 'Portátil' } });
      const me = await server.call('GET', ROUTES.me, { token: enrolled.token });
      expect(identitySchema.parse(me.body)).toEqual(enrolled.identity);
    });

    it('accepts a code typed in lower case, without dashes, with O for 0', async () => {
      const { code } = await invite();
      const typed = code.replaceAll('-', '').toLowerCase().replaceAll('0', 'o');
      expect((await server.call('POST', ROUTES.enrol, { body: enrolBody(typed) })).status).toBe(200);
    });

    it('refuses a code used before, and the first device keeps working', async () => {
      const { code } = await invite();
      const first = await server.call<{ token: string }>('POST', ROUTES.enrol, { body: enrolBody(code, 'dev_a') });
      const replay = await server.call('POST', ROUTES.enrol, { body: enrolBody(code, 'dev_b') });
      expect(replay.status).toBe(403);
      expect(errorBodySchema.parse(replay.body).error).toBe('enrolment-code-used');
      expect((await server.call('GET', ROUTES.me, { token: first.body.token })).status).toBe(200);
    });

    it('refuses an expired code and an unknown one', async () => {
      const { code } = await invite('responder', 60_000);
      server.clock += 61_000;
      const expired = await server.call('POST', ROUTES.enrol, { body: enrolBody(code) });
      expect(expired.status).toBe(403);
      expect(expired.body).toMatchObject({ error: 'enrolment-code-expired' });
      const unknown = await server.call('POST', ROUTES.enrol, { body: enrolBody('ZZZZ-ZZZZ-ZZZZ-ZZZZ') });
      expect(unknown.body).toMatchObject({ error: 'enrolment-code-unknown' });
      expect(unknown.status).toBe(403);
    });

    it('re-enrols the same machine keeping its lastSeq, and stops its old token', async () => {
      const { teamId } = await server.team();
      const device = await server.join(teamId, 'responder', 'Carla');
      await device.run('person.create', personArgs('p1'));
      const overview = await server.call<{ people: { id: string; name: string }[] }>('GET', ADMIN_ROUTES.team, { token: (await server.team()).admin.token });
      expect(overview.status).toBe(200);
      const code = await invitePerson(server.database.db, teamId, { name: 'Carla 2', role: 'responder', ttlMs: 3600_000, now: server.now() });
      // Someone else cannot take over an active machine's id…
      const taken = await server.call('POST', ROUTES.enrol, { body: enrolBody(code.code, device.id) });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ error: 'device-taken' });
      // …but the machine leaves, and then it can be enrolled again; numbering carries on.
      expect((await device.post(ROUTES.leave)).status).toBe(204);
      const again = await server.enrol(code.code, device.id);
      const pulled = await again.pull();
      expect(pulled.body.lastSeq).toBe(1);
      expect((await device.get(ROUTES.me)).body).toMatchObject({ error: 'invalid-token' });
    });
  });

  describe('auth', () => {
    it('answers 401 with a reason: no token, a malformed header, an unknown token', async () => {
      const none = await server.call('GET', ROUTES.me);
      expect([none.status, errorBodySchema.parse(none.body).error]).toEqual([401, 'unauthenticated']);
      const malformed = await server.call('GET', ROUTES.me, { headers: { authorization: 'Basic abc' } });
      expect([malformed.status, (malformed.body as { error: string }).error]).toEqual([401, 'unauthenticated']);
      const unknown = await server.call('GET', ROUTES.me, { token: 'calma_' + 'A'.repeat(43) });
      expect([unknown.status, (unknown.body as { error: string }).error]).toEqual([401, 'invalid-token']);
    });

    it('answers 401 device-revoked to a revoked device, at its very next request', async () => {
      const { teamId, admin } = await server.team();
      const device = await server.join(teamId, 'responder');
      expect((await device.get(ROUTES.me)).status).toBe(200);
      await revokeDevice(server.database.db, teamId, device.id, server.now());
      const reply = await device.push([device.mutation('person.create', personArgs('p1'))]);
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: 'device-revoked' });
      expect(REVOKED_ERRORS).toContain((reply.body as unknown as { error: string }).error);
      expect((await admin.pullAll()).rows.size).toBe(0);
    });

    it('answers 401 person-revoked to every device of a revoked person, and their codes stop working', async () => {
      const { teamId } = await server.team();
      const invited = await invitePerson(server.database.db, teamId, { name: 'Dani', role: 'lead', ttlMs: 3600_000, now: server.now() });
      const laptop = await server.enrol(invited.code, 'dani-laptop');
      const spare = await server.call<{ code: string }>('POST', route(ADMIN_ROUTES.personCodes, { personId: invited.person.id }), { token: (await adminOf(teamId)).token, body: {} });
      expect(spare.status).toBe(201);
      await revokePerson(server.database.db, teamId, invited.person.id, server.now());
      for (const path of [ROUTES.me, ROUTES.events]) {
        const reply = await server.call('GET', path, { token: laptop.token });
        expect(reply.status).toBe(401);
        expect(reply.body).toMatchObject({ error: 'person-revoked' });
      }
      const late = await server.call('POST', ROUTES.enrol, { body: enrolBody(spare.body.code, 'dani-phone') });
      expect(late.status).toBe(403);
    });

    it('answers 401 device-left after a device left the team', async () => {
      const { teamId } = await server.team();
      const device = await server.join(teamId, 'viewer');
      expect((await device.post(ROUTES.leave)).status).toBe(204);
      expect((await device.pull()).body).toMatchObject({ error: 'device-left' });
    });

    it('keeps teams apart: a token only ever reaches its own team', async () => {
      const one = await server.team('Uno');
      const two = await server.team('Dos');
      await one.admin.run('person.create', personArgs('secret'));
      expect((await two.admin.pullAll()).rows.size).toBe(0);
      const rows = await two.admin.post<{ rows: unknown[] }>(ROUTES.rows, { refs: [{ table: 'people', id: 'secret' }] });
      expect(rows.body.rows).toEqual([]);
      // A team's device id used with another team's token: refused, nothing written.
      const crossed = await server.call('POST', ROUTES.push, { token: two.admin.token, body: { deviceId: one.admin.id + 'x', mutations: [two.admin.mutation('person.create', personArgs('p2'))] } });
      expect(crossed.status).toBe(403);
      const overview = await server.call('GET', route(ADMIN_ROUTES.revokePerson, { personId: one.admin.identity.person.id }), { token: two.admin.token });
      expect(overview.status).toBe(404);
      const revoke = await server.call('POST', route(ADMIN_ROUTES.revokePerson, { personId: one.admin.identity.person.id }), { token: two.admin.token });
      expect(revoke.status).toBe(404);
      expect((await one.admin.get(ROUTES.me)).status).toBe(200);
    });
  });

  describe('admin over HTTP', () => {
    it('lets an admin invite, list and revoke; the invited person enrols with the code', async () => {
      const { teamId, admin } = await server.team();
      const invited = await admin.post(ADMIN_ROUTES.invite, { name: 'Eva', role: 'viewer' });
      expect(invited.status).toBe(201);
      const code = enrolmentCodeSchema.parse(invited.body);
      const eva = await server.enrol(code.code, 'eva-pc');
      expect(eva.identity.person).toMatchObject({ name: 'Eva', role: 'viewer' });
      const overview = teamOverviewSchema.parse((await admin.get(ADMIN_ROUTES.team)).body);
      expect(overview.team.id).toBe(teamId);
      expect(overview.people.map((p) => p.name).sort()).toEqual(['Ana', 'Eva']);
      expect(overview.devices.map((d) => d.id).sort()).toEqual([admin.id, 'eva-pc'].sort());
      expect((await admin.post(route(ADMIN_ROUTES.revokeDevice, { deviceId: 'eva-pc' }))).status).toBe(204);
      expect((await eva.get(ROUTES.me)).body).toMatchObject({ error: 'device-revoked' });
      expect((await admin.post(route(ADMIN_ROUTES.revokeDevice, { deviceId: 'nobody' }))).status).toBe(404);
    });

    it('refuses the admin routes to anyone but an admin', async () => {
      const { teamId } = await server.team();
      for (const role of ['lead', 'responder', 'viewer'] as const) {
        const device = await server.join(teamId, role);
        const reply = await device.post(ADMIN_ROUTES.invite, { name: 'Intruso', role: 'admin' });
        expect(reply.status).toBe(403);
        expect((await device.get(ADMIN_ROUTES.team)).status).toBe(403);
      }
      expect((await server.call('GET', ADMIN_ROUTES.team)).status).toBe(401);
    });

    it('keeps the last admin', async () => {
      const { admin } = await server.team();
      const reply = await admin.post(route(ADMIN_ROUTES.revokePerson, { personId: admin.identity.person.id }));
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ error: 'last-admin' });
      expect((await admin.get(ROUTES.me)).status).toBe(200);
    });
  });

  async function adminOf(teamId: string) {
    const code = await invitePerson(server.database.db, teamId, { name: 'Otra admin', role: 'admin', ttlMs: 3600_000, now: server.now() });
    return server.enrol(code.code, `admin-${code.person.id.slice(-8)}`);
  }
});
