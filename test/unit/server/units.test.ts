import { readFileSync } from 'node:fs';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { hashEnrolmentCode, newEnrolmentCode, newToken, normaliseEnrolmentCode } from '../../../server/src/auth/secrets';
import { ConfigError, configFromEnv } from '../../../server/src/config';
import { MIGRATIONS_FOLDER } from '../../../server/src/db/migrate';
import * as schema from '../../../server/src/db/schema';
import { originMatcher } from '../../../server/src/http/cors';

describe('enrolment codes and tokens', () => {
  it('makes codes of four groups of four unambiguous characters, all different', () => {
    const codes = Array.from({ length: 200 }, newEnrolmentCode);
    for (const code of codes) expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}(-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(newToken()).toMatch(/^calma_[A-Za-z0-9_-]{43}$/);
  });

  it('hashes a code the same however it is typed, and different codes differently', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Array.from({ length: 20 }, newEnrolmentCode)), fc.boolean(), fc.boolean(), (code, lower, spaced) => {
        let typed = code.replaceAll('0', 'O').replaceAll('1', 'l');
        if (lower) typed = typed.toLowerCase();
        if (spaced) typed = typed.replaceAll('-', ' ');
        expect(hashEnrolmentCode(typed)).toBe(hashEnrolmentCode(code));
      }),
    );
    expect(normaliseEnrolmentCode('ab-cd ef')).toBe('ABCDEF');
    expect(hashEnrolmentCode('AAAA-AAAA-AAAA-AAAA')).not.toBe(hashEnrolmentCode('AAAA-AAAA-AAAA-AAAB'));
  });
});

describe('configuration', () => {
  it('defaults to PGlite in ./calma-server-data on 127.0.0.1:8787', () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8787, store: { kind: 'pglite' }, corsOrigins: ['app://calma', 'http://127.0.0.1:*', 'http://localhost:*'] });
    expect(config.store.kind === 'pglite' && config.store.dataDir).toMatch(/calma-server-data$/);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and names a bad variable', () => {
    expect(configFromEnv({ DATABASE_URL: 'postgres://u@h/db', PORT: '9000' })).toMatchObject({ port: 9000, store: { kind: 'postgres', url: 'postgres://u@h/db' } });
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('matches CORS origins exactly, with `*` standing for a port only', () => {
    const allow = originMatcher(['app://calma', 'http://127.0.0.1:*']);
    expect(allow('app://calma')).toBe('app://calma');
    expect(allow('http://127.0.0.1:41234')).toBe('http://127.0.0.1:41234');
    for (const origin of ['', 'null', 'app://calma2', 'http://127.0.0.1', 'http://127.0.0.1:', 'http://127.0.0.1:80/x', 'http://127.0.0.10:80', 'https://127.0.0.1:80']) {
      expect(allow(origin)).toBeNull();
    }
  });
});

describe('schema and migrations', () => {
  it('agree: the migrations in server/drizzle/ build exactly server/src/db/schema.ts', async () => {
    const { generateDrizzleJson, generateMigration } = await import('drizzle-kit/api');
    const journal = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as { entries: { idx: number }[] };
    const last = journal.entries.at(-1)!.idx;
    const snapshot = JSON.parse(readFileSync(`${MIGRATIONS_FOLDER}/meta/${String(last).padStart(4, '0')}_snapshot.json`, 'utf8'));
    const current = generateDrizzleJson(schema as unknown as Record<string, unknown>, snapshot.id);
    expect(await generateMigration(snapshot, current), 'run `npm run server:migrations`').toEqual([]);
  });
});
