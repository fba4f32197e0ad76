// The people directory at scale: importing a PEOPLE-row CSV through the import plan and its one
// mutation (against a bare parse and raw puts), then searching and scrolling the directory.
import { letterFrame, measureTyping, typingParts, ms, openBenchPage, percentile } from './measure.mjs';

export const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const QUERIES = ['lucia', 'garcia perez', 'ibanez', '600 001', 'comms', 'maria jose', 'person12@', 'zoe smith'];

export async function run(env) {
  const { page, server, results } = env;
  console.log(`\nImporting ${PEOPLE.toLocaleString('en')} people from CSV, then searching and scrolling them…`);
  await openBenchPage(env);
  results.peopleImport = await page.evaluate((n) => window.calmaBench.importPeopleCsv(n), PEOPLE);
  const peopleIndex = await page.evaluate(
    ([n, qs]) => window.calmaBench.peopleIndexQueries(n, qs.flatMap((q) => Array.from(q, (_, i) => q.slice(0, i + 1)))),
    [PEOPLE, QUERIES],
  );
  results.peopleIndex = { buildMs: peopleIndex.buildMillis, p50: percentile(peopleIndex.samples, 50), p95: percentile(peopleIndex.samples, 95) };
  // The floor for keystroke → screen: a bare box scanning the same directory, typed into the same way.
  await page.evaluate((n) => window.calmaBench.mountBarePeopleSearch(n), PEOPLE);
  const bareTyping = await measureTyping(env, { input: 'bare-search', results: '.bare-results', queries: QUERIES, profile: 'people-search-bare' });
  results.barePeopleTyping = bareTyping.again.summary;
  results.barePeopleTypingFirst = bareTyping.first.summary;
  await page.goto(`${server.url}renderer/index.html`);
  await page.getByTestId('desk-search').waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'People' }).click();
  await page.waitForFunction(() => /^[\d,]+ people$/.test(document.querySelector('#people-count')?.textContent ?? '') && document.querySelectorAll('.people-list [role=option]').length > 0);
  results.peopleShown = await page.locator('#people-count').textContent();
  const typing = await measureTyping(env, { input: 'people-search', results: '.desk.people .results', queries: QUERIES, profile: 'people-search' });
  results.peopleSearch = typing.again.summary;
  results.peopleSearchFirst = typing.first.summary;
  results.peopleSlowKeys = slowestKeys(typing.again.keys);
  const peopleInput = page.getByTestId('people-search');
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
}

/**
 * The keystrokes that took longest to reach the DOM, with what the box held: measureTyping records
 * one keydown per key typed and one per clearing of the box (fill('') presses Delete), in order.
 */
function slowestKeys(keys, count = 6) {
  const typed = QUERIES.flatMap((q) => ['(cleared)', ...Array.from(q, (_, i) => q.slice(0, i + 1))]);
  if (typed.length !== keys.length) return [];
  return keys
    .map((k, i) => ({ query: typed[i], ms: k.dom === undefined ? undefined : k.dom - k.t0 }))
    .filter((k) => k.ms !== undefined)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

export function rows(results) {
  const imp = results.peopleImport;
  const rate = (millis) => Math.round(imp.rows / (millis / 1000)).toLocaleString('en');
  return [
    [
      `import ${PEOPLE.toLocaleString('en')} people from CSV`,
      `${rate(imp.totalMs)} rows/s (${ms(imp.totalMs)}: plan ${ms(imp.planMs)}, mutation ${ms(imp.writeMs)})`,
      `bare Papa Parse ${rate(imp.bareMs)} rows/s (${ms(imp.bareMs)}) + raw IndexedDB puts ${ms(imp.rawPutMs)}`,
      `${(imp.totalMs / imp.bareMs).toFixed(0)}x bare parse, ${(imp.totalMs / (imp.bareMs + imp.rawPutMs)).toFixed(2)}x parse + puts`,
      'report',
      imp.stored >= PEOPLE ? 'ok' : 'MISSING ROWS',
    ],
    // Issue 4's budget, "search p95 under 16 ms", is the search: from the keystroke to its results
    // in the page. The time to the screen adds the wait for the display's next refresh, which the
    // frame section's box that searches nothing shows to be over 16 ms at p95 in most runs on
    // these machines; it is reported against the same floors, not judged.
    ...typingCases(results).map(([when, ours, floor]) => [
      `people search, ${PEOPLE.toLocaleString('en')}, keystroke → results in the page, ${when}`,
      `p50 ${ms(ours.domP50)}, p95 ${ms(ours.domP95)}`,
      `bare box, plain scan p50 ${ms(floor.domP50)}, p95 ${ms(floor.domP95)}`,
      `${(ours.domP95 / floor.domP95).toFixed(2)}x at p95`,
      'p95 < 16 ms',
      ours.domP95 < 16 ? 'ok' : 'OVER',
    ]),
    ...typingCases(results).map(([when, ours, floor]) => [
      `people search, ${PEOPLE.toLocaleString('en')}, keystroke → on screen, ${when}`,
      `p50 ${ms(ours.p50)}, p95 ${ms(ours.p95)}; ${letterFrame(ours)}`,
      `bare box, plain scan p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}; ${letterFrame(floor)}`,
      `${(ours.p95 / floor.p95).toFixed(2)}x at p95`,
      results.idleTyping ? `report (box that searches nothing: p95 ${ms(results.idleTyping.p95)})` : 'report',
      '–',
    ]),
    [
      `scroll ${PEOPLE.toLocaleString('en')} people`,
      `worst frame ${ms(results.peopleScroll.maxFrameMs)}, p95 ${ms(results.peopleScroll.p95FrameMs)}`,
      '',
      '',
      'no frame > 50 ms',
      results.peopleScroll.maxFrameMs <= 50 ? 'ok' : 'OVER',
    ],
  ];
}

/** The two typing passes, each with its floor: [when, Calma's summary, the bare box's]. */
const typingCases = (results) => [
  ['typing on', results.peopleSearch, results.barePeopleTyping],
  ['first typing after start', results.peopleSearchFirst, results.barePeopleTypingFirst],
];

export function details(results) {
  const imp = results.peopleImport;
  return [
    `People import: plan (parse, validate, duplicates, backups) ${ms(imp.planMs)} = ${Math.round(imp.rows / (imp.planMs / 1000)).toLocaleString('en')} rows/s, ${(imp.planMs / imp.bareMs).toFixed(1)}x the bare parse; the people.import mutations (parts, one transaction) ${ms(imp.writeMs)} vs raw IndexedDB puts of the same rows ${ms(imp.rawPutMs)} (${(imp.writeMs / imp.rawPutMs).toFixed(2)}x)`,
    `People: index alone (no UI) p50 ${ms(results.peopleIndex.p50)}, p95 ${ms(results.peopleIndex.p95)}, build ${ms(results.peopleIndex.buildMs)}; keystroke → DOM updated p50 ${ms(results.peopleSearch.domP50)}, p95 ${ms(results.peopleSearch.domP95)} (typing on: ${results.peopleSearch.n} keystrokes, worst ${ms(results.peopleSearch.max)}; first typing: DOM p50 ${ms(results.peopleSearchFirst.domP50)}, p95 ${ms(results.peopleSearchFirst.domP95)}); CSV ${(imp.bytes / 1024 / 1024).toFixed(1)} MB`,
    typingParts('People search, typing on', results.peopleSearch, results.barePeopleTyping),
    `People: slowest keystrokes → DOM: ${results.peopleSlowKeys.map((k) => `${JSON.stringify(k.query)} ${ms(k.ms)}`).join(', ') || 'not matched to the queries typed'}`,
  ];
}
