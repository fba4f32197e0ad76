// Live propagation: one person adds a log entry in their console (the built renderer in Chromium,
// typed and sent with Ctrl+Enter), a teammate's console on another browser context shows it. Both
// are enrolled with real codes on a team server (`npm run server`, a child process) on loopback.
// Time runs from the keydown that sends the entry in page A to the DOM change in page B that shows
// it (the timeline's event count), and to the frame after it; the two pages' clocks are compared
// through this process and corrected. The floor: the same round trip with no browser, two bare
// Node clients (push; the server's poke on the other's live stream; its pull), on the same server.
//
//   npx tsx test/bench/server/propagation.ts          # 200 edits, on PGlite and on PostgreSQL
//   BENCH_PROPAGATION_EDITS=30 BENCH_PROPAGATION_STORES=pglite npx tsx test/bench/server/propagation.ts
//
// It serves the renderer built in out/renderer (BENCH_OUT=<folder holding renderer/> for a copy).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startRendererServer } from '../../../scripts/serve-renderer.mjs';
import { newLogEntry } from '../../../shared/incidents/logEntry';
import { ROUTES } from '../../../shared/sync/protocol';
import { BenchDevice } from './support/device';
import { withPostgres } from './support/postgres';
import { describeHandled, envCount, ms, percentile, report, type Row } from './support/report';
import { startTeamServer, type BenchStore, type TeamServer } from './support/teamServer';
import { seededRandom } from './support/workload';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EDITS = envCount('BENCH_PROPAGATION_EDITS', 200);
const STORES = (process.env.BENCH_PROPAGATION_STORES ?? 'pglite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
const BUDGET_P95_MS = 250;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RENDERER = join(process.env.BENCH_OUT ?? join(ROOT, 'out'), 'renderer');
const INCIDENT = 'Propagación: cuenta suplantada';
const PEOPLE = [
  { name: 'Luis Pardo', role: 'lead' as const },
  { name: 'Nodo escritor', role: 'responder' as const },
  { name: 'Nodo lector', role: 'responder' as const },
];

for (const store of STORES) if (store !== 'pglite' && store !== 'postgres') throw new Error(`BENCH_PROPAGATION_STORES: "${store}" is neither pglite nor postgres`);
if (!existsSync(join(RENDERER, 'index.html'))) throw new Error(`no built renderer in ${RENDERER}: run \`npm run build\` first (or set BENCH_OUT)`);

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));
/** Between edits, a pause of 50-200 ms, so that edits do not fall in step with the sync rounds. */
const pauses = seededRandom(42);
const pause = () => sleep(50 + pauses() * 150);
const now = () => performance.timeOrigin + performance.now();

declare global {
  interface Window {
    /** Keydown timestamps (page clock, ms since the epoch) of each Ctrl+Enter that sent a log entry. */
    __sent: number[];
    /** By timeline event count: when the DOM first showed it, and the frame after. */
    __shown: Record<number, { dom: number; frame: number }>;
    __count: number;
  }
}

/** A fresh console (its own browser context, so its own IndexedDB) enrolled in the team; `pokes` fills as its live stream receives. */
async function openConsole(browser: Browser, appUrl: string, serverUrl: string, person: string, code: string): Promise<{ page: Page; pokes: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const pokes = await recordPokes(page);
  page.on('pageerror', (error) => console.error(`${person}'s console: ${error.message}`));
  await page.goto(appUrl);
  await page.locator('#result-count').filter({ hasText: /^\s*\d+ answers?$/ }).waitFor({ timeout: 60_000 });
  await goTo(page, 'Settings');
  await page.getByRole('textbox', { name: 'Your name' }).fill(person);
  const team = page.getByTestId('team-settings');
  await team.getByLabel('Team server address').fill(serverUrl);
  await team.getByLabel('Enrolment code').fill(code);
  await team.getByLabel('Name of this machine').fill(`${person}'s laptop`);
  await team.getByRole('button', { name: 'Join the team' }).click();
  await page.getByTestId('sync-status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 60_000 });
  return { page, pokes };
}

async function goTo(page: Page, view: 'Settings' | 'Incidents'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: view, exact: true }).waitFor();
}

/**
 * Records, in the page, when the timeline's event count changes (the DOM, then the frame after)
 * and when Ctrl+Enter sends a log entry. Plain JavaScript in a string: tsx would wrap the named
 * functions of a TypeScript callback in a helper the page does not have.
 */
