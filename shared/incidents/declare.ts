import { roleIdentity, type ChecklistItem, type Incident, type LogEntry, type Person, type PlaybookRevision, type Severity } from '../domain';
import { dueAt } from './deadlines';
import { newLogEntry } from './logEntry';

export interface DeclareInput {
  incidentId: string;
  title: string;
  severity: Severity;
  lead: Incident['lead'];
  declaredAt: string;
  declaredBy: string;
  playbookId: string | null;
  revision: PlaybookRevision | null;
  /** The directory, to give each step to someone holding its role (people who left are skipped). */
  people: readonly Person[];
  newId(): string;
}

/** Whoever holds the role and has not left: the first by name, so every machine picks the same. */
export function holderOf(role: string, people: readonly Person[]): Person | null {
  const wanted = roleIdentity(role);
  const holders = people.filter((p) => !p.deleted && !p.left && p.roles.some((held) => roleIdentity(held) === wanted));
  holders.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return holders[0] ?? null;
}

/**
 * Everything a declaration writes: the incident, its checklist from the playbook revision (each
 * step due at the declaration plus its offset, owned by whoever holds its role), and the
 * "declared" log entry. Pure, so the console and the server build the same rows.
 */
export function buildDeclaration(input: DeclareInput): { incident: Incident; items: ChecklistItem[]; entry: LogEntry } {
  const incident: Incident = {
    id: input.incidentId,
    clock: {},
    deleted: false,
    title: input.title.trim(),
    playbookId: input.playbookId,
    playbookRevisionId: input.revision?.id ?? null,
    severity: input.severity,
    status: 'declared',
    lead: input.lead,
    declaredAt: input.declaredAt,
    declaredBy: input.declaredBy,
    nextUpdateAt: null,
    contactTreeId: input.revision?.contactTreeId ?? null,
    // The playbook's tree is preselected, not started: activating it is a deliberate act in the call panel.
    contactTreeActivatedAt: null,
  };
  const items: ChecklistItem[] = (input.revision?.steps ?? []).map((step, order) => {
    const owner = holderOf(step.role, input.people);
    return {
      id: input.newId(),
      clock: {},
      deleted: false,
      incidentId: incident.id,
      order,
      text: step.text,
      role: step.role,
      ownerId: owner?.id ?? null,
      ownerName: owner?.name ?? '',
      stepId: step.id,
      dueAt: dueAt(input.declaredAt, step.offsetMinutes),
      required: step.required,
      done: false,
      doneBy: null,
      doneAt: null,
      doneEntryId: null,
      answerIds: step.answerIds,
      source: 'playbook',
    };
  });
  const entry = newLogEntry({ id: input.newId(), incidentId: incident.id, kind: 'declared', text: incident.title, by: input.declaredBy, at: input.declaredAt });
  return { incident, items, entry };
}
