// The answers desk at scale: importing COUNT answers through the mutation path against raw
// IndexedDB, the console's start-up on that database, and search from keystroke to screen against
// the bare search library's own query on the same data.
import { letterFrame, measureTyping, typingParts, ms, openBenchPage, percentile } from './measure.mjs';

export const COUNT = Number(process.env.BENCH_ANSWERS ?? 50_000);
export const QUERIES = ['respuesta', 'crisis', 'cliente retraso', 'seguridad', 'refund', 'update apology', 'acceso datos', 'contrasena', 'pedido 4'];
/** Every prefix of every query: what typing the queries one key at a time asks for. */
const PREFIXES = QUERIES.flatMap((q) => Array.from(q, (_, i) => q.slice(0, i + 1)));

export async function run(env) {
  const { page, server, results } = env;
  console.log(`\nGenerating and importing ${COUNT.toLocaleString('en')} answers (batches of 1,000)…`);
  await openBenchPage(env);
  const raw = await page.evaluate((n) => window.calmaBench.importRaw(n), COUNT);
  const ours = await page.evaluate((n) => window.calmaBench.importThroughMutations(n), COUNT);
  results.import = { oursMs: ours.millis, rawMs: raw.millis, ratio: ours.millis / raw.millis, stored: ours.stored };

  const bare = await page.evaluate(([n, qs]) => window.calmaBench.bareSearch(n, qs), [COUNT, PREFIXES]);
  const mine = await page.evaluate(([n, qs]) => window.calmaBench.calmaIndex(n, qs), [COUNT, PREFIXES]);
  results.indexQuery = { buildMs: mine.buildMillis, p50: percentile(mine.samples, 50), p95: percentile(mine.samples, 95) };
  results.bareSearch = { buildMs: bare.buildMillis, p50: percentile(bare.samples, 50), p95: percentile(bare.samples, 95), n: bare.samples.length };
  // The floor for keystroke → screen: a bare box over the bare index, typed into the same way.
  await page.evaluate((n) => window.calmaBench.mountBareAnswerSearch(n), COUNT);
  const bareTyping = await measureTyping(env, { input: 'bare-search', results: '.bare-results', queries: QUERIES, profile: 'search-bare' });
  results.bareTyping = bareTyping.again.summary;
  results.bareTypingFirst = bareTyping.first.summary;

  // The console itself, on the database just filled: time from navigation to usable. Measured
  // twice: right after the import (IndexedDB still settling the bulk write, nothing cached yet) and
  // on a second start, which is what a person opening the console on a later day meets.
  const afterImport = await measureStart(page, server, { untilIndexed: true });
  const sharedMemory = await page.evaluate(() => crossOriginIsolated);
  const again = await measureStart(page, server, { untilIndexed: true });
  results.startup = { ...afterImport, sharedMemory, again };

  // Keystroke to results on screen, and where each keystroke's time went.
  const typed = await measureTyping(env, { input: 'desk-search', results: '.results', queries: QUERIES, profile: 'search' });
  results.search = typed.again.summary;
  results.searchFirst = typed.first.summary;
  results.searchParts = await searchParts(page, typed.again.keys);
}

/** A long task's length; none of 50 ms or more reads 0, and null means the browser cannot tell. */
const taskMs = (value) => (value === null ? 'n/a' : value === 0 ? 'none over 50 ms' : ms(value));

/** Navigates to the console and times its shell, its first results and, if asked, the whole index. */
async function measureStart(page, server, { untilIndexed }) {
  await page.goto(`${server.url}renderer/index.html`);
  const at = (predicate, arg) => page.waitForFunction(predicate, arg, { polling: 'raf', timeout: 120_000 }).then((h) => h.jsonValue());
  const shellMs = await at(() => document.querySelector('[data-testid="desk-search"]') && performance.now());
  const firstResultsMs = await at(() => Number(document.querySelector('.results')?.getAttribute('data-total') ?? 0) > 0 && performance.now());
  const searchReadyMs = untilIndexed ? await at((n) => Number(document.querySelector('.results')?.getAttribute('data-total') ?? 0) >= n && performance.now(), COUNT) : null;
  // Long tasks are not kept in the performance timeline; a buffered observer gets those seen so far.
  const longestTaskMs = await page.evaluate(
    () =>
      new Promise((resolve) => {
        if (!PerformanceObserver.supportedEntryTypes.includes('longtask')) return resolve(null);
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(Math.max(0, ...list.getEntries().map((e) => e.duration)));
        }).observe({ type: 'longtask', buffered: true });
        // No callback: no task of 50 ms or more so far.
        setTimeout(() => resolve(0), 200);
      }),
  );
  return { shellMs, firstResultsMs, searchReadyMs, longestTaskMs };
}

