// The display's own floor for keystroke → screen: typing into a box that searches nothing. Every
// search budget is measured the same way (measureTyping), so this says how much of any search's
// time is the wait for the display's next frame, which no code can shorten.
import { QUERIES } from './answers.mjs';
import { letterFrame, measureTyping, ms, openBenchPage, presented } from './measure.mjs';

export async function run(env) {
  console.log('\nTyping into a box that searches nothing (the display\'s own floor)…');
  await openBenchPage(env);
  await env.page.evaluate(() => window.calmaBench.mountIdleBox());
  // Typed like the answers search, key for key.
  const typed = await measureTyping(env, { input: 'bare-search', results: '.bare-results', queries: QUERIES, profile: 'idle-box' });
  env.results.idleTyping = typed.again.summary;
}

export function rows(results) {
  const idle = results.idleTyping;
  return [
    [
      'a box that searches nothing, keystroke → on screen',
      `p50 ${ms(idle.p50)}, p95 ${ms(idle.p95)}; ${letterFrame(idle)}`,
      '',
      '',
      'report (16 ms budgets are measured this way)',
      idle.p95 < 16 ? 'under 16 ms' : 'over 16 ms with no work at all',
    ],
  ];
}

export function details(results) {
  const idle = results.idleTyping;
  return [
    `Box that searches nothing: keystroke → next frame starts p50/p95 ${ms(idle.toFrameP50)}/${ms(idle.toFrameP95)}; that frame → a task after it p50/p95 ${ms(idle.inFrameP50)}/${ms(idle.inFrameP95)} (${idle.n} keystrokes); ${presented(idle)}`,
  ];
}
