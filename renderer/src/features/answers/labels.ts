import type { Channel, RevisionStatus } from '@shared/domain';
import type { MessageId } from '../../i18n/messages/en';

export const CHANNEL_LABEL: Record<Channel, MessageId> = {
  x: 'channel.x',
  instagram: 'channel.instagram',
  facebook: 'channel.facebook',
  linkedin: 'channel.linkedin',
  sms: 'channel.sms',
  email: 'channel.email',
  press: 'channel.press',
};

export const STATUS_LABEL: Record<RevisionStatus, MessageId> = {
  draft: 'status.draft',
  approved: 'status.approved',
  expired: 'status.expired',
  superseded: 'status.superseded',
};