const WATCH_TIMELINE = `(() => {
  const stamp = () => performance.timeOrigin + performance.now();
  const read = () => Number((document.querySelector('#timeline-title .muted')?.textContent ?? '').replace(/\\D/g, ''));
  window.__sent = [];
  window.__shown = {};
  window.__count = read();
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.ctrlKey && e.target?.id === 'log-text') window.__sent.push(performance.timeOrigin + e.timeStamp);
  }, { capture: true });
  new MutationObserver(() => {
    const count = read();
    if (count === window.__count) return;
    window.__count = count;
    const shown = { dom: stamp(), frame: 0 };
    window.__shown[count] = shown;
    requestAnimationFrame(() => setTimeout(() => (shown.frame = stamp()), 0));
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
  return window.__count;
})()`;

const watchTimeline = (page: Page): Promise<number> => page.evaluate(WATCH_TIMELINE) as Promise<number>;

interface Span {
  start: number;
  end: number;
}

/** The page's sync requests (push, pull) as the browser's network stack timed them, in ms since the epoch. */
function recordSyncRequests(page: Page): { push: Span[]; pull: Span[] } {
  const spans = { push: [] as Span[], pull: [] as Span[] };
  page.on('requestfinished', (request) => {
    if (request.method() !== 'POST') return;
    const path = new URL(request.url()).pathname;
    const kind = path === ROUTES.push ? 'push' : path === ROUTES.pull ? 'pull' : null;
    if (!kind) return;
    const timing = request.timing();
    spans[kind].push({ start: timing.startTime, end: timing.startTime + timing.responseEnd });
  });
  return spans;
}

/**
 * When each chunk of the page's live stream (the server's pokes) reached the browser, in ms since
 * the epoch, from the DevTools protocol's network events (Playwright does not report stream chunks).
 */
async function recordPokes(page: Page): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const streams = new Set<string>();
  const arrivals: number[] = [];
  let monotonicToEpoch = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    if (new URL(event.request.url).pathname !== ROUTES.events) return;
    streams.add(event.requestId);
    monotonicToEpoch = (event.wallTime - event.timestamp) * 1000;
  });
  cdp.on('Network.dataReceived', (event) => {
    if (streams.has(event.requestId)) arrivals.push(event.timestamp * 1000 + monotonicToEpoch);
  });
  await cdp.send('Network.enable');
  return arrivals;
}

/** Date.now() minus the page's performance clock (network timings are on the first, the page's marks on the second). */
async function epochMinusPageClock(page: Page): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 9; i += 1) samples.push(await page.evaluate(() => Date.now() - (performance.timeOrigin + performance.now())));
  return percentile(samples, 50);
}

/**
 * How far a page's clock (performance.timeOrigin + now) is from this process's: the sample with the
 * shortest round trip, its midpoint taken as the moment the page read its clock.
 */
async function clockOffset(page: Page): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Infinity };
  for (let i = 0; i < 25; i += 1) {
    const before = now();
    const theirs = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = now();
    if (after - before < best.rtt) best = { offset: theirs - (before + after) / 2, rtt: after - before };
  }
  return best;
}

