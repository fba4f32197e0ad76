import type { rolesEn } from './roles.en';

/** Nombres en español de los roles que trae Calma; mismas claves que roles.en.ts. */
export const rolesEs: Record<keyof typeof rolesEn, string> = {
  'role.crisis-lead': 'Responsable de la crisis',
  'role.comms-lead': 'Responsable de comunicación',
  'role.community-manager': 'Community manager',
  'role.spokesperson': 'Portavoz',
  'role.legal': 'Asesoría jurídica',
  'role.it-security': 'Seguridad informática',
  'role.hr': 'Personas (RR. HH.)',
  'role.customer-care': 'Atención al cliente',
  'role.executive': 'Dirección',
};
