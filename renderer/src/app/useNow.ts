import { useEffect, useState } from 'react';

/** setTimeout's longest delay; a later moment is reached in steps. */
const LONGEST_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * The current time, refreshed every `everyMs` (null: never on its own), and at each moment in
 * `wakeAt` (epoch ms), such as an approval's expiry, so a state derived from the time changes at
 * that moment and not up to a whole interval later.
 */
export function useNow(everyMs: number | null, wakeAt: readonly number[] = []): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (everyMs === null) return;
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  const next = nextMoment(wakeAt, now.getTime());
  useEffect(() => {
    if (next === null) return;
    const timer = setTimeout(() => setNow(new Date()), Math.min(Math.max(0, next - Date.now()), LONGEST_TIMEOUT_MS));
    return () => clearTimeout(timer);
  }, [next, now]);
  return now;
}

/** The earliest of `moments` after `after`, or null. */
export function nextMoment(moments: readonly number[], after: number): number | null {
  let next: number | null = null;
  for (const m of moments) if (m > after && (next === null || m < next)) next = m;
  return next;
}