async function throughConsoles(browser: Browser, appUrl: string, team: TeamServer) {
  const url = team.server.url;
  const { page: ana } = await openConsole(browser, appUrl, url, 'Ana Ortega', team.adminCode);
  const { page: luis, pokes: luisPokes } = await openConsole(browser, appUrl, url, 'Luis Pardo', team.codes[0]!);

  await goTo(ana, 'Incidents');
  await ana.getByTestId('declare-button').click();
  await ana.getByTestId('declare-title').fill(INCIDENT);
  await ana.getByTestId('declare-title').press('Enter');
  await ana.locator('#incident-title').filter({ hasText: INCIDENT }).waitFor();
  await goTo(luis, 'Incidents');
  await luis.locator('aside.incident-list button.incident-link', { hasText: INCIDENT }).click({ timeout: 30_000 });
  await luis.locator('#incident-title').filter({ hasText: INCIDENT }).waitFor();

  const [anaBase, luisBase] = [await watchTimeline(ana), await watchTimeline(luis)];
  const anaRequests = recordSyncRequests(ana);
  const luisRequests = recordSyncRequests(luis);
  if (anaBase !== luisBase) throw new Error(`the two consoles disagree before the run: ${anaBase} and ${luisBase} events`);
  const clocks = [await clockOffset(ana), await clockOffset(luis)];
  const field = ana.locator('#log-text');
  team.server.handled.clear();
  for (let i = 1; i <= EDITS; i += 1) {
    await field.fill(`Nota ${i}: la prensa pregunta por el comunicado`);
    await field.press('Control+Enter');
    await luis.waitForFunction((n) => (window.__shown[n]?.frame ?? 0) > 0, luisBase + i, { polling: 20, timeout: 30_000 });
    await pause();
  }
  clocks.push(await clockOffset(ana), await clockOffset(luis));
  const served = describeHandled(team.server.handled);
  const perEdit = (n: number) => (n / EDITS).toFixed(1);
  const requests = `per edit, A sent ${perEdit(anaRequests.push.length)} pushes and ${perEdit(anaRequests.pull.length)} pulls, B ${perEdit(luisRequests.push.length)} pushes and ${perEdit(luisRequests.pull.length)} pulls`;
  const sent = await ana.evaluate(() => window.__sent);
  const ownScreen = await ana.evaluate(() => window.__shown);
  const shown = await luis.evaluate(() => window.__shown);
  if (sent.length !== EDITS) throw new Error(`expected ${EDITS} sends in Ana's console, saw ${sent.length}`);

  // Page B's clock minus page A's, the mean of the estimates before and after the run.
  const skew = (clocks[1]!.offset - clocks[0]!.offset + clocks[3]!.offset - clocks[2]!.offset) / 2;
  const uncertainty = Math.max(clocks[0]!.rtt + clocks[1]!.rtt, clocks[2]!.rtt + clocks[3]!.rtt) / 2;
  const toDom: number[] = [];
  const toFrame: number[] = [];
  const local: number[] = [];
  // Where the time goes, every time in page A's clock: A's push request, then B's pull that brought the entry.
  const anaEpoch = await epochMinusPageClock(ana);
  const luisEpoch = (await epochMinusPageClock(luis)) + skew;
  const parts = { toPush: [] as number[], toPoke: [] as number[], toPull: [] as number[], pull: [] as number[], toDom: [] as number[], toFrame: [] as number[] };
  sent.forEach((at, i) => {
    const there = shown[luisBase + i + 1]!;
    const dom = there.dom - skew;
    toDom.push(dom - at);
    toFrame.push(there.frame - skew - at);
    local.push(ownScreen[anaBase + i + 1]!.frame - at);
    const push = anaRequests.push.map((r) => r.start - anaEpoch).find((start) => start >= at);
    const pull = luisRequests.pull.map((r) => ({ start: r.start - luisEpoch, end: r.end - luisEpoch })).filter((r) => r.end <= dom + 1).at(-1);
    const poke = luisPokes.map((t) => t - luisEpoch).find((t) => push !== undefined && t >= push);
    if (push === undefined || poke === undefined || !pull || pull.start < poke) return;
    parts.toPush.push(push - at);
    parts.toPoke.push(poke - push);
    parts.toPull.push(pull.start - poke);
    parts.pull.push(pull.end - pull.start);
    parts.toDom.push(dom - pull.end);
    parts.toFrame.push(there.frame - skew - dom);
  });
  const incidentId = await luis.evaluate(
    (title) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('calma');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('incidents').objectStore('incidents').getAll();
          all.onsuccess = () => resolve((all.result as { id: string; title: string }[]).find((x) => x.title === title)!.id);
          all.onerror = () => reject(all.error);
        };
      }),
    INCIDENT,
  );
  await Promise.all([ana.context().close(), luis.context().close()]);
  const breakdown = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, { p50: percentile(v, 50), p95: percentile(v, 95), n: v.length }])) as Record<keyof typeof parts, { p50: number; p95: number; n: number }>;
  return { toDom, toFrame, local, skew, uncertainty, incidentId, breakdown, served, requests };
}

/** The floor: push, poke, pull between two bare Node clients of the same team, same incident. */
async function bareRoundTrips(team: TeamServer, incidentId: string): Promise<number[]> {
  const url = team.server.url;
  const writer = await BenchDevice.enrol(url, team.codes[1]!, 'floor-writer');
  const reader = await BenchDevice.enrol(url, team.codes[2]!, 'floor-reader');
  await reader.pullAll();
  let awaited: { id: string; seen: (at: number) => void } | null = null;
  let pulling: Promise<void> | null = null;
  let again = false;
  // Like the console: a poke starts a pull; pokes during a pull cause one more pull after it.
  const onPoke = () => {
    if (pulling) return void (again = true);
    pulling = (async () => {
      do {
        again = false;
        await reader.pullAll((page) => {
          if (awaited && page.changes.some((c) => c.id === awaited!.id)) awaited.seen(now());
        });
      } while (again);
      pulling = null;
    })();
  };
  const stop = new AbortController();
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const stream = reader.listen(stop.signal, () => {
    connected();
    onPoke();
  });
  await ready;
  const samples: number[] = [];
  try {
    for (let i = 1; i <= EDITS; i += 1) {
      const entry = newLogEntry({ incidentId, kind: 'note', by: 'Nodo escritor', text: `Nota del suelo ${i}` });
      const seen = new Promise<number>((resolve) => (awaited = { id: entry.id, seen: resolve }));
      const started = now();
      const reply = await writer.push([writer.mutation('log.append', { entry })]);
      if (reply.results[0]?.status !== 'applied') throw new Error(`floor push not applied: ${JSON.stringify(reply.results[0])}`);
      samples.push((await seen) - started);
      await pause();
    }
  } finally {
    stop.abort();
    await stream;
  }
  return samples;
}

