import { z } from 'zod';
import { hlcSchema, idSchema, isoDateSchema } from '../domain/common';
import { MAX_DRIFT_MS } from '../hlc';
import { DOMAIN_TABLES } from '../mutations/store';

/**
 * The sync protocol between a device and the team server (DESIGN.md, "Sync"). Push sends the
 * outbox in order; pull returns every row that changed after a cursor. The server is
 * authoritative: it re-runs each mutation through the same mutators (shared/mutators) on its own
 * store, checks roles and rules, and numbers every change with a team version.
 *
 * Every body is parsed with these schemas on both ends; unknown fields are refused (`strict`), so
 * a client and a server that disagree about the protocol fail loudly instead of dropping data.
 */

export const PROTOCOL_VERSION = 1;

/**
 * Largest request body the server reads, in bytes (UTF-8 of the JSON); bigger ones get 413 before
 * parsing. It bounds what one request can make the server hold in memory, and keeps every request
 * short enough to finish on a poor network: the client packs its pushes under it
 * (shared/sync/pushBatches.ts), and producers of large changes split them (people imports).
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** Most mutations in one push; the client sends the rest in the next request. */
export const MAX_PUSH_MUTATIONS = 500;
/** Default and largest page of a pull. */
export const PULL_PAGE_DEFAULT = 500;
export const PULL_PAGE_MAX = 2000;
/** A mutation stamped further than this in the future of the server's clock is refused. */
export const MAX_CLOCK_DRIFT_MS = MAX_DRIFT_MS;

