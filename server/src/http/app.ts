import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { ADMIN_ROUTES, codeRequestSchema, inviteRequestSchema } from '../../../shared/sync/admin';
import { enrolRequestSchema, MAX_BODY_BYTES, pullRequestSchema, pushRequestSchema, ROUTES, rowsRequestSchema } from '../../../shared/sync/protocol';
import { invitePerson, newCodeFor, revokeDevice, revokePerson, teamOverview } from '../admin/team';
import { authenticate, identityOf, type Caller } from '../auth/authenticate';
import { enrol } from '../auth/enrol';
import { DEFAULT_FAILURE_LIMITS, FailureGuards, type FailureLimits } from '../auth/failureLimits';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/connect';
import { migrationsApplied } from '../db/migrate';
import { devices } from '../db/schema';
import { ApiError, RateLimitedError } from '../errors';
import type { Log } from '../log';
import { teamVersion, type PokeHub } from '../sync/poke';
import { pullJson, rowsByKey } from '../sync/pull';
import { Pushes } from '../sync/push';
import type { ShippedLibrary } from '../sync/shippedLibrary';
import { readBody, readSizedBody } from './body';
import { clientAddress } from './clientAddress';
import { originMatcher } from './cors';
import { OpenStreams } from './openStreams';

export interface AppDeps {
  database: Database;
  hub: PokeHub;
  shipped: ShippedLibrary;
  log: Log;
  corsOrigins: readonly string[];
  codeTtlMs: number;
  /** Comment lines on live streams keep proxies from closing them and notice revocations. */
  heartbeatMs?: number;
  now?: () => Date;
  /** Aborted when the server shuts down: live streams end so the process can exit. */
  shutdown?: AbortSignal;
  /** Reverse proxies in front that append to X-Forwarded-For (0: clients connect directly; see clientAddress). */
  proxyHops?: number;
  failureLimits?: FailureLimits;
}

type Env = { Variables: { caller: Caller } };

const HEARTBEAT_MS = 15_000;

