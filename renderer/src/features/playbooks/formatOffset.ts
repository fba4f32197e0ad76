import type { IntlShape } from 'react-intl';

/** The largest deadline a step may have, as in the playbook schema: 90 days after declaration. */
export const MAX_OFFSET_MINUTES = 60 * 24 * 90;

export interface OffsetParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Splits minutes after declaration into whole days, hours and minutes (negative counts as 0). */
export function offsetParts(total: number): OffsetParts {
  const m = Math.max(0, Math.floor(total));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}

type Formatter = Pick<IntlShape, 'formatMessage' | 'formatList'>;

/**
 * A step's deadline the way a crisis team writes it on a whiteboard: "T+15 min", "T+2 h",
 * "T+1 d 4 h", in the UI language. Every non-zero unit is kept (a deadline is never rounded), so
 * 1 d 4 h 5 min stays exact. Zero is "T+0 min": due at the moment of declaration.
 */
export function formatOffset(minutes: number, intl: Formatter): string {
  const { days, hours, minutes: mins } = offsetParts(minutes);
  const parts: string[] = [];
  if (days > 0) parts.push(intl.formatMessage({ id: 'playbooks.offset.days' }, { n: days }));
  if (hours > 0) parts.push(intl.formatMessage({ id: 'playbooks.offset.hours' }, { n: hours }));
  if (mins > 0 || parts.length === 0) parts.push(intl.formatMessage({ id: 'playbooks.offset.minutes' }, { n: mins }));
  return intl.formatMessage({ id: 'playbooks.offset.short' }, { duration: parts.join(' ') });
}

/**
 * The same deadline in words, for screen readers and tooltips ("1 day and 4 hours after the
 * declaration"), since "T+1 d 4 h" read aloud means little.
 */
export function describeOffset(minutes: number, intl: Formatter): string {
  const { days, hours, minutes: mins } = offsetParts(minutes);
  if (days === 0 && hours === 0 && mins === 0) return intl.formatMessage({ id: 'playbooks.offset.atDeclaration' });
  const parts: string[] = [];
  if (days > 0) parts.push(intl.formatMessage({ id: 'playbooks.offset.daysLong' }, { n: days }));
  if (hours > 0) parts.push(intl.formatMessage({ id: 'playbooks.offset.hoursLong' }, { n: hours }));
  if (mins > 0) parts.push(intl.formatMessage({ id: 'playbooks.offset.minutesLong' }, { n: mins }));
  return intl.formatMessage({ id: 'playbooks.offset.long' }, { duration: intl.formatList(parts, { type: 'conjunction' }) });
}
