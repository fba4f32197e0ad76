import type { Person } from '@shared/domain';
import { KNOWN_ROLES } from '@shared/domain';
import { rng } from './generate';

const FIRST = ['Lucía', 'María José', 'Tomás', 'Amaia', 'Jorge', 'Nuria', 'Óscar', 'Carmen', 'Ángel', 'Inés', 'Raúl', 'Sofía', 'Iñaki', 'Begoña', 'Javier', 'Emma', 'Oliver', 'Chloé', 'Noah', 'Zoë'];
const LAST = ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ibáñez', 'Muñoz', 'Álvarez', 'Etxeberria', 'Castro', 'Rey', 'Vidal', 'Smith', 'Brown', 'Núñez', 'Peña', 'Ortega', 'Blanco'];
const ZONES = ['Europe/Madrid', 'Atlantic/Canary', 'America/Mexico_City', 'America/Bogota', 'Europe/London', 'America/New_York'];
const HOURS = [null, { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, { days: [1, 2, 3, 4, 5], start: '08:00', end: '15:00' }, { days: [0, 6], start: '10:00', end: '14:00' }, { days: [1, 2, 3, 4], start: '22:00', end: '06:00' }];

/**
 * `count` fictional people, the same every run: accented Spanish and English names, one or two
 * roles, phones, unique emails, a backup (an earlier person) for most, some verified, a few who left.
 */
export function generatePeople(count: number, seed = 7): Person[] {
  const next = rng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const people: Person[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
    const d = String(i).padStart(8, '0');
    const phone = `+34 6${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`;
    people.push({
      id: `bench.person.${i}`,
      clock: {},
      deleted: false,
      name,
      roles: next() < 0.6 ? [pick(KNOWN_ROLES)] : [pick(KNOWN_ROLES), pick(KNOWN_ROLES)].filter((r, k, all) => all.indexOf(r) === k),
      phones: next() < 0.3 ? [phone, `+34 91${String(i).padStart(7, '0')}`] : [phone],
      email: `person${i}@example.org`,
      timeZone: pick(ZONES),
      workingHours: pick(HOURS),
      backupId: i > 0 && next() < 0.85 ? `bench.person.${Math.floor(next() * i)}` : null,
      notes: next() < 0.2 ? `Notas de ${name}: disponible por la tarde, "prefiere" llamadas; no SMS.` : '',
      verifiedAt: next() < 0.7 ? new Date(Date.UTC(2026, 0, 1) - Math.floor(next() * 200) * 86_400_000).toISOString() : null,
      left: next() < 0.03,
    });
  }
  return people;
}
