/**
 * An offset from the declaration as people write it on a whiteboard: "T+15 min", "T+2 h",
 * "T+1 d 4 h", "T−30 min". The units read the same in Spanish and English.
 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  let rest = Math.abs(Math.trunc(minutes));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (mins || parts.length === 0) parts.push(`${mins} min`);
  // Beyond a day, minutes are noise on a deadline.
  return `T${sign}${(days ? parts.filter((p) => !p.endsWith('min')) : parts).join(' ')}`;
}

/** A duration left or overdue, compact: "12 min", "3 h 05 min", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  if (days) return `${days} d ${hours} h`;
  if (hours) return `${hours} h ${String(mins).padStart(2, '0')} min`;
  if (total === 0) return `${Math.floor(Math.abs(ms) / 1000)} s`;
  return `${mins} min`;
}
