import type { ChecklistItem, LogEntry } from '../../../../shared/domain';
import { newLogEntry } from '../../../../shared/incidents/logEntry';
import type { MutationArgs } from '../../../../shared/mutations';
import type { PushedMutation } from '../../../../shared/sync/protocol';
import { uuidv7 } from '../../../../shared/uuid';
import type { BenchDevice } from './device';

/**
 * What a team does during a crisis, as mutations: the lead declares incidents with their
 * checklists and the directory is there; then everyone on duty writes notes and decisions in the
 * log, ticks and unticks steps (the same steps as their teammates, so last-writer-wins has work to
 * do), and corrects people's details. Same mutation names and argument shapes the console sends.
 */

/** Seeded, so that two runs push the same mix (the bench page's generator, mulberry32). */
export { rng as seededRandom } from '../../page/generate';

export interface World {
  incidents: { id: string; itemIds: string[] }[];
  people: string[];
}

const NOTES = [
  'Llamada con prensa: piden declaración antes de las 13:00',
  'Customer service reports 40 new complaints about the outage',
  'Decidido: no respondemos en X hasta tener el comunicado aprobado',
  'Legal reviewed the holding statement, two changes requested',
  'El hilo original supera los 2.000 compartidos',
  'Status page updated; next update promised in 30 minutes',
];
const ROLES = ['portavoz', 'community', 'legal', 'soporte', 'dirección'];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** The setup the lead pushes first: `incidents` incidents of `steps` steps each, and `people` people. */
export function setupMutations(device: BenchDevice, counts: { incidents: number; steps: number; people: number }): { world: World; mutations: PushedMutation[] } {
  const world: World = { incidents: [], people: [] };
  const mutations: PushedMutation[] = [];
  const now = new Date().toISOString();
  for (let i = 0; i < counts.incidents; i += 1) {
    const id = uuidv7();
    const items: MutationArgs<'incident.declare'>['items'] = Array.from({ length: counts.steps }, (_, order) => ({
      id: uuidv7(),
      incidentId: id,
      order,
      text: { es: `Paso ${order + 1}`, en: `Step ${order + 1}` },
      role: ROLES[order % ROLES.length]!,
      dueAt: new Date(Date.now() + (order + 1) * 15 * 60_000).toISOString(),
      source: 'adhoc' as const,
    }));
    world.incidents.push({ id, itemIds: items.map((item) => item.id) });
    mutations.push(
      device.mutation('incident.declare', {
        incident: { id, title: `Incidente de carga ${i + 1}`, severity: 'high', status: 'declared', lead: { personId: null, name: 'Ana' }, declaredAt: now, declaredBy: 'Ana' },
        items,
        entry: newLogEntry({ incidentId: id, kind: 'declared', by: 'Ana', text: `Incidente de carga ${i + 1}` }),
      }),
    );
  }
  for (let i = 0; i < counts.people; i += 1) {
    const id = uuidv7();
    world.people.push(id);
    mutations.push(device.mutation('person.create', { person: { id, name: `Persona ${i + 1}`, roles: [ROLES[i % ROLES.length]!], phones: [`+34 600 ${String(i).padStart(3, '0')} 000`], email: `persona${i + 1}@example.org` } }));
  }
  return { world, mutations };
}

/** The next thing someone on duty does: half log entries, three in ten ticks, two in ten people edits. */
export function nextMutation(device: BenchDevice, world: World, random: () => number, by: string): PushedMutation {
  const roll = random();
  const incident = pick(random, world.incidents);
  if (roll < 0.5) {
    const entry = newLogEntry({ incidentId: incident.id, kind: random() < 0.8 ? 'note' : 'decision', by, text: `${pick(random, NOTES)} (${device.id} #${device.seq + 1})` });
    return device.mutation('log.append', { entry });
  }
  if (roll < 0.8) {
    const itemId = pick(random, incident.itemIds);
    const done = random() < 0.7;
    const entry = newLogEntry({ incidentId: incident.id, kind: 'step', by, itemId, action: done ? 'done' : 'undone' });
    return device.mutation('checklist.setDone', { id: itemId, done, entry });
  }
  const id = pick(random, world.people);
  const field = random();
  const fields: MutationArgs<'person.update'>['fields'] =
    field < 0.4 ? { notes: `Disponible hasta las ${10 + Math.floor(random() * 12)}:00 (${device.id})` } : field < 0.7 ? { phones: [`+34 6${Math.floor(random() * 1e8).toString().padStart(8, '0')}`] } : { verifiedAt: new Date().toISOString() };
  return device.mutation('person.update', { id, fields });
}

/**
 * What the team's rows must say once every accepted mutation is in: each log entry exactly as
 * pushed; each step and each person field as written by the accepted mutation with the highest HLC
 * (last writer wins). Returns a sentence per difference; none means nothing was lost or mangled.
 */
export function checkRows(accepted: readonly PushedMutation[], rows: ReadonlyMap<string, Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const latest = new Map<string, { hlc: string; value: unknown; what: string }>();
  const expectLatest = (key: string, hlc: string, value: unknown, what: string) => {
    const seen = latest.get(key);
    if (!seen || hlc > seen.hlc) latest.set(key, { hlc, value, what });
  };
  const expectEntry = (entry: LogEntry, m: PushedMutation) => {
    const row = rows.get(`logEntries/${entry.id}`);
    if (!row) problems.push(`lost: log entry ${entry.id} of ${m.name} seq ${m.seq}`);
    else if (row.text !== entry.text || row.incidentId !== entry.incidentId || row.kind !== entry.kind) problems.push(`changed: log entry ${entry.id} reads ${JSON.stringify(row.text)}`);
  };
  for (const m of accepted) {
    if (m.name === 'log.append') expectEntry((m.args as MutationArgs<'log.append'>).entry as LogEntry, m);
    else if (m.name === 'checklist.setDone') {
      const args = m.args as MutationArgs<'checklist.setDone'>;
      expectEntry(args.entry as LogEntry, m);
      expectLatest(`checklistItems/${args.id}#done`, m.hlc, args.done, `step ${args.id} done`);
      expectLatest(`checklistItems/${args.id}#doneEntryId`, m.hlc, args.entry.id, `step ${args.id} doneEntryId`);
    } else if (m.name === 'person.update') {
      const args = m.args as MutationArgs<'person.update'>;
      for (const [field, value] of Object.entries(args.fields)) expectLatest(`people/${args.id}#${field}`, m.hlc, value, `person ${args.id} ${field}`);
    }
  }
  for (const [key, want] of latest) {
    const [ref, field] = key.split('#') as [string, string];
    const row = rows.get(ref) as (ChecklistItem & Record<string, unknown>) | undefined;
    if (!row) problems.push(`lost: ${ref}`);
    else if (JSON.stringify(row[field]) !== JSON.stringify(want.value)) problems.push(`wrong winner: ${want.what} is ${JSON.stringify(row[field])}, the latest write (${want.hlc}) said ${JSON.stringify(want.value)}`);
    else if (row.clock[field] !== want.hlc) problems.push(`wrong stamp: ${want.what} carries ${row.clock[field]}, expected ${want.hlc}`);
  }
  return problems;
}