export const ROLES = ['admin', 'lead', 'responder', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type TeamRole = z.infer<typeof roleSchema>;

export const domainTableSchema = z.enum(DOMAIN_TABLES);

// ---- enrolment and identity ------------------------------------------------------------------

/** A device joins a team with a one-time code; it keeps its own device id so its outbox numbering
 * (and the work it did alone before enrolling) carries over. */
export const enrolRequestSchema = z.strictObject({
  code: z.string().min(8).max(64),
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  deviceName: z.string().min(1).max(120),
  protocol: z.literal(PROTOCOL_VERSION),
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const identitySchema = z.strictObject({
  team: z.strictObject({ id: idSchema, name: z.string() }),
  person: z.strictObject({ id: idSchema, name: z.string(), role: roleSchema }),
  device: z.strictObject({ id: z.string(), name: z.string() }),
});
export type Identity = z.infer<typeof identitySchema>;

export const enrolResponseSchema = z.strictObject({
  /** Bearer token; the server keeps only its hash. Shown once. */
  token: z.string().min(32),
  identity: identitySchema,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

// ---- push ------------------------------------------------------------------------------------

/**
 * One outbox row as sent. `args` are parsed by the server with the mutation's own schema.
 *
 * A mutation too large to reach the server (alone it would make a body over MAX_BODY_BYTES, or a
 * proxy on the way refused it with 413) is sent without its `args` and with `withheldBytes`, its
 * size: the server records it as refused (`too-large`), so its seq is used up like any refusal and
 * the mutations behind it are not blocked, and the device reverts it and says why.
 */
export const pushedMutationSchema = z
  .strictObject({
    seq: z.number().int().positive(),
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(80),
    args: z.unknown().optional(),
    hlc: hlcSchema,
    at: isoDateSchema,
    withheldBytes: z.number().int().positive().optional(),
  })
  .refine((m) => (m.withheldBytes === undefined) === (m.args !== undefined), {
    message: 'a mutation carries either its args or, withheld, its size in withheldBytes',
    path: ['args'],
  });
export type PushedMutation = z.infer<typeof pushedMutationSchema>;

export const pushRequestSchema = z.strictObject({
  deviceId: z.string(),
  /** In seq order, consecutive, starting anywhere at or below the server's lastSeq + 1. */
  mutations: z.array(pushedMutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const refusalSchema = z.strictObject({
  seq: z.number().int().positive(),
  mutationId: z.string(),
  name: z.string(),
  code: z.enum(['invalid', 'conflict', 'not-found', 'forbidden', 'clock-drift', 'unknown-mutation', 'too-large']),
  message: z.string(),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
  at: isoDateSchema,
});
export type Refusal = z.infer<typeof refusalSchema>;

/**
 * `applied`: committed now; `duplicate`: this seq was handled before (a resend), nothing changed;
 * `refused`: not applied, ever; the device must revert it. A refused seq still advances the
 * device's lastSeq, so it is never retried.
 */
export const pushResultSchema = z.discriminatedUnion('status', [
  z.strictObject({ seq: z.number().int(), status: z.literal('applied'), version: z.number().int() }),
  z.strictObject({ seq: z.number().int(), status: z.literal('duplicate') }),
  z.strictObject({ seq: z.number().int(), status: z.literal('refused'), refusal: refusalSchema }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.strictObject({
  results: z.array(pushResultSchema),
  /** The highest seq of this device the server has handled (applied or refused). */
  lastSeq: z.number().int().nonnegative(),
  teamVersion: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** 409 body when a push skips seqs: the device resends from `expectedSeq`. */
export const seqGapSchema = z.strictObject({
  error: z.literal('seq-gap'),
  message: z.string(),
  expectedSeq: z.number().int().positive(),
});

// ---- pull ------------------------------------------------------------------------------------

/** Opaque to clients: where the previous page ended. `null` means from the beginning. */
export const cursorSchema = z.string().max(200).nullable();

export const pullRequestSchema = z.strictObject({
  deviceId: z.string(),
  cursor: cursorSchema,
  limit: z.number().int().min(1).max(PULL_PAGE_MAX).default(PULL_PAGE_DEFAULT),
});
export type PullRequest = z.input<typeof pullRequestSchema>;

/** A row as the server holds it now. Deleted editable records arrive with `deleted: true`
 * (tombstones are rows, never removals). */
export const changedRowSchema = z.strictObject({
  table: domainTableSchema,
  id: z.string(),
  version: z.number().int().positive(),
  row: z.record(z.string(), z.unknown()),
});
export type ChangedRow = z.infer<typeof changedRowSchema>;

export const pullResponseSchema = z.strictObject({
  changes: z.array(changedRowSchema),
  /** Pass back to get the next page; also store it once a page is applied. */
  cursor: cursorSchema,
  /** More pages are waiting right now. */
  more: z.boolean(),
  teamVersion: z.number().int().nonnegative(),
  /** The device's last handled seq: outbox rows up to it can be dropped once this page is applied. */
  lastSeq: z.number().int().nonnegative(),
  /** Refusals of this device's mutations, so a lost push response still reaches its author. */
  refusals: z.array(refusalSchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Rows by key, current server state (used to revert a refused mutation). Missing rows are absent. */
export const rowsRequestSchema = z.strictObject({
  refs: z.array(z.strictObject({ table: domainTableSchema, id: z.string() })).min(1).max(PULL_PAGE_MAX),
});
export const rowsResponseSchema = z.strictObject({ rows: z.array(changedRowSchema) });

// ---- live ------------------------------------------------------------------------------------

/** Server-Sent Events on GET /v1/sync/events (ROUTES.events): `event: version`, `data: {"teamVersion": n}`. */
export const pokeSchema = z.strictObject({ teamVersion: z.number().int().nonnegative() });

/** Errors are JSON with a stable code, a sentence for people, and the fields at fault. */
export const errorBodySchema = z.strictObject({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  /**
   * With a 429: how long to wait before trying again, as in the Retry-After header (repeated in the
   * body because a browser only shows a cross-origin response's safelisted headers to the page).
   */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/**
 * `error` code of a 429: too many failed enrolments or failed authentications came from this
 * address (or, for enrolment, from everywhere at once) in a short time. It says nothing about
 * whether the code or token was right; the request was not looked at.
 */
export const RATE_LIMITED_ERROR = 'rate-limited';

/** `error` codes of a refused enrolment that people can act on (the console words each). */
export const ENROLMENT_CODE_ERRORS = ['enrolment-code-unknown', 'enrolment-code-used', 'enrolment-code-expired'] as const;

/**
 * `error` codes of a 401. The first three mean this machine no longer belongs to the team (an
 * admin revoked the device or its person, or the device left): the console removes the team's data
 * from it and says why. The others (no token, a token this server does not know) mean "enrol".
 */
export const REVOKED_ERRORS = ['device-revoked', 'person-revoked', 'device-left'] as const;
export const UNAUTHENTICATED_ERRORS = ['unauthenticated', 'invalid-token'] as const;

/** The HTTP routes, in one place for both ends (admin routes: shared/sync/admin.ts). */
export const ROUTES = {
  health: '/health',
  ready: '/ready',
  enrol: '/v1/enrol',
  me: '/v1/me',
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  rows: '/v1/sync/rows',
  events: '/v1/sync/events',
  leave: '/v1/device/leave',
} as const;
