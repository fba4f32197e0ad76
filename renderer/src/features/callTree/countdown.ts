import { formatDuration } from '@shared/incidents/offsets';

/**
 * Time left before an escalation, as a phone timer shows it: "4:05", "0:09" under an hour (the
 * seconds matter when the next call is minutes away), then "1 h 05 min" and "2 d 4 h".
 */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds >= 3600) return formatDuration(seconds * 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
