import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/domain';
import { parsePeopleCsv, serializePeopleCsv } from '../../../shared/people/csv';
import { person } from './people';

const codes = (r: { issues: { code: string; line: number | null }[] }) => r.issues.map((i) => [i.line, i.code]);

describe('reading people from CSV', () => {
  it('reads Spanish headers, a BOM, CRLF, semicolons and quoted values spanning lines', () => {
    const text = '\uFEFFNombre;Rol;Teléfono;Correo;Zona horaria;Horario;Suplente;Notas;Verificado;Baja\r\n' +
      'Ana García;portavoz|legal;+34 600 111 222;ana@example.com;Europe/Madrid;lun-vie 9:00-17:00;Luis;"Línea uno\r\n""dos"", ; tres";2025-03-01;no\r\n' +
      '\r\n' +
      'Luis Pérez;;600 333 444;;;;;;;sí\r\n';
    const { drafts, issues } = parsePeopleCsv('gente.csv', text);
    expect(issues).toEqual([]);
    expect(drafts).toHaveLength(2);
    expect(drafts[0]).toMatchObject({
      line: 2,
      values: {
        name: 'Ana García', roles: ['portavoz', 'legal'], phones: ['+34 600 111 222'], email: 'ana@example.com', timeZone: 'Europe/Madrid',
        workingHours: 'lun-vie 9:00-17:00', backup: 'Luis', notes: 'Línea uno\r\n"dos", ; tres', verifiedAt: '2025-03-01', left: 'no',
      },
      at: { email: { line: 2, column: 4 } },
    });
    // Row 1 spans lines 2-3 and a blank line follows it: Luis is on line 5.
    expect(drafts[1]).toMatchObject({ line: 5, values: { name: 'Luis Pérez', phones: ['600 333 444'], left: 'sí' } });
    expect(drafts[1]!.values.email).toBeUndefined();
  });

  it('reads English headers with commas and several phone columns', () => {
    const { drafts, issues } = parsePeopleCsv('people.csv', 'name,phone,mobile,email\nBob,+1 555 0100,"+1 555 0101 | +1 555 0102",bob@example.com\n');
    expect(issues).toEqual([]);
    expect(drafts[0]!.values.phones).toEqual(['+1 555 0100', '+1 555 0101', '+1 555 0102']);
  });

  it('reads tab-separated files', () => {
    const { drafts, issues } = parsePeopleCsv('people.tsv', 'name\temail\nBob\tbob@example.com\n');
    expect(issues).toEqual([]);
    expect(drafts[0]!.values).toEqual({ name: 'Bob', email: 'bob@example.com' });
  });

  it('lists every header problem: unknown, repeated, no name column', () => {
    const unknown = parsePeopleCsv('a.csv', 'name,Departamento,email,correo\nAna,Comms,a@x.com,b@x.com\n');
    expect(unknown.issues.map((i) => [i.line, i.column, i.code])).toEqual([[1, 2, 'csv.header.unknown'], [1, 4, 'csv.header.duplicate']]);
    expect(unknown.issues[0]!.message).toContain('"Departamento"');
    expect(codes(parsePeopleCsv('b.csv', 'email,phone\na@x.com,600111222\n'))).toEqual([[1, 'csv.header.noName']]);
    expect(codes(parsePeopleCsv('d.csv', 'name,email\n\n\n'))).toEqual([[null, 'file.noPeople']]);
  });

  it('says an empty file is empty, not that its first line lacks a name column', () => {
    for (const text of ['', '\uFEFF', ' \r\n\n\t']) {
      const result = parsePeopleCsv('empty.csv', text);
      expect(codes(result)).toEqual([[null, 'file.empty']]);
      expect(result.issues[0]!.message).toBe('the file is empty');
    }
  });

  it('reports a row with more values than columns, but not trailing empty cells', () => {
    const r = parsePeopleCsv('a.csv', 'name,email\nAna,a@x.com,,\nBob,b@x.com,oops\n');
    expect(r.issues.map((i) => [i.line, i.column, i.code, i.values])).toEqual([[3, 3, 'csv.tooManyCells', { count: 3, columns: 2 }]]);
  });

  it('stops at an unclosed quote, with its line, since nothing after it can be trusted', () => {
    const r = parsePeopleCsv('a.csv', 'name,email\nAna,a@x.com\n"Bob,b@x.com\nCarla,c@x.com\n');
    expect(codes(r)).toEqual([[3, 'csv.quotes']]);
    expect(r.drafts.map((d) => d.values.name)).toEqual(['Ana']);
    expect(codes(parsePeopleCsv('b.csv', 'name,email\n"Bo"b,b@x.com\n'))).toEqual([[2, 'csv.quotes']]);
  });

  it('keeps huge fields whole so validation can refuse them with a reason', () => {
    const huge = 'x'.repeat(1_000_000);
    const r = parsePeopleCsv('a.csv', `name,notes\nAna,"${huge}"\n`);
    expect(r.issues).toEqual([]);
    expect(r.drafts[0]!.values.notes).toHaveLength(1_000_000);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const r = parsePeopleCsv('big.csv', 'name\n' + 'a'.repeat(51 * 1024 * 1024));
    expect(codes(r)).toEqual([[null, 'file.tooLarge']]);
  });
});

describe('writing people as CSV', () => {
  const ana: Person = person({ id: 'p1', name: 'Ana', phones: ['+34 600 111 222'], email: 'ana@example.com', backupId: 'p2', notes: '=HYPERLINK("http://evil")', roles: ['comms-lead', 'spokesperson'] });
  const luis: Person = person({ id: 'p2', name: '@Luis', notes: "-2+3\nline two, with comma", left: true, workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }, verifiedAt: '2025-03-01T12:00:00.000Z' });

  it('defuses formulas: cells starting with = + - @ get an apostrophe', () => {
    const csv = serializePeopleCsv([ana, luis], { lang: 'en', directory: [ana, luis] });
    expect(csv.startsWith('\uFEFFname,roles,phones,email,time zone,working hours,backup,notes,verified,left\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]).toEqual(['Ana', 'comms-lead; spokesperson', "'+34 600 111 222", 'ana@example.com', 'UTC', '', "'@Luis", `'=HYPERLINK("http://evil")`, '', '']);
    expect(rows[2]).toEqual(["'@Luis", '', '', '', 'UTC', 'Mon-Fri 09:00-17:00', '', "'-2+3\nline two, with comma", '2025-03-01', 'yes']);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes Spanish headers and values when asked, which read back', () => {
    const csv = serializePeopleCsv([luis], { lang: 'es', directory: [luis] });
    expect(csv).toContain('nombre,roles,teléfonos,correo,zona horaria,horario,suplente,notas,verificado,baja');
    expect(csv).toContain('lun-vie 09:00-17:00');
    const back = parsePeopleCsv('x.csv', csv);
    expect(back.issues).toEqual([]);
    expect(back.drafts[0]!.values).toMatchObject({ name: '@Luis', left: 'sí', notes: '-2+3\nline two, with comma' });
  });

  it('names a backup by email, by name when they have none', () => {
    const csv = serializePeopleCsv([ana, { ...luis, backupId: 'p1' }], { lang: 'en', directory: [ana, luis] });
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[1]![6]).toBe("'@Luis");
    expect(rows[2]![6]).toBe('ana@example.com');
  });
});
