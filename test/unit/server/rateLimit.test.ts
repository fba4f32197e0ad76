import { fc } from '@fast-check/vitest';
import { Hono } from 'hono';
import { createIntl } from 'react-intl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, RATE_LIMITED_ERROR, ROUTES } from '../../../shared/sync/protocol';
import { invitePerson } from '../../../server/src/admin/team';
import { FailureLimiter } from '../../../server/src/auth/failureLimiter';
import type { FailureLimits } from '../../../server/src/auth/failureLimits';
import { addressKey, clientAddress } from '../../../server/src/http/clientAddress';
import { en } from '../../../renderer/src/i18n/messages/en';
import { es } from '../../../renderer/src/i18n/messages/es';
import type { MessageId } from '../../../renderer/src/i18n/messages/en';
import { enrolmentErrorText } from '../../../renderer/src/features/team/enrolmentError';
import { createHttpTransport, ServerError } from '../../../renderer/src/sync/transport';
import { peer, STORES, TestServer } from './support/harness';

describe('FailureLimiter', () => {
  const policy = { burst: 5, windowMs: 50_000 }; // a token back every 10 s

  it('lets a key fail `burst` times, then makes it wait until a token is back', () => {
    const limiter = new FailureLimiter(policy);
    for (let i = 0; i < 5; i += 1) {
      expect(limiter.waitMs('a', 1000)).toBe(0);
      limiter.fail('a', 1000);
    }
    expect(limiter.waitMs('a', 1000)).toBe(10_000);
    expect(limiter.waitMs('a', 7000)).toBe(4000);
    expect(limiter.waitMs('a', 11_000)).toBe(0);
    expect(limiter.waitMs('b', 1000)).toBe(0); // another key is not affected
    limiter.fail('a', 11_000);
    expect(limiter.waitMs('a', 11_000)).toBe(10_000); // the returned token is spent again
    expect(limiter.waitMs('a', 11_000 + policy.windowMs)).toBe(0);
  });

  it('never lets more than burst + refills through, whatever the timing of the failures', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20_000), { maxLength: 60 }), (gaps) => {
        const limiter = new FailureLimiter(policy);
        let now = 0;
        let allowed = 0;
        for (const gap of gaps) {
          now += gap;
          if (limiter.waitMs('k', now) === 0) {
            allowed += 1;
            limiter.fail('k', now);
          } else expect(limiter.waitMs('k', now + limiter.waitMs('k', now))).toBe(0);
        }
        expect(allowed).toBeLessThanOrEqual(policy.burst + Math.floor(now / 10_000));
      }),
    );
  });

  it('forgets keys that refilled first, then the least recent, to stay within maxKeys', () => {
    const limiter = new FailureLimiter(policy, 3);
    limiter.fail('old', 0);
    for (let i = 0; i < 4; i += 1) limiter.fail('busy', 60_000);
    limiter.fail('x', 60_000);
    limiter.fail('y', 60_000); // 4 keys: 'old' has refilled and goes
    expect(limiter.size).toBe(3);
    expect(limiter.waitMs('busy', 60_000)).toBe(0);
    for (let i = 0; i < 2; i += 1) limiter.fail('busy', 60_000);
    expect(limiter.waitMs('busy', 60_000)).toBeGreaterThan(0);
    limiter.fail('z', 60_000); // none has refilled: the least recent failure ('x') goes
    expect(limiter.size).toBe(3);
    expect(limiter.waitMs('busy', 60_000)).toBeGreaterThan(0);
  });

  it('refuses a policy that could never let anyone through', () => {
    expect(() => new FailureLimiter({ burst: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new FailureLimiter({ burst: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe('client addresses', () => {
  it('keys IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:DB8:0001:0002::9')).toBe('2001:db8:1:2::/64');
    expect(addressKey('[2001:db8::1]')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('not an address')).toBe('?not an address');
  });

  it('gives every address of one /64 the same key, and different /64s different keys', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.ipV6(), (a, b) => {
        const prefix = (ip: string) => addressKey(ip).replace('::/64', '');
        const sameBlock = prefix(a) === prefix(b);
        expect(addressKey(a)).toMatch(/^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){3}::\/64$|^\d+\.\d+\.\d+\.\d+$/);
        if (!sameBlock) expect(addressKey(a)).not.toBe(addressKey(b));
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 4, maxLength: 4 }), (groups, host) => {
        const a = groups.map((g) => g.toString(16)).join(':');
        const b = [...groups.slice(0, 4), ...host].map((g) => g.toString(16)).join(':');
        if (groups.slice(0, 5).every((g) => g === 0)) return; // maybe IPv4-mapped: keyed as IPv4
        expect(addressKey(a)).toBe(addressKey(b));
      }),
    );
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(addressKey(ip)).toBe(ip);
        expect(addressKey(`::ffff:${ip}`)).toBe(ip);
      }),
    );
  });

  async function seen(headers: Record<string, string>, proxyHops: number, socket = '10.0.0.9') {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c, proxyHops)));
    return (await app.request('/', { headers }, peer(socket))).text();
  }

  it('uses the socket, and X-Forwarded-For only as far as trusted proxies wrote it', async () => {
    const xff = { 'x-forwarded-for': '198.51.100.1, 203.0.113.5, 10.0.0.2' };
    expect(await seen(xff, 0)).toBe('10.0.0.9'); // no proxy trusted: anyone can write the header
    expect(await seen(xff, 1)).toBe('10.0.0.2');
    expect(await seen(xff, 2)).toBe('203.0.113.5');
    expect(await seen({ 'x-forwarded-for': '203.0.113.5' }, 2)).toBe('203.0.113.5');
    expect(await seen({}, 1)).toBe('10.0.0.9');
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c, 0)));
    expect(await (await app.request('/')).text()).toBe('unknown');
  });
});