/** Splits each keystroke's time by the performance marks the search path leaves: where it goes. */
async function searchParts(page, keydowns) {
  const marks = await page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('calma:search')).map((m) => [m.name, m.startTime]));
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
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, { p50: percentile(v, 50), p95: percentile(v, 95) }]));
}

export function rows(results) {
  return [
    [
      `import ${COUNT.toLocaleString('en')} answers`,
      ms(results.import.oursMs),
      `${ms(results.import.rawMs)} raw IndexedDB`,
      `${results.import.ratio.toFixed(2)}x`,
      '≤ 2x raw',
      results.import.ratio <= 2 ? 'ok' : 'OVER',
    ],
    ...[
      ['typing on', results.search, results.bareTyping],
      ['first typing after start', results.searchFirst, results.bareTypingFirst],
    ].map(([when, ours, floor]) => [
      `search, keystroke → on screen, ${when}`,
      `p50 ${ms(ours.p50)}, p95 ${ms(ours.p95)}; ${letterFrame(ours)}`,
      `bare box over bare FlexSearch p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}; ${letterFrame(floor)}`,
      `${(ours.p95 / floor.p95).toFixed(2)}x at p95`,
      'p95 < 16 ms',
      ours.p95 < 16 ? 'ok' : 'OVER',
    ]),
    ...[
      ['right after the import', results.startup],
      ['second start', results.startup.again],
    ].map(([when, start]) => [
      `console interactive, ${COUNT.toLocaleString('en')} stored, ${when}`,
      `shell ${ms(start.shellMs)}, first results ${ms(start.firstResultsMs)}, all indexed ${ms(start.searchReadyMs)}`,
      `bare index build ${ms(results.bareSearch.buildMs)}`,
      '',
      '< 1500 ms',
      start.searchReadyMs < 1500 ? 'ok' : start.firstResultsMs < 1500 ? 'ok, index completes later' : start.shellMs < 1500 ? 'shell ok, search late' : 'OVER',
    ]),
  ];
}

export function details(results) {
  const sp = results.searchParts;
  return [
    `Queries alone (no UI): Calma's index p50 ${ms(results.indexQuery.p50)}, p95 ${ms(results.indexQuery.p95)}, build ${ms(results.indexQuery.buildMs)}; bare FlexSearch p50 ${ms(results.bareSearch.p50)}, p95 ${ms(results.bareSearch.p95)}, build ${ms(results.bareSearch.buildMs)}`,
    `Answers come back ${results.startup.sharedMemory ? 'through the reply slot in shared memory' : 'by message (the page is not cross-origin isolated)'}. Parts (p50/p95): keystroke → query sent ${ms(sp.toSend.p50)}/${ms(sp.toSend.p95)}; worker round trip ${ms(sp.worker.p50)}/${ms(sp.worker.p95)}; result → DOM ${ms(sp.toDom.p50)}/${ms(sp.toDom.p95)}`,
    `Worker round trip (p50/p95): to the worker ${ms(sp.toWorker.p50)}/${ms(sp.toWorker.p95)}; query ${ms(sp.inWorker.p50)}/${ms(sp.inWorker.p95)}; back to the page ${ms(sp.backToMain.p50)}/${ms(sp.backToMain.p95)}`,
    `Keystroke → DOM updated (before the frame is painted), typing on: p50 ${ms(results.search.domP50)}, p95 ${ms(results.search.domP95)}; first typing: p50 ${ms(results.searchFirst.domP50)}, p95 ${ms(results.searchFirst.domP95)}`,
    typingParts('Answers search, typing on', results.search, results.bareTyping),
    `(${results.search.n} keystrokes, ${results.bareSearch.n} bare queries; longest main-thread task during start-up ${taskMs(results.startup.longestTaskMs)} right after the import, ${taskMs(results.startup.again.longestTaskMs)} on the second start)`,
  ];
}
