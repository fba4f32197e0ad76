import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fieldOfHeader } from '../../../shared/people/columns';
import {
  formatWorkingHours,
  phoneKey,
  readBoolean,
  readDate,
  readEmail,
  readTimeZone,
  readWorkingHours,
  splitList,
} from '../../../shared/people/fields';

describe('field values as people type them', () => {
  it('reads working hours in English and Spanish, ranges, lists and wraps', () => {
    expect(readWorkingHours('Mon-Fri 09:00-17:00')).toEqual({ ok: true, value: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    expect(readWorkingHours('lun-vie 9-17')).toEqual({ ok: true, value: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' } });
    expect(readWorkingHours('Lunes - Viernes 8:30 a 15:00')).toEqual({ ok: true, value: { days: [1, 2, 3, 4, 5], start: '08:30', end: '15:00' } });
    expect(readWorkingHours('Mon,Wed,Fri 08:00-14:00')).toEqual({ ok: true, value: { days: [1, 3, 5], start: '08:00', end: '14:00' } });
    expect(readWorkingHours('sáb y dom 10:00-14:00')).toEqual({ ok: true, value: { days: [0, 6], start: '10:00', end: '14:00' } });
    expect(readWorkingHours('Fri-Mon 22:00-06:00')).toEqual({ ok: true, value: { days: [0, 1, 5, 6], start: '22:00', end: '06:00' } });
    expect(readWorkingHours('miércoles 00:00-24:00')).toEqual({ ok: true, value: { days: [3], start: '00:00', end: '00:00' } });
    expect(readWorkingHours('Sat 18:00-24:00')).toEqual({ ok: true, value: { days: [6], start: '18:00', end: '00:00' } });
  });

  it('refuses working hours it cannot read, saying which part', () => {
    expect(readWorkingHours('whenever')).toMatchObject({ ok: false, code: 'workingHours.invalid' });
    expect(readWorkingHours('Mon-Funday 09:00-17:00')).toMatchObject({ ok: false, code: 'workingHours.days', values: { value: 'Mon-Funday' } });
    expect(readWorkingHours('Mon-Fri 09:75-17:00')).toMatchObject({ ok: false, code: 'workingHours.time' });
    expect(readWorkingHours('Mon-Fri 24:00-17:00')).toMatchObject({ ok: false, code: 'workingHours.time' });
    expect(readWorkingHours('Mon-Fri 09:00-09:00')).toMatchObject({ ok: false, code: 'workingHours.empty' });
  });

  test.prop([
    fc.record({
      days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1 }).map((d) => d.sort((a, b) => a - b)),
      start: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })),
      end: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })),
    }),
    fc.constantFrom('es' as const, 'en' as const),
  ])('working hours written in either language read back the same', ({ days, start, end }, lang) => {
    const hhmm = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    fc.pre(hhmm(start) !== hhmm(end) || hhmm(start) === '00:00');
    const hours = { days, start: hhmm(start), end: hhmm(end) };
    expect(readWorkingHours(formatWorkingHours(hours, lang))).toEqual({ ok: true, value: hours });
  });

  it('checks time zones against the platform and returns their canonical name', () => {
    expect(readTimeZone('Europe/Madrid')).toEqual({ ok: true, value: 'Europe/Madrid' });
    expect(readTimeZone(' europe/madrid ')).toEqual({ ok: true, value: 'Europe/Madrid' });
    expect(readTimeZone('UTC')).toEqual({ ok: true, value: 'UTC' });
    expect(readTimeZone('Mars/Olympus_Mons')).toMatchObject({ ok: false, code: 'timeZone.invalid' });
    expect(readTimeZone('+01:00')).toMatchObject({ ok: false, code: 'timeZone.offset' });
    expect(readTimeZone('GMT+1')).toMatchObject({ ok: false, code: 'timeZone.offset' });
    expect(readTimeZone('')).toMatchObject({ ok: false, code: 'timeZone.invalid' });
  });

  it('reads ISO dates only, a bare date at noon UTC', () => {
    expect(readDate('2025-03-01')).toEqual({ ok: true, value: '2025-03-01T12:00:00.000Z' });
    expect(readDate('2025-03-01T10:00:00+01:00')).toEqual({ ok: true, value: '2025-03-01T09:00:00.000Z' });
    expect(readDate('2025-02-30')).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(readDate('01/03/2025')).toMatchObject({ ok: false, code: 'date.invalid' });
    expect(readDate('2025-03-01T10:00')).toMatchObject({ ok: false, code: 'date.invalid' });
  });

  it('reads yes and no in both languages', () => {
    for (const yes of ['yes', 'Sí', 'si', 'TRUE', '1', 'x', 'baja']) expect(readBoolean(yes)).toEqual({ ok: true, value: true });
    for (const no of ['no', 'No', 'false', '0', '']) expect(readBoolean(no)).toEqual({ ok: true, value: false });
    expect(readBoolean('maybe')).toMatchObject({ ok: false, code: 'boolean.invalid' });
  });

  it('checks emails loosely and keys phones by digits', () => {
    expect(readEmail(' ana@example.com ')).toEqual({ ok: true, value: 'ana@example.com' });
    for (const bad of ['ana', 'ana@', '@x.com', 'ana @x.com', 'ana@x']) expect(readEmail(bad).ok).toBe(false);
    expect(phoneKey('+34 600-111 (222)')).toBe('+34600111222');
    expect(phoneKey('600 111 222')).toBe('600111222');
    expect(phoneKey('n/a')).toBe('');
    expect(splitList(' a | b;c,\nd ;; ')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('knows the columns in Spanish and English however they are written', () => {
    const cases: [string, string | undefined][] = [
      ['Nombre', 'name'], ['name', 'name'], ['Rol', 'roles'], ['Teléfono', 'phones'], ['telefono 2', 'phones'], ['Móvil', 'phones'],
      ['Correo', 'email'], ['E-mail', 'email'], ['Zona horaria', 'timeZone'], ['timeZone', 'timeZone'], ['Time_Zone', 'timeZone'],
      ['Horario', 'workingHours'], ['Working hours', 'workingHours'], ['Suplente', 'backup'], ['Notas', 'notes'],
      ['Verificado', 'verifiedAt'], ['verifiedAt', 'verifiedAt'], ['Baja', 'left'], ['left', 'left'],
      ['Departamento', undefined], ['notes 2', undefined],
    ];
    for (const [header, field] of cases) expect([header, fieldOfHeader(header)]).toEqual([header, field]);
  });
});
