import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The team server as people run it (`npm run server`: tsx server/src/main.ts), in a child process,
 * so that it has its own event loop and the benchmark's clients do not share it. It listens on a
 * free loopback port (PORT=0) and logs at `info`, as deployed; lines at warn or above are kept,
 * since a benchmark that made the server complain did not measure a healthy server.
 */
export interface ServerProcess {
  url: string;
  /** Log lines at level warn (40) or above, and anything on stderr. */
  readonly complaints: string[];
  /** The server's own time for each request it logged, by "METHOD /path" (its request log's `ms`). */
  readonly handled: Map<string, number[]>;
  stop(): Promise<void>;
}

const STARTUP_MS = 120_000;

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const complaints: string[] = [];
  const handled = new Map<string, number[]>();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  createInterface({ input: child.stderr }).on('line', (line) => complaints.push(`stderr: ${line}`));

  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the team server did not start within ${STARTUP_MS / 1000} s: ${complaints.slice(-5).join(' | ')}`));
    }, STARTUP_MS);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the team server exited (${code}) before listening: ${complaints.slice(-5).join(' | ')}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      let entry: { level?: number; msg?: string; url?: string; method?: string; path?: string; ms?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        complaints.push(`stdout: ${line}`);
        return;
      }
      if ((entry.level ?? 0) >= 40) complaints.push(line);
      if (entry.msg === 'request' && entry.ms !== undefined) {
        const key = `${entry.method} ${entry.path}`;
        const times = handled.get(key) ?? [];
        times.push(entry.ms);
        handled.set(key, times);
      }
      if (entry.msg === 'team server listening' && entry.url) {
        clearTimeout(timer);
        resolve({
          url: entry.url,
          complaints,
          handled,
          async stop() {
            if (child.exitCode !== null) return;
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            await exited;
            clearTimeout(killer);
          },
        });
      }
    });
  });
}