const SMALL: FailureLimits = {
  enrolPerAddress: { burst: 3, windowMs: 60_000 },
  enrolEverywhere: { burst: 8, windowMs: 60_000 },
  authPerAddress: { burst: 4, windowMs: 60_000 },
};

describe.each(STORES)('failure limits on %s', (store) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store, { failureLimits: SMALL });
  });
  afterAll(async () => {
    await server?.close();
  });

  const enrolFrom = (address: string, code: string, deviceId = `dev-${Math.random().toString(36).slice(2, 10)}`, headers: Record<string, string> = {}) =>
    server.call('POST', ROUTES.enrol, { address, headers, body: { code, deviceId, deviceName: 'Portátil', protocol: 1 } });
  const badCode = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ';
  const invite = async (teamId: string) => (await invitePerson(server.database.db, teamId, { name: 'Luis', role: 'responder', ttlMs: 3600_000, now: server.now() })).code;

  it('turns an address away after too many bad codes, even with a good one, until the window has passed', async () => {
    const { teamId } = await server.team();
    const good = await invite(teamId);
    for (let i = 0; i < SMALL.enrolPerAddress.burst; i += 1) expect((await enrolFrom('198.51.100.7', badCode)).status).toBe(403);
    const limited = await enrolFrom('198.51.100.7', good);
    expect(limited.status).toBe(429);
    const body = errorBodySchema.parse(limited.body);
    expect(body).toMatchObject({ error: RATE_LIMITED_ERROR, retryAfterSeconds: 20 });
    expect(limited.headers.get('retry-after')).toBe('20');
    // Another address is not affected.
    expect((await enrolFrom('203.0.113.8', await invite(teamId))).status).toBe(200);
    server.clock += 20_000;
    expect((await enrolFrom('198.51.100.7', good)).status).toBe(200);
  });

  it('does not count good enrolments, and counts an IPv6 /64 as one address', async () => {
    const { teamId } = await server.team();
    for (let i = 0; i < SMALL.enrolPerAddress.burst + 2; i += 1) expect((await enrolFrom('192.0.2.50', await invite(teamId))).status).toBe(200);
    for (let i = 0; i < SMALL.enrolPerAddress.burst; i += 1) expect((await enrolFrom(`2001:db8:aa:bb::${i + 1}`, badCode)).status).toBe(403);
    expect((await enrolFrom('2001:db8:aa:bb:ffff::1', badCode)).status).toBe(429);
    expect((await enrolFrom('2001:db8:aa:cc::1', await invite(teamId))).status).toBe(200);
    server.clock += 60_000;
  });

  it('ignores X-Forwarded-For unless told that proxies write it', async () => {
    const { teamId } = await server.team();
    for (let i = 0; i < SMALL.enrolPerAddress.burst; i += 1) {
      expect((await enrolFrom('192.0.2.60', badCode, undefined, { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(403);
    }
    expect((await enrolFrom('192.0.2.60', await invite(teamId), undefined, { 'x-forwarded-for': '198.51.100.200' })).status).toBe(429);
    server.clock += 60_000;

    // A second process behind a proxy, on the same database.
    const proxied = await TestServer.start(store, { failureLimits: SMALL, proxyHops: 1, database: server.database });
    try {
      const { teamId: other } = await proxied.team();
      const call = (client: string, code: string) =>
        proxied.call('POST', ROUTES.enrol, { address: '10.0.0.1', headers: { 'x-forwarded-for': `6.6.6.6, ${client}` }, body: { code, deviceId: `d${Math.random().toString(36).slice(2, 9)}`, deviceName: 'x', protocol: 1 } });
      for (let i = 0; i < SMALL.enrolPerAddress.burst; i += 1) expect((await call('198.51.100.1', badCode)).status).toBe(403);
      expect((await call('198.51.100.1', badCode)).status).toBe(429);
      const code = (await invitePerson(proxied.database.db, other, { name: 'Eva', role: 'viewer', ttlMs: 3600_000, now: proxied.now() })).code;
      expect((await call('198.51.100.2', code)).status).toBe(200); // behind the same proxy, another client
    } finally {
      proxied.shutdown.abort();
      await proxied.hub.close();
    }
  });

  it('pauses enrolment for everyone when bad codes come from many addresses at once', async () => {
    const { teamId } = await server.team();
    for (let i = 0; i < SMALL.enrolEverywhere.burst; i += 1) expect((await enrolFrom(`203.0.113.${100 + i}`, badCode)).status).toBe(403);
    const reply = await enrolFrom('192.0.2.77', await invite(teamId));
    expect(reply.status).toBe(429);
    expect(errorBodySchema.parse(reply.body).message).toMatch(/on this server/);
    server.clock += 60_000;
    expect((await enrolFrom('192.0.2.77', await invite(teamId))).status).toBe(200);
  });

  it('turns away an address after too many bad tokens; good tokens from elsewhere still work', async () => {
    const { teamId, admin } = await server.team();
    const other = await server.join(teamId, 'responder');
    const me = (address: string, token: string) => server.call('GET', ROUTES.me, { address, token });
    for (let i = 0; i < SMALL.authPerAddress.burst; i += 1) expect((await me('198.51.100.99', `calma_${'x'.repeat(40)}${i}`)).status).toBe(401);
    const limited = await me('198.51.100.99', admin.token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await me('192.0.2.1', other.token)).status).toBe(200);
    // Good requests do not count: many at once from one address all pass.
    const burst = await Promise.all(Array.from({ length: 3 * SMALL.authPerAddress.burst }, () => me('192.0.2.2', admin.token)));
    expect(burst.map((r) => r.status)).toEqual(burst.map(() => 200));
    server.clock += 60_000;
    expect((await me('198.51.100.99', admin.token)).status).toBe(200);
  });

  it('shows the console a clear message, in Spanish and in English', async () => {
    const { teamId } = await server.team();
    const fetcher: typeof fetch = async (input, init = {}) => {
      const { signal: _s, ...rest } = init;
      return server.app.request(String(input).slice('http://calma.test'.length), rest, peer('192.0.2.200'));
    };
    const transport = createHttpTransport({ baseUrl: 'http://calma.test', token: () => null, fetch: fetcher });
    const attempt = async (code: string) => {
      try {
        await transport.enrol({ code, deviceId: `d${Math.random().toString(36).slice(2, 9)}`, deviceName: 'Portátil', protocol: 1 });
        return null;
      } catch (error) {
        return error;
      }
    };
    const say = (locale: 'es' | 'en', error: unknown) => {
      const intl = createIntl({ locale, messages: locale === 'es' ? es : en });
      return enrolmentErrorText((id: MessageId, values) => intl.formatMessage({ id }, values), error, 'http://calma.test');
    };
    const wrong = await attempt(badCode);
    expect(say('es', wrong)).toBe(es['team.error.codeUnknown']);
    expect(say('en', wrong)).toBe(en['team.error.codeUnknown']);
    for (let i = 1; i < SMALL.enrolPerAddress.burst; i += 1) await attempt(badCode);
    const limited = await attempt(await invite(teamId));
    expect(limited).toBeInstanceOf(ServerError);
    expect((limited as ServerError).retryAfterMs).toBe(20_000);
    expect(say('es', limited)).toMatch(/^Se han probado demasiados códigos de alta incorrectos.*Espera 1 minuto,/);
    expect(say('en', limited)).toMatch(/^Too many wrong enrolment codes.*Wait 1 minute,/);
    server.clock += 60_000;
  });
});
