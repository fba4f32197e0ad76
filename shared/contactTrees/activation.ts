import type { CallAttempt, Incident } from '../domain';
import { MAX_DRIFT_MS, parseHlc } from '../hlc';

/**
 * What activation reads of an incident. `contactTreeActivatedAt` may be missing altogether: rows
 * stored before the field existed are read from IndexedDB as they were written, not re-parsed.
 */
export type ActivationFields = Pick<Incident, 'clock' | 'declaredAt' | 'contactTreeId'> & { contactTreeActivatedAt?: string | null };

/**
 * When the incident's call tree started, or null when it has not: no tree chosen, or a tree only
 * preselected (a playbook names the tree to activate, but activating stays a deliberate act in
 * the call panel). The time is the incident's explicit `contactTreeActivatedAt`, written by
 * whoever activated or restarted the tree; every machine reads the same value after sync, so every
 * console runs the same timers and makes the same escalation records.
 */
export function treeActivatedAt(incident: ActivationFields): number | null {
  if (!incident.contactTreeId) return null;
  if (incident.contactTreeActivatedAt || incident.clock.contactTreeActivatedAt !== undefined) {
    // Written since the field exists: null means chosen and not started. A value that is not a
    // date cannot come from Calma's own (validated) writes; treated as not started, so the panel
    // offers to start it rather than running timers from a made-up time.
    const at = incident.contactTreeActivatedAt ? Date.parse(incident.contactTreeActivatedAt) : Number.NaN;
    return Number.isFinite(at) ? at : null;
  }
  return legacyActivation(incident);
}

/**
 * Incidents written before `contactTreeActivatedAt` existed have no stamp for it. For them,
 * choosing a tree (at the declaration, or later in the call panel) was starting it, and the start
 * was read from the HLC stamp of `contactTreeId` (its wall-clock part), or the declaration when
 * that field carried no stamp. They are read the same way still: their timers keep running from
 * the same moment, and every machine makes the same escalation ids (escalationId includes the
 * activation), so no two machines record the same escalation under two ids.
 */
function legacyActivation(incident: ActivationFields): number {
  const stamp = incident.clock.contactTreeId;
  if (stamp) {
    try {
      return parseHlc(stamp).millis;
    } catch {
      // A malformed stamp cannot come from Calma's own writes; fall back to the declaration.
    }
  }
  return Date.parse(incident.declaredAt);
}

/** The two fields that say which tree an incident uses and whether (since when) it runs. */
export interface TreeChoice {
  contactTreeId?: string | null;
  contactTreeActivatedAt?: string | null;
}

/**
 * Why a write of the tree fields is refused, or null. The two are written together: choosing a
 * tree says whether it starts now, and a start names its tree. Written apart, the per-field merge
 * could pair one machine's tree with another machine's start time after concurrent edits; written
 * together they carry the same stamp, so whichever write wins, wins for both. And a tree cannot
 * run without a tree. Pure, so the console and the team server refuse the same writes.
 */
export function treeChoiceProblem(fields: TreeChoice): string | null {
  const hasTree = fields.contactTreeId !== undefined;
  const hasStart = fields.contactTreeActivatedAt !== undefined;
  if (hasTree !== hasStart) {
    return 'contactTreeId and contactTreeActivatedAt are written together (null for a tree chosen but not started)';
  }
  if (fields.contactTreeActivatedAt && !fields.contactTreeId) return 'a call tree cannot be activated without naming the tree';
  return null;
}

/**
 * The time to write as a (re)activation: now, or just after the latest attempt already recorded
 * for the incident if that one is later. Attempts are stamped with their machine's clock, which
 * may run ahead of this one; a restart stamped before them would count them as calls of the new
 * run. Attempts dated further ahead than the sync accepts of any clock (MAX_DRIFT_MS) are not
 * believed: one wrong date must not hold the new run's timers back.
 */
export function activationTime(now: number, attempts: readonly Pick<CallAttempt, 'at'>[]): Date {
  let latest = Number.NEGATIVE_INFINITY;
  for (const attempt of attempts) {
    const at = Date.parse(attempt.at);
    if (at > latest && at <= now + MAX_DRIFT_MS) latest = at;
  }
  return new Date(Math.max(now, latest + 1));
}

/**
 * The time to record an attempt at: now, but never before the activation. The activation was
 * written by the machine that activated the tree, whose clock can be ahead of this one (within the
 * sync's drift bound); an attempt made after the activation must not be stamped before it, or
 * runCallTree would take it for one of an earlier run.
 */
export function attemptAt(activatedAt: number, now: number): Date {
  return new Date(Math.max(now, activatedAt));
}
