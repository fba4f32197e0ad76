import { foldText } from '../text/fold';
import type { PersonField } from './issues';

/** The header Calma writes for each field, in the language of the export. */
export const COLUMN_HEADERS: Record<'en' | 'es', Record<PersonField, string>> = {
  en: {
    name: 'name',
    roles: 'roles',
    phones: 'phones',
    email: 'email',
    timeZone: 'time zone',
    workingHours: 'working hours',
    backup: 'backup',
    notes: 'notes',
    verifiedAt: 'verified',
    left: 'left',
  },
  es: {
    name: 'nombre',
    roles: 'roles',
    phones: 'teléfonos',
    email: 'correo',
    timeZone: 'zona horaria',
    workingHours: 'horario',
    backup: 'suplente',
    notes: 'notas',
    verifiedAt: 'verificado',
    left: 'baja',
  },
};

/** Other names people give these columns, in either language (compared folded, see `headerKey`). */
const ALIASES: Record<PersonField, string[]> = {
  name: ['full name', 'nombre completo', 'fn'],
  roles: ['role', 'rol', 'funcion', 'funciones'],
  phones: ['phone', 'telephone', 'tel', 'mobile', 'cell', 'telefono', 'movil', 'celular'],
  email: ['e mail', 'mail', 'email address', 'correo electronico', 'e correo'],
  timeZone: ['timezone', 'tz', 'huso horario'],
  workingHours: ['hours', 'horario laboral', 'horas', 'working time'],
  backup: ['substitute', 'deputy', 'sustituto', 'suplencia'],
  notes: ['note', 'nota', 'comments', 'comentarios'],
  verifiedAt: ['verified at', 'verifiedat', 'last verified', 'verificado el', 'ultima verificacion', 'fecha de verificacion'],
  left: ['has left', 'de baja', 'ha dejado la organizacion', 'left the organisation', 'left the organization'],
};

/** "Zona_Horaria", "time-zone", "timeZone" and "Time zone" are all the same column. */
export function headerKey(header: string): string {
  return foldText(header.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/[_\-.:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_KEY = new Map<string, PersonField>();
for (const [field, names] of Object.entries(ALIASES) as [PersonField, string[]][]) {
  for (const name of [COLUMN_HEADERS.en[field], COLUMN_HEADERS.es[field], ...names]) BY_KEY.set(headerKey(name), field);
}

/**
 * The field a header names, or undefined. Phones may come in several columns ("phone 2",
 * "móvil"), so a trailing number is ignored for them.
 */
export function fieldOfHeader(header: string): PersonField | undefined {
  const key = headerKey(header);
  const field = BY_KEY.get(key);
  if (field) return field;
  const numbered = BY_KEY.get(key.replace(/\s*\d+$/, ''));
  return numbered === 'phones' ? numbered : undefined;
}

/** The accepted column names, for the error that lists them. */
export const KNOWN_HEADERS = (Object.keys(ALIASES) as PersonField[]).map((f) => `${COLUMN_HEADERS.en[f]}/${COLUMN_HEADERS.es[f]}`).join(', ');
