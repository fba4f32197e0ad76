// `npm run bench`: measures Calma against the raw floor in one Chromium run and prints, for each
// benchmark, our figure, the floor's, their ratio and the budget. Results also go to .bench/results.json.
//
//   npm run bench                          # every section at the issues' sizes
//   BENCH_ONLY=incident,people npm run bench   # some sections: frame, answers, incident, people, server
//   BENCH_ANSWERS=5000 BENCH_PEOPLE=2000 npm run bench   # a quicker run while developing
//   BENCH_PROFILE=1 npm run bench          # CPU profiles of the measured phases, in .bench/
//   npm run bench -- --no-build            # measure the build already in out/
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startRendererServer } from './serve-renderer.mjs';
import * as answers from './bench/answers.mjs';
import * as frame from './bench/frame.mjs';
import * as incident from './bench/incident.mjs';
import * as people from './bench/people.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const SECTIONS = { frame, answers, incident, people };
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
// 'server' is the team sync benchmarks (scripts/bench-server.mjs), run after the console's.
const unknown = only?.filter((name) => !(name in SECTIONS) && name !== 'server') ?? [];
if (unknown.length > 0) {
  console.error(`BENCH_ONLY: unknown section ${unknown.join(', ')} (sections: ${[...Object.keys(SECTIONS), 'server'].join(', ')})`);
  process.exit(2);
}
const chosen = Object.entries(SECTIONS).filter(([name]) => !only || only.includes(name));

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

if (!process.argv.includes('--no-build')) {
  await run(join(root, 'node_modules', '.bin', 'electron-vite'), ['build']);
  await run(join(root, 'node_modules', '.bin', 'vite'), ['build', '-c', 'test/bench/vite.config.ts']);
}

// BENCH_OUT: serve a copy of the build, so work on the tree can go on during a long run.
const server = await startRendererServer({ root: process.env.BENCH_OUT ?? join(root, 'out'), port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
const results = { at: new Date().toISOString(), chromium: browser.version(), answers: answers.COUNT, people: people.PEOPLE };
try {
  for (const [, section] of chosen) await section.run({ root, server, browser, context, page, results });
} finally {
  await browser.close();
  await server.close();
}

const table = [['benchmark', 'Calma', 'floor', 'ratio', 'budget', 'verdict'], ...chosen.flatMap(([, s]) => s.rows(results))];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
console.log('\n' + table.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
console.log('\n' + chosen.flatMap(([, s]) => s.details(results)).join('\n'));
console.log(`(Chromium ${results.chromium})`);
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', 'results.json'), JSON.stringify(results, null, 2));

// The team sync benchmarks (push/pull, live propagation, sustained load) on the same build.
if (!only || only.includes('server')) await run(process.execPath, [join(root, 'scripts', 'bench-server.mjs'), '--no-build']);
