import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildImport, planImport } from '../../../shared/people/importPlan';
import { sequentialIds } from './people';

const read = (name: string) => readFileSync(new URL(`../../../resources/examples/${name}`, import.meta.url), 'utf8');

describe('the example files that ship with Calma', () => {
  it('people.csv imports cleanly: every person, backups resolved, the one who left marked', () => {
    const plan = planImport({ file: 'people.csv', text: read('people.csv'), kind: 'csv', directory: [], defaultTimeZone: 'UTC', newId: sequentialIds('ex') });
    expect(plan.errors).toEqual([]);
    expect(plan.duplicates).toEqual([]);
    const { create } = buildImport(plan);
    expect(create).toHaveLength(7);
    const byName = new Map(create.map((p) => [p.name, p]));
    expect(byName.get('Amaia Etxeberria')).toMatchObject({ backupId: byName.get('Jorge Salas')!.id, notes: 'Covers weekends on rotation.\nPrefers WhatsApp for the first contact.' });
    expect(byName.get('Óscar Blanco')).toMatchObject({ timeZone: 'Atlantic/Canary', workingHours: { days: [1, 2, 3, 4, 5], start: '22:00', end: '06:00' } });
    expect(create.filter((p) => p.left).map((p) => p.name)).toEqual(['Carmen Ibáñez']);
    expect(create.filter((p) => p.backupId === null).map((p) => p.name)).toEqual(['Nuria Campos']);
  });
});
