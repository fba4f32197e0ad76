import type { Incident } from '../domain';
import { parseHlc } from '../hlc';

/**
 * When the incident's call tree started: the moment its contactTreeId was last written, read from
 * that field's HLC stamp (its wall-clock part). Choosing a tree, at the declaration or later, is
 * what starts it; choosing one again restarts it from the top. Every machine reads the same stamp
 * after sync, so every console runs the same timers. An incident without a stamp for the field
 * (written before stamps existed) counts from its declaration.
 */
export function treeActivatedAt(incident: Pick<Incident, 'clock' | 'declaredAt'>): number {
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

/**
 * The time to record an attempt at: now, but never before the activation. The activation comes
 * from an HLC stamp, which can run ahead of this machine's wall clock (it follows stamps pulled
 * from a machine whose clock is ahead, within the sync's drift bound); an attempt made after the
 * activation must not be stamped before it, or runCallTree would take it for one of an earlier run.
 */
export function attemptAt(activatedAt: number, now: number): Date {
  return new Date(Math.max(now, activatedAt));
}
