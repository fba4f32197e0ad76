import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, MAX_BODY_BYTES, MAX_PUSH_MUTATIONS, ROUTES } from '../../../shared/sync/protocol';
import { openUnmigratedDatabase, STORES, TestServer, type Device, type StoreKind } from './support/harness';
import { personArgs } from './support/domain';

/**
 * Malformed and hostile requests: each gets a clear 4xx with a JSON error body, and none of them
 * changes anything (team version, the device's lastSeq, rows).
 */
describe.each(STORES)('hostile input on %s', (store: StoreKind) => {
  let server: TestServer;
  let device: Device;
  let state: () => Promise<unknown>;
  beforeAll(async () => {
    server = await TestServer.start(store);
    device = (await server.team()).admin;
    await device.run('person.create', personArgs('p1'));
    state = async () => {
      const { rows, pages } = await device.pullAll();
      return { rows, teamVersion: pages.at(-1)!.teamVersion, lastSeq: pages.at(-1)!.lastSeq };
    };
  });
  afterAll(() => server?.close());

  const send = (path: string, raw: string, headers: Record<string, string> = {}) => server.call('POST', path, { raw, token: device.token, headers });

  it('refuses wrong types, naming the fields', async () => {
    const before = await state();
    const reply = await send(ROUTES.push, JSON.stringify({ deviceId: device.id, mutations: [{ seq: 'two', id: 5, name: 'person.create', args: {}, hlc: 'yesterday', at: 'now' }] }));
    expect(reply.status).toBe(400);
    const body = errorBodySchema.parse(reply.body);
    expect(body.error).toBe('invalid-request');
    expect(body.issues!.map((i) => i.path).sort()).toEqual(['mutations.0.at', 'mutations.0.hlc', 'mutations.0.id', 'mutations.0.seq']);
    expect(await state()).toEqual(before);
  });

  it('refuses unknown fields, listing each of them', async () => {
    const before = await state();
    const mutation = { ...device.mutation('person.create', personArgs('p2')), sneaky: true };
    device.seq -= 1;
    const reply = await send(ROUTES.push, JSON.stringify({ deviceId: device.id, mutations: [mutation], admin: true }));
    expect(reply.status).toBe(400);
    expect(errorBodySchema.parse(reply.body).issues).toEqual(
      expect.arrayContaining([
        { path: 'admin', message: 'unknown field' },
        { path: 'mutations.0.sneaky', message: 'unknown field' },
      ]),
    );
    const enrol = await server.call('POST', ROUTES.enrol, { body: { code: 'AAAA-BBBB-CCCC-DDDD', deviceId: 'x', deviceName: 'x', protocol: 1, role: 'admin' } });
    expect(enrol.status).toBe(400);
    expect(errorBodySchema.parse(enrol.body).issues).toEqual([{ path: 'role', message: 'unknown field' }]);
    expect(await state()).toEqual(before);
  });

  it('refuses text jsonb cannot store (NUL, half a surrogate pair) as a refusal of that mutation, not a failed push', async () => {
    const bad = await device.run('person.create', personArgs('p-nul', 'Ana\u0000Ruiz'));
    expect(bad).toMatchObject({ status: 'refused', refusal: { code: 'invalid', issues: [{ path: 'person.name' }] } });
    const broken = await device.run('person.create', personArgs('p-half', 'Ana \ud83d'));
    expect(broken).toMatchObject({ status: 'refused', refusal: { code: 'invalid', issues: [{ path: 'person.name' }] } });
    // The device's next change goes through: nothing is stuck behind the refused one.
    expect(await device.run('person.create', personArgs('p-after'))).toMatchObject({ status: 'applied' });
    const after = (await device.pullAll()).rows;
    expect(after.has('people/p-nul') || after.has('people/p-half')).toBe(false);
    expect(after.has('people/p-after')).toBe(true);
  });

  it('refuses bad JSON and an empty body', async () => {
    const before = await state();
    for (const raw of ['{"deviceId":', '', 'null', '[]', '"push"']) {
      const reply = await send(ROUTES.push, raw);
      expect(reply.status).toBe(400);
      expect(['bad-json', 'invalid-request']).toContain(errorBodySchema.parse(reply.body).error);
    }
    expect(await state()).toEqual(before);
  });

  it('refuses a body over the limit with 413, before reading it', async () => {
    const before = await state();
    const huge = JSON.stringify({ deviceId: device.id, mutations: [device.mutation('person.create', { person: { id: 'big', name: 'x'.repeat(MAX_BODY_BYTES) } })] });
    device.seq -= 1;
    const reply = await send(ROUTES.push, huge);
    expect(reply.status).toBe(413);
    expect(errorBodySchema.parse(reply.body).error).toBe('body-too-large');
    // Also when the client does not declare the length (a chunked stream).
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
        for (let i = 0; i < 5; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const chunked = await server.app.request(ROUTES.push, { method: 'POST', body: stream, headers: { authorization: `Bearer ${device.token}` }, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await state()).toEqual(before);
  });

  it('refuses more mutations than a push may carry, and a push of none', async () => {
    const before = await state();
    const many = Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, (_, i) => device.mutation('person.create', personArgs(`m${i}`)));
    device.seq -= many.length;
    expect((await device.push(many)).status).toBe(400);
    expect((await device.push([])).status).toBe(400);
    expect(await state()).toEqual(before);
  });

  it('answers JSON 404 for unknown routes and methods', async () => {
    const reply = await server.call('DELETE', ROUTES.push, { token: device.token });
    expect(reply.status).toBe(404);
    expect(errorBodySchema.parse(reply.body).error).toBe('not-found');
  });

  it('refuses replayed, forged and other servers’ tokens the same clear way', async () => {
    const before = await state();
    for (const token of [device.token + 'x', device.token.toUpperCase(), 'calma_' + 'x'.repeat(43)]) {
      const reply = await server.call('POST', ROUTES.push, { token, body: { deviceId: device.id, mutations: [device.mutation('person.create', personArgs('evil'))] } });
      device.seq -= 1;
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: 'invalid-token' });
    }
    expect(await state()).toEqual(before);
  });

  it('allows the console’s origins (with Authorization) and no others', async () => {
    const preflight = (origin: string) =>
      server.app.request(ROUTES.push, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
    for (const origin of ['app://calma', 'http://127.0.0.1:5173']) {
      const reply = await preflight(origin);
      expect(reply.headers.get('access-control-allow-origin')).toBe(origin);
      expect(reply.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    }
    for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example:80', 'http://127.0.0.1:abc', 'app://calma.evil']) {
      expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
    const simple = await server.app.request(ROUTES.health, { headers: { origin: 'app://calma' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('app://calma');
  });

  it('reports health and readiness, and is not ready before its migrations ran', async () => {
    expect((await server.call('GET', ROUTES.health)).body).toEqual({ status: 'ok' });
    expect((await server.call('GET', ROUTES.ready)).body).toEqual({ status: 'ready', store });
    const bare = await TestServer.start(store, { database: await openUnmigratedDatabase(store) });
    try {
      const ready = await bare.call('GET', ROUTES.ready);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ error: 'not-ready' });
      expect((await bare.call('GET', ROUTES.health)).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