/** The team server's HTTP API (Hono). Routes are in shared/sync/protocol.ts and shared/sync/admin.ts. */
export function createApp(deps: AppDeps): Hono<Env> {
  const { database, log } = deps;
  const db = database.db;
  const now = deps.now ?? (() => new Date());
  const app = new Hono<Env>();
  const addressOf = (c: Context) => clientAddress(c, deps.proxyHops ?? 0);
  const guards = new FailureGuards(deps.failureLimits ?? DEFAULT_FAILURE_LIMITS, () => now().getTime());
  const streams = new OpenStreams(deps.shutdown);
  // One per app: it is what serialises a team's pushes within this process.
  const pushes = new Pushes({ db, shipped: deps.shipped, log, now });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const caller = c.get('caller') as Caller | undefined;
    const quiet = c.req.path === ROUTES.health || c.req.path === ROUTES.ready;
    log[quiet ? 'debug' : 'info'](
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started), team: caller?.teamId, device: caller?.deviceId, address: addressOf(c) },
      'request',
    );
  });

  const allowOrigin = originMatcher(deps.corsOrigins);
  app.use(
    '*',
    cors({
      origin: (origin) => allowOrigin(origin),
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type'],
      exposeHeaders: ['Retry-After'],
      maxAge: 600,
    }),
  );

  // 413 before anything reads the body, whatever the route.
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: 'body-too-large', message: `request bodies are limited to ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );

  app.onError((error, c) => {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof ApiError) return c.json(error.body, error.status);
    log.error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal', message: 'the server failed to handle this request; it was logged' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not-found', message: `no route ${c.req.method} ${c.req.path}` }, 404));

  // A token that fails counts against its address (FailureGuards): no one guesses tokens at speed.
  const auth: MiddlewareHandler<Env> = async (c, next) => {
    c.set('caller', await guards.authenticate(addressOf(c), () => authenticate(db, c.req.header('authorization'))));
    await next();
  };
  const adminOnly: MiddlewareHandler<Env> = async (c, next) => {
    if (c.get('caller').role !== 'admin') throw new ApiError(403, 'forbidden', 'only admins manage the team');
    await next();
  };

  app.get(ROUTES.health, (c) => c.json({ status: 'ok' }));
  app.get(ROUTES.ready, async (c) => {
    try {
      await database.ping();
      if (!(await migrationsApplied(database))) return c.json({ error: 'not-ready', message: 'database migrations are not applied' }, 503);
      return c.json({ status: 'ready', store: database.kind });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      return c.json({ error: 'not-ready', message: 'the database is not reachable' }, 503);
    }
  });

  app.post(ROUTES.enrol, async (c) => {
    // Every refused enrolment (a wrong, used or expired code, a bad body) counts against its address.
    const response = await guards.enrol(addressOf(c), async () => enrol(db, await readBody(c, enrolRequestSchema), now()));
    log.info({ team: response.identity.team.id, person: response.identity.person.id, device: response.identity.device.id }, 'device enrolled');
    return c.json(response);
  });

  app.get(ROUTES.me, auth, (c) => c.json(identityOf(c.get('caller'))));

  app.post(ROUTES.push, auth, async (c) => {
    const { value, bytes } = await readSizedBody(c, pushRequestSchema);
    return c.json(await pushes.push(c.get('caller'), value, bytes));
  });
  app.post(ROUTES.pull, auth, async (c) => {
    const json = await pullJson(db, c.get('caller'), await readBody(c, pullRequestSchema));
    return c.body(json, 200, { 'content-type': 'application/json' });
  });
  app.post(ROUTES.rows, auth, async (c) => c.json({ rows: await rowsByKey(db, c.get('caller'), (await readBody(c, rowsRequestSchema)).refs) }));

  app.post(ROUTES.leave, auth, async (c) => {
    const caller = c.get('caller');
    await db
      .update(devices)
      .set({ revokedAt: now(), revokedReason: 'left' })
      .where(and(eq(devices.teamId, caller.teamId), eq(devices.id, caller.deviceId)));
    log.info({ team: caller.teamId, device: caller.deviceId }, 'device left the team');
    return c.body(null, 204);
  });

  app.get(ROUTES.events, auth, (c) => liveVersions(c, deps, streams));

  const ttl = (hours: number | undefined) => (hours === undefined ? deps.codeTtlMs : hours * 3600_000);
  app.get(ADMIN_ROUTES.team, auth, adminOnly, async (c) => c.json(await teamOverview(db, c.get('caller').teamId)));
  app.post(ADMIN_ROUTES.invite, auth, adminOnly, async (c) => {
    const body = await readBody(c, inviteRequestSchema);
    return c.json(await invitePerson(db, c.get('caller').teamId, { name: body.name, role: body.role, ttlMs: ttl(body.expiresInHours), now: now() }), 201);
  });
  app.post(ADMIN_ROUTES.personCodes, auth, adminOnly, async (c) => {
    const body = await readBody(c, codeRequestSchema);
    return c.json(await newCodeFor(db, c.get('caller').teamId, c.req.param('personId'), { ttlMs: ttl(body.expiresInHours), now: now() }), 201);
  });
  app.post(ADMIN_ROUTES.revokePerson, auth, adminOnly, async (c) => c.json(await revokePerson(db, c.get('caller').teamId, c.req.param('personId'), now())));
  app.post(ADMIN_ROUTES.revokeDevice, auth, adminOnly, async (c) => {
    await revokeDevice(db, c.get('caller').teamId, c.req.param('deviceId'), now());
    return c.body(null, 204);
  });

  return app;
}

/**
 * Server-Sent Events: `event: version` with {teamVersion} now and whenever the team version moves,
 * and a comment line as heartbeat. Each heartbeat checks the token again, so a revoked device's
 * stream ends (its reconnection then gets the 401 that says why).
 */
function liveVersions(c: Context<Env>, deps: AppDeps, streams: OpenStreams): Response {
  const caller = c.get('caller');
  const header = c.req.header('authorization');
  return streamSSE(c, async (stream) => {
    let sent = -1;
    const send = async (teamVersion: number) => {
      if (teamVersion <= sent) return;
      sent = teamVersion;
      await stream.writeSSE({ event: 'version', data: JSON.stringify({ teamVersion }) });
    };
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    stream.onAbort(finish);
    const forget = streams.add(finish);
    if (!forget) return;
    // Subscribe before reading the version, so a push in between is not missed.
    const unsubscribe = deps.hub.subscribe(caller.teamId, (v) => void send(v).catch(finish));
    const heartbeat = setInterval(() => {
      authenticate(deps.database.db, header)
        .then(() => stream.write(': heartbeat\n\n'))
        .catch(finish);
    }, deps.heartbeatMs ?? HEARTBEAT_MS);
    try {
      await send(await teamVersion(deps.database.db, caller.teamId));
      await finished;
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
      forget();
    }
  });
}
