// The team server's entry point: `npm run server` serves; `npm run server -- admin …` manages teams.
// It runs TypeScript directly through tsx (a devDependency), so there is no build step to forget.
import { runAdmin } from './cli';
import { ConfigError, configFromEnv } from './config';
import { DataDirBusyError } from './db/dataDirLock';
import { createLog } from './log';
import { startServer } from './serve';

async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = configFromEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`calma-server: bad environment:\n${error.message}\n`);
    return 2;
  }
  if (argv[0] === 'admin') {
    // The admin command prints for people; its logs (warnings only) go to stderr.
    const log = createLog(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
    return runAdmin(argv.slice(1), config, log, (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
  }
  if (argv.length > 0 && argv[0] !== 'serve') {
    process.stderr.write(`calma-server: unknown command "${argv[0]}" (expected nothing, "serve" or "admin")\n`);
    return 2;
  }
  const log = createLog(config.logLevel);
  const server = await startServer(config, log);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      stopping = true;
      log.info({ signal }, 'signal received');
      server.close().then(resolve, (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof DataDirBusyError;
    process.stderr.write(`calma-server: ${error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error)}\n`);
    process.exit(1);
  },
);
