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
