import { formatDuration } from '@shared/incidents/offsets';

/**
 * Time left before an escalation, as a phone timer shows it: "4:05", "0:09" under an hour (the
 * seconds matter when the next call is minutes away), then "1 h 05 min" and "2 d 4 h". Seconds
 * are rounded up, so "0:00" means the time is up. `longestMs`, the length of the whole turn, caps
 * it: a clock read a moment before the turn began must not show more time than the turn has.
 */
export function formatCountdown(ms: number, longestMs = Number.POSITIVE_INFINITY): string {
  const seconds = Math.max(0, Math.ceil(Math.min(ms, longestMs) / 1000));
  if (seconds >= 3600) return formatDuration(seconds * 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
