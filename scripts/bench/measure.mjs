// What every benchmark section shares: percentiles, formatting, and CPU profiles of a phase.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyPressLatencies } from './eventLatency.mjs';

export const percentile = (samples, p) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** Share of keystrokes whose results came in the typed letter's own frame, as a table cell's tail. */
export const letterFrame = (summary) => `in the letter's frame ${(summary.inLetterFrame * 100).toFixed(0)}%`;

/**
 * Where the time to the screen goes, ours against the floor's: waiting for the next frame to start
 * (set by where in the display's refresh the key fell), then that frame until a task after it runs.
 */
export const typingParts = (label, ours, floor) =>
  `${label}: keystroke → next frame starts p50/p95 ${ms(ours.toFrameP50)}/${ms(ours.toFrameP95)} (floor ${ms(floor.toFrameP50)}/${ms(floor.toFrameP95)}); ` +
  `that frame → a task after it p50/p95 ${ms(ours.inFrameP50)}/${ms(ours.inFrameP95)} (floor ${ms(floor.inFrameP50)}/${ms(floor.inFrameP95)}); ` +
  `${presented(ours)} (floor: ${presented(floor)})`;

export const ms = (n) => `${n < 10 ? n.toFixed(2) : n < 1000 ? n.toFixed(1) : n.toFixed(0)} ms`;

/** Sums the main thread's trace events by name: where the time of a phase went, by kind of work. */
function printTraceSummary(label, trace) {
  const events = trace.traceEvents ?? trace;
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
    sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(`\nMain-thread trace events, ${label} (total ms, nested events overlap):`);
  for (const [name, total] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 16)) console.log(`  ${total.toFixed(1).padStart(8)}  ${name}`);
}

