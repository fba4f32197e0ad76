import { isKnownRole, KNOWN_ROLES, roleFromText, type KnownRole, type Person } from '@shared/domain';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';

/** The one label of each role Calma ships, for every screen that names a role. */
export const ROLE_LABEL = {
  'crisis-lead': 'role.crisis-lead',
  'comms-lead': 'role.comms-lead',
  'community-manager': 'role.community-manager',
  spokesperson: 'role.spokesperson',
  legal: 'role.legal',
  'it-security': 'role.it-security',
  hr: 'role.hr',
  'customer-care': 'role.customer-care',
  executive: 'role.executive',
} as const satisfies Record<KnownRole, MessageId>;

/** A role in words: translated for the roles Calma ships, as written for the organisation's own. */
export function roleLabel(role: string, t: Translate): string {
  return isKnownRole(role) ? t(ROLE_LABEL[role]) : role;
}

/** The labels of the roles Calma ships, in the console's language: what role pickers offer. */
export const knownRoleLabels = (t: Translate): string[] => KNOWN_ROLES.map((role) => t(ROLE_LABEL[role]));

/**
 * What a role field offers: the known roles' labels, then the organisation's own roles already held
 * in the directory (alphabetically), so a role is picked as others spelled it rather than typed
 * anew. A role stored as typed before labels were read ("portavoz") is offered as its label only.
 */
export function roleChoices(people: readonly Person[], t: Translate, locale: string): string[] {
  const own = new Set(people.flatMap((p) => (p.deleted ? [] : p.roles.filter((r) => !isKnownRole(roleFromText(r))))));
  return [...knownRoleLabels(t), ...[...own].sort(new Intl.Collator(locale, { sensitivity: 'base' }).compare)];
}
