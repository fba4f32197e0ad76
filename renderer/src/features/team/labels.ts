import type { Refusal, TeamRole } from '@shared/sync/protocol';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';

export const ROLE_LABEL: Record<TeamRole, MessageId> = {
  admin: 'team.role.admin',
  lead: 'team.role.lead',
  responder: 'team.role.responder',
  viewer: 'team.role.viewer',
};

const REFUSAL_LABEL: Record<Refusal['code'], MessageId> = {
  invalid: 'team.refusal.invalid',
  conflict: 'team.refusal.conflict',
  'not-found': 'team.refusal.notFound',
  forbidden: 'team.refusal.forbidden',
  'clock-drift': 'team.refusal.clockDrift',
  'unknown-mutation': 'team.refusal.unknown',
  'too-large': 'team.refusal.tooLarge',
};

/** One sentence saying which change the team server refused and why, in the person's language. */
export function refusalText(t: Translate, refusal: Refusal): string {
  return t(REFUSAL_LABEL[refusal.code], { change: refusal.name });
}
