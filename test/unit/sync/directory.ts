import type { Person } from '../../../shared/domain';
import { person } from '../people/people';

/** A directory as people keep them: accented names, several phones, hours, a note (about 500 bytes each). */
export function directory(count: number, prefix = 'p'): Person[] {
  return Array.from({ length: count }, (_, i) =>
    person({
      id: `${prefix}-${String(i).padStart(5, '0')}`,
      name: `Persona Núñez-Ibáñez ${i}`,
      roles: ['portavoz', 'guardia'],
      phones: ['+34 600 000 000', '+34 910 000 000'],
      email: `persona.${i}@example.org`,
      timeZone: 'Europe/Madrid',
      workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' },
      verifiedAt: '2026-02-01T09:00:00.000Z',
      notes: 'Suplente de comunicación por la tarde; llamar primero al móvil.',
    }),
  );
}
