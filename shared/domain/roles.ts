import { foldText } from '../text/fold';

/**
 * Roles the shipped playbooks assign steps to. An organisation may use its own role names too (a
 * role is any text); these have translated labels in the console.
 */
export const KNOWN_ROLES = [
  'crisis-lead',
  'comms-lead',
  'community-manager',
  'spokesperson',
  'legal',
  'it-security',
  'hr',
  'customer-care',
  'executive',
] as const;
export type KnownRole = (typeof KNOWN_ROLES)[number];

export function isKnownRole(role: string): role is KnownRole {
  return (KNOWN_ROLES as readonly string[]).includes(role);
}

/**
 * What people type for each known role, in Spanish and English, besides the code itself: the
 * console's own labels and the usual synonyms, with both gendered forms where Spanish has them.
 * Written as data so the import of a directory and the person editor read roles the same way; the
 * labels the console *shows* are react-intl messages (role.<code>), and a unit test holds every
 * one of them to this table. A spelling must name one role only: "Director" alone, "Security" or
 * "People" could be an organisation's own roles, so they are left out.
 */
export const ROLE_SPELLINGS: Readonly<Record<KnownRole, { readonly es: readonly string[]; readonly en: readonly string[] }>> = {
  'crisis-lead': {
    es: ['Responsable de crisis', 'Responsable de la crisis', 'Jefe de crisis', 'Jefa de crisis', 'Director de crisis', 'Directora de crisis', 'Coordinador de crisis', 'Coordinadora de crisis', 'Gestor de crisis', 'Gestora de crisis'],
    en: ['Crisis lead', 'Crisis leader', 'Crisis manager', 'Crisis coordinator', 'Head of crisis management'],
  },
  'comms-lead': {
    es: ['Responsable de comunicación', 'Director de comunicación', 'Directora de comunicación', 'Jefe de comunicación', 'Jefa de comunicación', 'Dircom'],
    en: ['Communications lead', 'Comms lead', 'Head of communications', 'Communications director', 'Communications manager'],
  },
  'community-manager': {
    es: ['Community manager', 'Gestor de comunidad', 'Gestora de comunidad', 'Gestor de redes sociales', 'Gestora de redes sociales', 'Responsable de redes sociales'],
    en: ['Community manager', 'Social media manager'],
  },
  spokesperson: {
    es: ['Portavoz'],
    en: ['Spokesperson', 'Spokesman', 'Spokeswoman'],
  },
  legal: {
    es: ['Asesoría jurídica', 'Asesor jurídico', 'Asesora jurídica', 'Servicios jurídicos', 'Jurídico', 'Abogado', 'Abogada'],
    en: ['Legal', 'Legal counsel', 'Legal adviser', 'Legal advisor', 'Lawyer'],
  },
  'it-security': {
    es: ['Seguridad informática', 'Ciberseguridad', 'Seguridad de la información', 'Responsable de seguridad informática'],
    en: ['IT security', 'Information security', 'Cybersecurity', 'Cyber security', 'CISO'],
  },
  hr: {
    es: ['Personas (RR. HH.)', 'RR. HH.', 'RRHH', 'Recursos humanos'],
    en: ['People (HR)', 'HR', 'Human resources'],
  },
  'customer-care': {
    es: ['Atención al cliente', 'Atención a clientes', 'Servicio al cliente', 'Servicio de atención al cliente'],
    en: ['Customer care', 'Customer service', 'Customer support'],
  },
  executive: {
    es: ['Dirección', 'Dirección general', 'Director general', 'Directora general', 'Consejero delegado', 'Consejera delegada'],
    en: ['Executive', 'Chief executive', 'CEO', 'Managing director'],
  },
};

/**
 * A typed role reduced to what tells it apart: folded (case and accents, shared/text/fold.ts), every
 * run of anything but letters and digits one space. "crisis-lead", "Crisis  lead" and "CRISIS LEAD"
 * are one role; "RR. HH." and "RR.HH." too.
 */
export function roleKey(text: string): string {
  return foldText(text).replace(NOT_WORD, ' ').trim();
}
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Each known code and spelling by its key: built once, read for every role of every row imported. */
const BY_KEY: ReadonlyMap<string, KnownRole> = new Map(
  KNOWN_ROLES.flatMap((code) => [code, ...ROLE_SPELLINGS[code].es, ...ROLE_SPELLINGS[code].en].map((spelling) => [roleKey(spelling), code] as const)),
);

/**
 * The role a person typed (in the editor, in a file's role column, for a tree's node): a known
 * role's code when it is that code or one of its spellings in either language, in any case, with or
 * without accents; otherwise the organisation's own role, as typed but trimmed. Mapping a result
 * again gives it back unchanged.
 */
export function roleFromText(text: string): string {
  return BY_KEY.get(roleKey(text)) ?? text.trim();
}

/**
 * What two roles must share to be the same role: the known code, or else the folded text. A
 * directory written before roles were read this way (someone stored as "portavoz", a tree node as
 * "Spokesperson") still resolves, with nothing rewritten.
 */
export function roleIdentity(role: string): string {
  const key = roleKey(role);
  return BY_KEY.get(key) ?? key;
}

/** Scenario keys shared by playbooks and answers (the situations of the default libraries). */
export const KNOWN_SCENARIOS = [
  'negative-wave',
  'viral-complaint',
  'offensive-post',
  'employee-post',
  'hijacked-account',
  'data-leak',
  'service-outage',
  'disgruntled-employee',
  'holding-statement',
] as const;
