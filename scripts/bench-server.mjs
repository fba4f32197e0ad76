// The team sync benchmarks (issue 5), each in its own process, then one table of their results:
//
//   pushPull     push of 10,000 queued mutations and their pull by a second device, PGlite and
//                PostgreSQL, against a bare batched INSERT / SELECT of the same rows
//   propagation  an edit in one browser console until a teammate's console shows it (Chromium,
//                the built renderer, a team server on loopback), 200 edits, PGlite and PostgreSQL,
//                against a bare push + poke + pull between two Node clients; budget p95 < 250 ms
//   load         50 devices of one team pushing and pulling for 30 s against one server on
//                PostgreSQL, every accepted mutation checked afterwards; against bare INSERTs
//                from 50 connections; budget zero errors, zero lost mutations
//
//   node scripts/bench-server.mjs                    # all three, after building the renderer
//   node scripts/bench-server.mjs --no-build load    # only some, on the existing build
//
// Smaller runs: BENCH_SERVER_MUTATIONS, BENCH_PROPAGATION_EDITS, BENCH_PROPAGATION_STORES
// (pglite,postgres), BENCH_LOAD_DEVICES, BENCH_LOAD_SECONDS. BENCH_OUT serves another copy of the
// build, as for scripts/bench.mjs. PostgreSQL comes from Debian's `postgresql` package.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BENCHMARKS = ['pushPull', 'propagation', 'load'];

const args = process.argv.slice(2);
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((a) => !BENCHMARKS.includes(a));
if (unknown.length > 0) {
  console.error(`bench-server: unknown benchmark ${unknown.join(', ')} (expected some of ${BENCHMARKS.join(', ')})`);
  process.exit(2);
}
const chosen = names.length > 0 ? BENCHMARKS.filter((name) => names.includes(name)) : BENCHMARKS;

function run(command, commandArgs) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
    child.once('exit', (code, signal) => resolve(code ?? signal));
  });
}

if (chosen.includes('propagation') && !args.includes('--no-build')) {
  const built = await run(join(root, 'node_modules', '.bin', 'electron-vite'), ['build']);
  if (built !== 0) {
    console.error(`bench-server: the build failed (${built})`);
    process.exit(1);
  }
}

const failed = [];
for (const name of chosen) {
  const resultFile = join(root, '.bench', `server-${name}.json`);
  rmSync(resultFile, { force: true });
  const code = await run(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'test', 'bench', 'server', `${name}.ts`)]);
  if (code !== 0 || !existsSync(resultFile)) failed.push(`${name} (exit ${code})`);
}

// One table of every server benchmark that ran, in the columns scripts/bench.mjs prints.
const rows = chosen.flatMap((name) => {
  const file = join(root, '.bench', `server-${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).rows : [];
});
if (rows.length > 0) {
  const table = [['benchmark', 'Calma', 'floor', 'ratio', 'budget', 'verdict'], ...rows.map((r) => [r.benchmark, r.ours, r.floor, r.ratio, r.budget, r.verdict])];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  console.log('\nTeam sync:\n' + table.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
  console.log('(details in .bench/server-*.json)');
}
if (failed.length > 0) {
  console.error(`bench-server: ${failed.join(', ')} did not finish`);
  process.exit(1);
}
