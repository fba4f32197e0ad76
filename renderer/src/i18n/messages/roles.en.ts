/**
 * English labels of the roles Calma ships (shared/domain/roles.ts KNOWN_ROLES), one set for every
 * screen that names a role: playbook steps, checklists, contact trees, the directory. Merged into
 * en.ts. Each label must read back to its code (a unit test checks it against ROLE_SPELLINGS).
 */
export const rolesEn = {
  'role.crisis-lead': 'Crisis lead',
  'role.comms-lead': 'Communications lead',
  'role.community-manager': 'Community manager',
  'role.spokesperson': 'Spokesperson',
  'role.legal': 'Legal',
  'role.it-security': 'IT security',
  'role.hr': 'People (HR)',
  'role.customer-care': 'Customer care',
  'role.executive': 'Executive',
} as const;
