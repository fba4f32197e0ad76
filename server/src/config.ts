import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Everything the server reads from its environment, checked once at start so a typo fails loudly
 * with the variable's name instead of half-working.
 */
const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** PostgreSQL for real teams; without it the server keeps its data in PGlite under CALMA_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  CALMA_DATA_DIR: z.string().min(1).default('./calma-server-data'),
  /**
   * Origins allowed to call the API from a browser: the desktop app (app://calma) and the console
   * served on loopback. A `*` may stand for the port only.
   */
  CALMA_CORS_ORIGINS: z.string().default('app://calma,http://127.0.0.1:*,http://localhost:*'),
  /** How long an enrolment code stays valid. */
  CALMA_CODE_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(72),
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For. 0 (the default):
   * clients connect directly and the header is ignored, since anyone can write it; the address that
   * failure limits count by is then the socket's. Set it only when every request passes through
   * that many proxies of yours.
   */
  CALMA_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ServerConfig {
  host: string;
  port: number;
  store: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | null };
  corsOrigins: string[];
  codeTtlMs: number;
  proxyHops: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    store: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(e.CALMA_DATA_DIR) },
    corsOrigins: e.CALMA_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    codeTtlMs: e.CALMA_CODE_TTL_HOURS * 3600_000,
    proxyHops: e.CALMA_PROXY_HOPS,
    logLevel: e.LOG_LEVEL,
  };
}
