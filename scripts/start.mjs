// `npm start`: build everything, then run Calma in Electron if an Electron binary is installed,
// or else serve the same console to a browser, saying plainly why.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, HOW_TO_INSTALL_ELECTRON } from './electron-binary.mjs';
import { portFromEnvironment, startRendererServer } from './serve-renderer.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Runs a command with the terminal attached; resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolveRun, rejectRun) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', ...options });
    child.once('error', rejectRun);
    child.once('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

async function build() {
  const require = createRequire(import.meta.url);
  const electronViteDir = dirname(require.resolve('electron-vite/package.json', { paths: [repoRoot] }));
  const cli = join(electronViteDir, 'bin', 'electron-vite.js');
  const code = await run(process.execPath, [cli, 'build']);
  if (code !== 0) {
    console.error('\nThe build failed (see above); nothing to start.');
    process.exit(code);
  }
}

async function runElectron(executable) {
  console.log(`\nStarting Calma with ${executable}`);
  // ELECTRON_RUN_AS_NODE would turn Electron into plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const code = await run(executable, ['.'], { env });
  process.exit(code);
}

async function serveInBrowser(reason) {
  const root = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`\n${root}/index.html is missing: the renderer was not built.`);
    process.exit(1);
  }
  console.log(
    [
      '',
      `Electron is not installed here, so Calma cannot open as a desktop app. ${reason}`,
      HOW_TO_INSTALL_ELECTRON,
      '',
      'Serving the same console to a web browser instead (OS features such as printing to PDF or',
      'encrypted token storage fall back to what the browser offers).',
    ].join('\n'),
  );
  const server = await startRendererServer({ root, port: portFromEnvironment(process.env.CALMA_PORT) });
  console.log(`\n  Calma: ${server.url}\n\nPress Ctrl+C to stop.`);

  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await build();
const electron = findElectronBinary({ repoRoot });
if (electron.found) await runElectron(electron.path);
else await serveInBrowser(electron.reason);
