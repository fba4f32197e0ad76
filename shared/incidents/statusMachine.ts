import type { IncidentStatus } from '../domain/incidents';

/**
 * The incident lifecycle. Declared is the first minutes (facts being confirmed); active is the
 * response; monitoring is watching after the response; resolved ends it. A resolved incident can be
 * reopened (back to active) when the conversation flares up again.
 */
const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  declared: ['active', 'resolved'],
  active: ['monitoring', 'resolved'],
  monitoring: ['active', 'resolved'],
  resolved: ['active'],
};

export function nextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** An incident counts as open (on the executive summary, in notifications) until resolved. */
export function isOpen(status: IncidentStatus): boolean {
  return status !== 'resolved';
}