function printTopFunctions(label, profile) {
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt.get(node.id) ?? 0));
  }
  console.log(`\nTop self time, ${label} (ms):`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${(v / 1000).toFixed(1).padStart(8)}  ${k}`);
}

/**
 * Runs one measured phase. With BENCH_PROFILE=1 it records a CPU profile of the phase into
 * .bench/<name>.cpuprofile (opens in DevTools) and prints the functions with the most self time;
 * with BENCH_TRACE=1, a Chromium trace whose main-thread work it sums by kind (script, layout…).
 */
export async function profiled({ browser, context, page, root }, name, phase) {
  const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const result = await phase();
  if (process.env.BENCH_TRACE) printTraceSummary(name, JSON.parse((await browser.stopTracing()).toString()));
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(join(root, '.bench'), { recursive: true });
    writeFileSync(join(root, '.bench', `${name}.cpuprofile`), JSON.stringify(profile));
    printTopFunctions(name, profile);
    await cdp.detach();
  }
  return result;
}

/**
 * Types each query one key at a time into the search box `input` (a data-testid) and measures,
 * per keystroke, from the keydown's own timestamp to the DOM showing that query (`results`'
 * data-query equals the box) and to the frame after it (on screen).
 *
 * Also counts, per keystroke, the frames rendered before the DOM showed its results
 * (`inLetterFrame`: the share of keystrokes whose results came in the typed letter's own frame).
 * Unlike the time to the screen, it does not depend on where in the display's refresh the key fell.
 *
 * Types all the queries twice: the first pass is the first typing after the page loaded, on code
 * the JavaScript engine has not optimised yet; the second is typing as it goes on from then on.
 * Returns each pass's per-key samples and summary, `first` and `again`.
 */
export async function measureTyping(env, { input, results, queries, profile }) {
  const { page } = env;
  await page.evaluate(([inputId, resultsSelector]) => {
    const w = window;
    w.__typing = { lat: [], keys: [] };
    const box = document.querySelector(`[data-testid="${inputId}"]`);
    const list = document.querySelector(resultsSelector);
    let pending = null;
    box.addEventListener('keydown', (e) => {
      const p = { t0: e.timeStamp, frames: 0 };
      pending = p;
      w.__typing.keys.push(p);
      // Counts the frames rendered between the keystroke and the DOM showing its results: none
      // means the results rode in the frame that shows the typed letter, whatever the phase of
      // the display's refresh the key fell on.
      const tick = () => {
        if (p.dom !== undefined) return;
        p.frames += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, { capture: true });
    new MutationObserver(() => {
      if (pending && list.getAttribute('data-query') === box.value) {
        const p = pending;
        pending = null;
        p.dom = performance.now();
        requestAnimationFrame(() => {
          p.frame = performance.now();
          setTimeout(() => {
            w.__typing.lat.push((p.shown = performance.now()) - p.t0);
          }, 0);
        });
      }
    }).observe(list, { attributes: true, attributeFilter: ['data-query'] });
  }, [input, results]);
  const box = page.getByTestId(input);
  const typeAll = async () => {
    for (const q of queries) {
      await box.fill('');
      await page.waitForFunction((selector) => document.querySelector(selector)?.getAttribute('data-query') === '', results);
      // The clearing is measured too: its sample must be in before the first letter is typed, or
      // that letter's wait would end on the clearing's sample and the next key would land on it.
      await page.waitForFunction(() => window.__typing.keys.every((k) => k.dom === undefined || k.shown !== undefined), undefined, { polling: 'raf' });
      for (const ch of q) {
        await page.keyboard.type(ch);
        // This key's own sample, not any new one: keys never overlap.
        await page.waitForFunction(() => window.__typing.keys.at(-1)?.shown !== undefined, undefined, { polling: 'raf' });
      }
    }
    const { lat, keys } = await page.evaluate(() => {
      const taken = window.__typing;
      window.__typing = { lat: [], keys: [] };
      return taken;
    });
    const shown = keys.filter((k) => k.dom !== undefined);
    const dom = shown.map((k) => k.dom - k.t0);
    const inLetterFrame = shown.filter((k) => k.frames === 0).length / shown.length;
    const done = shown.filter((k) => k.shown !== undefined);
    const toFrame = done.map((k) => k.frame - k.t0);
    const inFrame = done.map((k) => k.shown - k.frame);
    const summary = { toFrameP50: percentile(toFrame, 50), toFrameP95: percentile(toFrame, 95), inFrameP50: percentile(inFrame, 50), inFrameP95: percentile(inFrame, 95), p50: percentile(lat, 50), p95: percentile(lat, 95), max: Math.max(...lat), n: lat.length, domP50: percentile(dom, 50), domP95: percentile(dom, 95), inLetterFrame };
    return { keys, summary };
  };
  const first = await profiled(env, `${profile}-first`, typeAll);
  const again = await profiled(env, profile, typeAll);
  if (!process.env.BENCH_TRACE) Object.assign(again.summary, summarizePresented(await presentedLatencies(env, typeAll)));
  return { first, again };
}

/**
 * Chromium's own keystroke → on screen: types the queries once more under a trace and reads, for
 * each key pressed, its EventLatency (the browser's figure behind Interaction to Next Paint, not
 * rounded): from the key's timestamp to the presentation of the first frame drawn after it was
 * handled. It does not rely on a task after the frame, which Chromium may hold back a whole
 * refresh after an input event.
 */
async function presentedLatencies({ browser, page }, typing) {
  await browser.startTracing(page, { categories: ['cc', 'input', 'benchmark'] });
  await typing();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return keyPressLatencies(trace.traceEvents ?? trace);
}

const summarizePresented = (latencies) => ({
  presentedP50: percentile(latencies, 50),
  presentedP95: percentile(latencies, 95),
  presentedN: latencies.length,
});

/** A details line's tail: Chromium's own keystroke → presented figure, when it was measured. */
export const presented = (summary) =>
  summary.presentedN ? `Chromium's own keystroke → presented (EventLatency) p50/p95 ${ms(summary.presentedP50)}/${ms(summary.presentedP95)} (${summary.presentedN} keys)` : 'no EventLatency figure (BENCH_TRACE run)';

/** Opens the bench page (test/bench/page), where the in-browser halves of the benchmarks live. */
export async function openBenchPage({ page, server }) {
  await page.goto(`${server.url}bench/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}
