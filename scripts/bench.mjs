// `npm run bench`: measures Calma against the raw floor in one Chromium run and prints, for each
// benchmark, our figure, the floor's, their ratio and the budget. Results also go to .bench/results.json.
//
//   npm run bench                 # 50,000 answers (the size)
//   BENCH_ANSWERS=5000 npm run bench   # a quicker run while developing
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startRendererServer } from './serve-renderer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const COUNT = Number(process.env.BENCH_ANSWERS ?? 50_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const QUERIES = ['respuesta', 'crisis', 'cliente retraso', 'seguridad', 'refund', 'update apology', 'acceso datos', 'contrasena', 'pedido 4'];
// The people directory: BENCH_PEOPLE=2000 for a quicker run.
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const PEOPLE_QUERIES = ['lucia', 'garcia perez', 'ibanez', '600 001', 'comms', 'maria jose', 'person12@', 'zoe smith'];

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
function printTraceSummary(trace) {
  const events = trace.traceEvents ?? trace;
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log('\nMain-thread trace events while typing (total ms, nested events overlap):');
  for (const [name, total] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${total.toFixed(1).padStart(8)}  ${name}`);
}

function printTopFunctions(profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  console.log('\nTop self time while typing (ms):');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(v / 1000).toFixed(1).padStart(8)}  ${k}`);
}
const ms = (n) => `${n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : n.toFixed(0)} ms`;

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
const results = { answers: COUNT, at: new Date().toISOString(), chromium: browser.version() };