async function measure(browser: Browser, appUrl: string, label: string, store: BenchStore) {
  const team = await startTeamServer(store, PEOPLE);
  try {
    console.log(`\nLive propagation on ${label}: ${EDITS} log entries from one console to another…`);
    const consoles = await throughConsoles(browser, appUrl, team);
    team.server.handled.clear();
    const floor = await bareRoundTrips(team, consoles.incidentId);
    const floorServed = describeHandled(team.server.handled);
    return { store: label, ...consoles, floor, floorServed, complaints: [...team.server.complaints] };
  } finally {
    await team.stop();
  }
}

const renderer = await startRendererServer({ root: RENDERER, port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const results = [];
try {
  if (STORES.includes('pglite')) results.push(await measure(browser, renderer.url, 'PGlite', { kind: 'pglite' }));
  if (STORES.includes('postgres')) {
    results.push(await withPostgres(async (freshDatabase) => measure(browser, renderer.url, 'PostgreSQL', { kind: 'postgres', url: await freshDatabase('calma_propagation') })));
  }
} finally {
  await browser.close();
  await renderer.close();
}

const rows: Row[] = results.map((r) => {
  const p95 = percentile(r.toFrame, 95);
  const floorP95 = percentile(r.floor, 95);
  return {
    benchmark: `live propagation, edit → teammate's screen (${r.store})`,
    ours: `p50 ${ms(percentile(r.toFrame, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...r.toFrame))}`,
    floor: `bare push + poke + pull p50 ${ms(percentile(r.floor, 50))}, p95 ${ms(floorP95)}`,
    ratio: `${(p95 / floorP95).toFixed(1)}x at p95`,
    budget: `p95 < ${BUDGET_P95_MS} ms`,
    verdict: p95 < BUDGET_P95_MS ? 'ok' : 'OVER',
  };
});
for (const r of results) {
  console.log(
    `Propagation (${r.store}): to the DOM p50 ${ms(percentile(r.toDom, 50))}, p95 ${ms(percentile(r.toDom, 95))}; ` +
      `on the writer's own screen p50 ${ms(percentile(r.local, 50))}, p95 ${ms(percentile(r.local, 95))}; ` +
      `clocks of the two pages differ by ${r.skew.toFixed(2)} ms (± ${r.uncertainty.toFixed(2)}), corrected; ${EDITS} edits`,
  );
  const b = r.breakdown;
  const part = (x: { p50: number; p95: number }) => `${ms(x.p50)}/${ms(x.p95)}`;
  console.log(
    `  where it goes (p50/p95, ${b.pull.n} of ${EDITS} edits matched to their requests): keydown → A's push sent ${part(b.toPush)}; ` +
      `push sent → poke reaches B ${part(b.toPoke)}; poke → B's pull sent ${part(b.toPull)}; B's pull ${part(b.pull)}; pull answered → B's DOM ${part(b.toDom)}; DOM → next frame ${part(b.toFrame)}`,
  );
  console.log(`  the server's own time (p50/p95), consoles: ${r.served}; ${r.requests}`);
  console.log(`  the server's own time (p50/p95), floor: ${r.floorServed}`);
  for (const line of r.complaints.slice(0, 10)) console.log(`  ! server: ${line}`);
}
report(
  'propagation',
  rows,
  results.map(({ toDom, toFrame, local, floor, ...rest }) => ({
    ...rest,
    toFrame: { p50: percentile(toFrame, 50), p95: percentile(toFrame, 95), max: Math.max(...toFrame), samples: toFrame },
    toDom: { p50: percentile(toDom, 50), p95: percentile(toDom, 95) },
    local: { p50: percentile(local, 50), p95: percentile(local, 95) },
    floor: { p50: percentile(floor, 50), p95: percentile(floor, 95), max: Math.max(...floor), samples: floor },
  })),
);
