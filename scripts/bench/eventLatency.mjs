// Reading Chromium's own input latency out of a trace (see presentedLatencies in measure.mjs).

/**
 * Milliseconds from each key press to the presentation of the frame that showed it: the
 * KEY_PRESSED EventLatency events of a trace (categories cc, input), whose begin and end are
 * paired by process and id. Other events, other event types and unpaired halves are left out.
 * A trace lists events as each thread's buffer was flushed, so they are put in time order first.
 */
export function keyPressLatencies(events) {
  const begun = new Map();
  const latencies = [];
  const inOrder = events.filter((e) => e.name === 'EventLatency').sort((a, b) => a.ts - b.ts);
  for (const e of inOrder) {
    const id = `${e.pid}:${e.id2?.local ?? e.id2?.global ?? e.id}`;
    if (e.ph === 'b') begun.set(id, e);
    else if (e.ph === 'e' && begun.has(id)) {
      const start = begun.get(id);
      begun.delete(id);
      if (start.args?.event_latency?.event_type === 'KEY_PRESSED') latencies.push((e.ts - start.ts) / 1000);
    }
  }
  return latencies;
}