try {
  console.log(`\nGenerating and importing ${COUNT.toLocaleString('en')} answers (batches of 1,000)…`);
  await page.goto(`${server.url}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const raw = await page.evaluate((n) => window.calmaBench.importRaw(n), COUNT);
  const ours = await page.evaluate((n) => window.calmaBench.importThroughMutations(n), COUNT);
  results.import = { oursMs: ours.millis, rawMs: raw.millis, ratio: ours.millis / raw.millis, stored: ours.stored };

  const bare = await page.evaluate(([n, qs]) => {
    const all = [];
    for (const q of qs) for (let i = 1; i <= q.length; i += 1) all.push(q.slice(0, i));
    return window.calmaBench.bareSearch(n, all);
  }, [COUNT, QUERIES]);
  const mine = await page.evaluate(([n, qs]) => {
    const all = [];
    for (const q of qs) for (let i = 1; i <= q.length; i += 1) all.push(q.slice(0, i));
    return window.calmaBench.calmaIndex(n, all);
  }, [COUNT, QUERIES]);
  results.indexQuery = { buildMs: mine.buildMillis, p50: percentile(mine.samples, 50), p95: percentile(mine.samples, 95) };
  results.bareSearch = { buildMs: bare.buildMillis, p50: percentile(bare.samples, 50), p95: percentile(bare.samples, 95), n: bare.samples.length };

  // The console itself, on the database just filled: time from navigation to usable.
  await page.goto(`${server.url}renderer/index.html`);
  const shellMs = await page.waitForFunction(() => document.querySelector('[data-testid="desk-search"]') && performance.now(), null, { polling: 'raf' }).then((h) => h.jsonValue());
  const firstResultsMs = await page
    .waitForFunction(() => Number(document.querySelector('.results')?.getAttribute('data-total') ?? 0) > 0 && performance.now(), null, { polling: 'raf', timeout: 120_000 })
    .then((h) => h.jsonValue());
  const readyMs = await page
    .waitForFunction((n) => Number(document.querySelector('.results')?.getAttribute('data-total') ?? 0) >= n && performance.now(), COUNT, { polling: 'raf', timeout: 120_000 })
    .then((h) => h.jsonValue());
  const longest = await page.evaluate(() => Math.max(0, ...performance.getEntriesByType('longtask').map((e) => e.duration)));
  results.startup = { shellMs, firstResultsMs, searchReadyMs: readyMs, longestTaskMs: longest };

  // Keystroke to results on screen: the keydown's own timestamp to the frame after the list shows that query.
  await page.evaluate(() => {
    const w = window;
    w.__lat = [];
    w.__commit = [];
    w.__keys = [];
    const input = document.querySelector('[data-testid="desk-search"]');
    let pending = null;
    input.addEventListener('keydown', (e) => { pending = { t0: e.timeStamp }; w.__keys.push(pending); }, { capture: true });
    new MutationObserver(() => {
      const shown = document.querySelector('.results')?.getAttribute('data-query');
      if (pending && shown === input.value) {
        const p = pending;
        pending = null;
        p.dom = performance.now();
        w.__commit.push(p.dom - p.t0);
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - p.t0), 0));
      }
    }).observe(document.querySelector('.results'), { attributes: true, attributeFilter: ['data-query'] });
  });
  const input = page.getByTestId('desk-search');
  // BENCH_PROFILE=1 records a CPU profile of the typing phase (.bench/search.cpuprofile, opens in DevTools).
  const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  // BENCH_TRACE=1 records a Chromium trace of the typing phase and sums the main thread's work by kind.
  if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  for (const q of QUERIES) {
    await input.fill('');
    await page.waitForFunction(() => document.querySelector('.results')?.getAttribute('data-query') === '');
    for (const ch of q) {
      const before = await page.evaluate(() => window.__lat.length);
      await page.keyboard.type(ch);
      await page.waitForFunction((b) => window.__lat.length > b, before, { polling: 'raf' });
    }
  }
  if (process.env.BENCH_TRACE) printTraceSummary(JSON.parse((await browser.stopTracing()).toString()));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(join(root, '.bench'), { recursive: true });
    writeFileSync(join(root, '.bench', 'search.cpuprofile'), JSON.stringify(profile));
    printTopFunctions(profile);
  }
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('calma:search')).map((m) => [m.name, m.startTime]));
  const keydowns = await page.evaluate(() => window.__keys);
  const parts = { toSend: [], worker: [], toDom: [], toWorker: [], inWorker: [], backToMain: [] };
  for (const k of keydowns) {
    const sent = marks.find(([n, t]) => n === 'calma:search-sent' && t >= k.t0);
    const got = sent && marks.find(([n, t]) => n === 'calma:search-result' && t >= sent[1]);
    if (!sent || !got || k.dom === undefined) continue;
    parts.toSend.push(sent[1] - k.t0);
    parts.worker.push(got[1] - sent[1]);
    parts.toDom.push(k.dom - got[1]);
    const received = marks.find(([n, t]) => n === 'calma:search-worker-received' && t >= sent[1] - 1);
    const replied = received && marks.find(([n, t]) => n === 'calma:search-worker-replied' && t >= received[1]);
    if (received && replied) {
      parts.toWorker.push(received[1] - sent[1]);
      parts.inWorker.push(replied[1] - received[1]);
      parts.backToMain.push(got[1] - replied[1]);
    }
  }
  results.searchParts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, { p50: percentile(v, 50), p95: percentile(v, 95) }]));
  const lat = await page.evaluate(() => window.__lat);
  const commit = await page.evaluate(() => window.__commit);
  results.search = { p50: percentile(lat, 50), p95: percentile(lat, 95), max: Math.max(...lat), n: lat.length, domP50: percentile(commit, 50), domP95: percentile(commit, 95) };

  // Opening an incident with 500 steps and 10,000 log entries, then scrolling its timeline.
  await page.goto(`${server.url}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.evaluate(() => window.calmaBench.seedBigIncident(500, 10_000));
  await page.goto(`${server.url}renderer/index.html`);
  await page.getByTestId('desk-search').waitFor();
  const incidentCdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  if (incidentCdp) {
    await incidentCdp.send('Profiler.enable');
    await incidentCdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await incidentCdp.send('Profiler.start');
  }
  results.incident = await page.evaluate(async () => {
    const nav = [...document.querySelectorAll('nav button')].find((b) => /Incidents|Incidentes/.test(b.textContent ?? ''));
    const t0 = performance.now();
    nav.click();
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    while (!(document.querySelectorAll('[data-testid=checklist-step]').length >= 500 && document.querySelector('[data-testid=timeline] article'))) await frame();
    await frame();
    const interactiveMs = performance.now() - t0;
    const scroller = document.querySelector('[data-testid=timeline]');
    const deltas = [];
    let last = await frame();
    for (let i = 0; i < 150; i += 1) {
      scroller.scrollTop += 400;
      const now = await frame();
      deltas.push(now - last);
      last = now;
    }
    deltas.sort((a, b) => a - b);
    return { interactiveMs, maxFrameMs: deltas.at(-1), p95FrameMs: deltas[Math.floor(deltas.length * 0.95)], frames: deltas.length };
  });
  if (incidentCdp) {
    const { profile } = await incidentCdp.send('Profiler.stop');
    writeFileSync(join(root, '.bench', 'incident.cpuprofile'), JSON.stringify(profile));
    printTopFunctions(profile);
  }

  // The people directory: importing a CSV of PEOPLE rows, then searching and scrolling them in the console.
  console.log(`\nImporting ${PEOPLE.toLocaleString('en')} people from CSV, then searching and scrolling them…`);
  await page.goto(`${server.url}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  results.peopleImport = await page.evaluate((n) => window.calmaBench.importPeopleCsv(n), PEOPLE);
  const peopleIndex = await page.evaluate(
    ([n, qs]) => window.calmaBench.peopleIndexQueries(n, qs.flatMap((q) => Array.from(q, (_, i) => q.slice(0, i + 1)))),
    [PEOPLE, PEOPLE_QUERIES],
  );
  results.peopleIndex = { buildMs: peopleIndex.buildMillis, p50: percentile(peopleIndex.samples, 50), p95: percentile(peopleIndex.samples, 95) };
  await page.goto(`${server.url}renderer/index.html`);
  await page.getByTestId('desk-search').waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'People' }).click();
  await page.waitForFunction((n) => /^[\d,]+ people$/.test(document.querySelector('#people-count')?.textContent ?? '') && document.querySelectorAll('.people-list [role=option]').length > 0 && n > 0, PEOPLE);
  results.peopleShown = await page.locator('#people-count').textContent();
  await page.evaluate(() => {
    const w = window;
    w.__peopleLat = [];
    w.__peopleDom = [];
    const input = document.querySelector('[data-testid="people-search"]');
    const results = document.querySelector('.desk.people .results');
    let pending = null;
    input.addEventListener('keydown', (e) => { pending = { t0: e.timeStamp }; }, { capture: true });
    new MutationObserver(() => {
      if (pending && results.getAttribute('data-query') === input.value) {
        const p = pending;
        pending = null;
        w.__peopleDom.push(performance.now() - p.t0);
        requestAnimationFrame(() => setTimeout(() => w.__peopleLat.push(performance.now() - p.t0), 0));
      }
    }).observe(results, { attributes: true, attributeFilter: ['data-query'] });
  });
  const peopleInput = page.getByTestId('people-search');
  for (const q of PEOPLE_QUERIES) {
    await peopleInput.fill('');
    await page.waitForFunction(() => document.querySelector('.desk.people .results')?.getAttribute('data-query') === '');
    for (const ch of q) {
      const before = await page.evaluate(() => window.__peopleLat.length);
      await page.keyboard.type(ch);
      await page.waitForFunction((b) => window.__peopleLat.length > b, before, { polling: 'raf' });
    }
  }
  const peopleLat = await page.evaluate(() => window.__peopleLat);
  const peopleDom = await page.evaluate(() => window.__peopleDom);
  results.peopleSearch = { p50: percentile(peopleLat, 50), p95: percentile(peopleLat, 95), max: Math.max(...peopleLat), n: peopleLat.length, domP50: percentile(peopleDom, 50), domP95: percentile(peopleDom, 95) };
  await peopleInput.fill('');
  await page.waitForFunction(() => document.querySelector('.desk.people .results')?.getAttribute('data-query') === '');
  results.peopleScroll = await page.evaluate(async () => {
    const scroller = document.querySelector('.people-list');
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const deltas = [];
    let last = await frame();
    for (let i = 0; i < 300; i += 1) {
      scroller.scrollTop += i < 150 ? 400 : 4000;
      const now = await frame();
      deltas.push(now - last);
      last = now;
    }
    deltas.sort((a, b) => a - b);
    return { maxFrameMs: deltas.at(-1), p95FrameMs: deltas[Math.floor(deltas.length * 0.95)], frames: deltas.length, scrolledTo: scroller.scrollTop, height: scroller.scrollHeight };
  });
} finally {
  await browser.close();
  await server.close();
}

const rows = [
  ['benchmark', 'Calma', 'floor', 'ratio', 'budget', 'verdict'],
  [
    `import ${COUNT.toLocaleString('en')} answers`,
    ms(results.import.oursMs),
    `${ms(results.import.rawMs)} raw IndexedDB`,
    `${results.import.ratio.toFixed(2)}x`,
    '≤ 2x raw',
    results.import.ratio <= 2 ? 'ok' : 'OVER',
  ],
  [
    'search, keystroke → on screen',
    `p50 ${ms(results.search.p50)}, p95 ${ms(results.search.p95)}`,
    `bare FlexSearch p50 ${ms(results.bareSearch.p50)}, p95 ${ms(results.bareSearch.p95)}`,
    `${(results.search.p95 / Math.max(results.bareSearch.p95, 0.01)).toFixed(1)}x at p95`,
    'p95 < 16 ms',
    results.search.p95 < 16 ? 'ok' : 'OVER',
  ],
  [
    `console interactive, ${COUNT.toLocaleString('en')} stored`,
    `shell ${ms(results.startup.shellMs)}, first results ${ms(results.startup.firstResultsMs)}, all indexed ${ms(results.startup.searchReadyMs)}`,
    `bare index build ${ms(results.bareSearch.buildMs)}`,
    '',
    '< 1500 ms',
    results.startup.searchReadyMs < 1500 ? 'ok' : results.startup.firstResultsMs < 1500 ? 'ok, index completes later' : results.startup.shellMs < 1500 ? 'shell ok, search late' : 'OVER',
  ],
  [
    'open incident, 500 steps + 10,000 log entries',
    `interactive ${ms(results.incident.interactiveMs)}; scrolling: worst frame ${ms(results.incident.maxFrameMs)}, p95 ${ms(results.incident.p95FrameMs)}`,
    '',
    '',
    '< 500 ms; no frame > 50 ms',
    results.incident.interactiveMs < 500 && results.incident.maxFrameMs <= 50 ? 'ok' : 'OVER',
  ],
  [
    `import ${PEOPLE.toLocaleString('en')} people from CSV`,
    `${Math.round(results.peopleImport.rows / (results.peopleImport.totalMs / 1000)).toLocaleString('en')} rows/s (${ms(results.peopleImport.totalMs)}: plan ${ms(results.peopleImport.planMs)}, mutation ${ms(results.peopleImport.writeMs)})`,
    `bare Papa Parse ${Math.round(results.peopleImport.rows / (results.peopleImport.bareMs / 1000)).toLocaleString('en')} rows/s (${ms(results.peopleImport.bareMs)}) + raw IndexedDB puts ${ms(results.peopleImport.rawPutMs)}`,
    `${(results.peopleImport.totalMs / results.peopleImport.bareMs).toFixed(0)}x bare parse, ${(results.peopleImport.totalMs / (results.peopleImport.bareMs + results.peopleImport.rawPutMs)).toFixed(2)}x parse + puts`,
    'report',
    results.peopleImport.stored >= PEOPLE ? 'ok' : 'MISSING ROWS',
  ],
  [
    `people search, ${PEOPLE.toLocaleString('en')}, keystroke → on screen`,
    `p50 ${ms(results.peopleSearch.p50)}, p95 ${ms(results.peopleSearch.p95)}`,
    `index alone p50 ${ms(results.peopleIndex.p50)}, p95 ${ms(results.peopleIndex.p95)}`,
    `${(results.peopleSearch.p95 / Math.max(results.peopleIndex.p95, 0.01)).toFixed(1)}x at p95`,
    'p95 < 16 ms',
    results.peopleSearch.p95 < 16 ? 'ok' : 'OVER',
  ],
  [
    `scroll ${PEOPLE.toLocaleString('en')} people`,
    `worst frame ${ms(results.peopleScroll.maxFrameMs)}, p95 ${ms(results.peopleScroll.p95FrameMs)}`,
    '',
    '',
    'no frame > 50 ms',
    results.peopleScroll.maxFrameMs <= 50 ? 'ok' : 'OVER',
  ],
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log('\n' + rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'));
console.log(`\nCalma's index alone (no worker, no UI): query p50 ${ms(results.indexQuery.p50)}, p95 ${ms(results.indexQuery.p95)}; build ${ms(results.indexQuery.buildMs)}`);
const sp = results.searchParts;
console.log(`Parts (p50/p95): keystroke → query sent ${ms(sp.toSend.p50)}/${ms(sp.toSend.p95)}; worker round trip ${ms(sp.worker.p50)}/${ms(sp.worker.p95)}; result → DOM ${ms(sp.toDom.p50)}/${ms(sp.toDom.p95)}`);
console.log(`Worker round trip (p50/p95): to the worker ${ms(sp.toWorker.p50)}/${ms(sp.toWorker.p95)}; query ${ms(sp.inWorker.p50)}/${ms(sp.inWorker.p95)}; back to the page ${ms(sp.backToMain.p50)}/${ms(sp.backToMain.p95)}`);
console.log(`Keystroke → DOM updated (before the frame is painted): p50 ${ms(results.search.domP50)}, p95 ${ms(results.search.domP95)}`);
console.log(`People import: plan (parse, validate, duplicates, backups) ${ms(results.peopleImport.planMs)} = ${Math.round(results.peopleImport.rows / (results.peopleImport.planMs / 1000)).toLocaleString('en')} rows/s, ${(results.peopleImport.planMs / results.peopleImport.bareMs).toFixed(1)}x the bare parse; the one people.import mutation ${ms(results.peopleImport.writeMs)} vs raw IndexedDB puts of the same rows ${ms(results.peopleImport.rawPutMs)} (${(results.peopleImport.writeMs / results.peopleImport.rawPutMs).toFixed(2)}x)`);
console.log(`People: index build ${ms(results.peopleIndex.buildMs)}; keystroke → DOM updated p50 ${ms(results.peopleSearch.domP50)}, p95 ${ms(results.peopleSearch.domP95)} (${results.peopleSearch.n} keystrokes, worst ${ms(results.peopleSearch.max)}); CSV ${(results.peopleImport.bytes / 1024 / 1024).toFixed(1)} MB`);
console.log(`(${results.search.n} keystrokes, ${results.bareSearch.n} bare queries; longest main-thread task at start-up ${ms(results.startup.longestTaskMs)}; Chromium ${results.chromium})`);
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', 'results.json'), JSON.stringify(results, null, 2));
