import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * One clock for every countdown on screen. Components subscribe to what they derive from it (a
 * step's state, the time left) so a tick re-renders only the few nodes whose text changes, not a
 * whole checklist of hundreds of steps.
 */
export const useClock = create<{ now: number }>()(() => ({ now: Date.now() }));

let subscribers = 0;
let timer: ReturnType<typeof setInterval> | null = null;

/** Keeps the clock ticking every second while at least one component needs it. */
export function useTicking(): void {
  useEffect(() => {
    subscribers += 1;
    if (timer === null) {
      useClock.setState({ now: Date.now() });
      timer = setInterval(() => useClock.setState({ now: Date.now() }), 1000);
    }
    return () => {
      subscribers -= 1;
      if (subscribers === 0 && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
    };
  }, []);
}
