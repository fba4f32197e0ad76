import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/hlc';
import { enrolmentCodeSchema } from '../../../shared/sync/admin';
import { enrolResponseSchema, pushResponseSchema, ROUTES } from '../../../shared/sync/protocol';
import { freshPostgresDatabase, sseReader } from './support/harness';
import { personArgs } from './support/domain';

/**
 * The server as people run it: `npm run server` (tsx server/src/main.ts) in real processes, the
 * admin command, two processes on one PostgreSQL passing pokes through LISTEN/NOTIFY, and a clean
 * exit on SIGTERM with a live stream open.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'server', 'src', 'main.ts');

function admin(env: Record<string, string>, args: string[]) {
  const result = spawnSync(TSX, [MAIN, 'admin', ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Running {
  child: ChildProcess;
  url: string;
  logs: string[];
  exited: Promise<number | null>;
}

const started: Running[] = [];

async function startProcess(env: Record<string, string>): Promise<Running> {
  const child = spawn(TSX, [MAIN], { cwd: ROOT, env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${logs.join('')}`)), 60_000);
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      logs.push(chunk.toString());
      const match = /"url":"(http:\/\/[^"]+)"/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${logs.join('')}`)));
  });
  const running = { child, url, logs, exited };
  started.push(running);
  return running;
}

async function stop(running: Running): Promise<number | null> {
  running.child.kill('SIGTERM');
  return running.exited;
}

afterAll(async () => {
  for (const running of started) if (running.child.exitCode === null) running.child.kill('SIGKILL');
});

async function json<T>(url: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  return { status: response.status, body: (await response.json()) as T };
}

describe('server processes', () => {
  it('two processes on one PostgreSQL: a push on one reaches a live subscriber of the other, then both stop cleanly', async () => {
    const env = { DATABASE_URL: await freshPostgresDatabase(), LOG_LEVEL: 'info' };
    const [a, b] = await Promise.all([startProcess(env), startProcess(env)]);

    const created = admin(env, ['create-team', '--name', 'Equipo', '--admin', 'Ana', '--json']);
    expect(created.status, created.stderr).toBe(0);
    const code = enrolmentCodeSchema.parse((JSON.parse(created.stdout) as { admin: unknown }).admin).code;

    const enrolled = await json(`${a.url}${ROUTES.enrol}`, { method: 'POST', body: JSON.stringify({ code, deviceId: 'ana-pc', deviceName: 'PC', protocol: 1 }) });
    const { token } = enrolResponseSchema.parse(enrolled.body);
    const auth = { authorization: `Bearer ${token}` };

    const live = await fetch(`${b.url}${ROUTES.events}`, { headers: auth });
    expect(live.status).toBe(200);
    const events = sseReader(live.body!);
    expect(await events.nextVersion()).toBe(0);

    const hlc = formatHlc({ millis: Date.now(), counter: 0, node: 'ana-pc' });
    const pushed = await json(`${a.url}${ROUTES.push}`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ deviceId: 'ana-pc', mutations: [{ seq: 1, id: 'm1', name: 'person.create', args: personArgs('p1'), hlc, at: new Date().toISOString() }] }),
    });
    expect(pushResponseSchema.parse(pushed.body).results).toEqual([{ seq: 1, status: 'applied', version: 1 }]);
    expect(await events.nextVersion()).toBe(1);

    // SIGTERM with a live stream open: the stream ends, the process exits 0.
    const [codeA, codeB] = await Promise.all([stop(a), stop(b)]);
    expect(await events.next()).toBeNull();
    expect([codeA, codeB]).toEqual([0, 0]);
    const lines = b.logs.join('').split('\n').filter(Boolean);
    expect(lines.every((line) => JSON.parse(line))).toBe(true);
    expect(lines.join('\n')).not.toContain(token);
  }, 90_000);

  it('PGlite in a data folder: admin command, ready, one process per folder, clean stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'calma-server-data-'));
    try {
      const env = { CALMA_DATA_DIR: dir };
      const created = admin(env, ['create-team', '--name', 'Solo', '--admin', 'Ana']);
      expect(created.status, created.stderr).toBe(0);
      expect(created.stdout).toMatch(/enrolment code: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);

      const server = await startProcess(env);
      expect((await json(`${server.url}${ROUTES.ready}`)).body).toEqual({ status: 'ready', store: 'pglite' });
      const busy = admin(env, ['list']);
      expect(busy.status).not.toBe(0);
      expect(busy.stderr).toMatch(/in use by process \d+/);
      expect(await stop(server)).toBe(0);
      expect(existsSync(join(dir, 'calma-server.lock'))).toBe(false);

      const listed = admin(env, ['list']);
      expect(listed.status, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/Team "Solo"/);
      const bad = admin(env, ['invite', '--name', 'X', '--role', 'boss']);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--role, one of admin, lead, responder, viewer/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // PGlite creates its cluster in the folder on first use (several seconds on a busy machine).
  }, 120_000);
});
