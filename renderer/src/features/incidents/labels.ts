import type { IncidentStatus, LogEntry, Severity } from '@shared/domain';
import type { MessageId } from '../../i18n/messages/en';

export const STATUS_LABEL: Record<IncidentStatus, MessageId> = {
  declared: 'incidents.status.declared',
  active: 'incidents.status.active',
  monitoring: 'incidents.status.monitoring',
  resolved: 'incidents.status.resolved',
};

export const SEVERITY_LABEL: Record<Severity, MessageId> = {
  low: 'incidents.severity.low',
  medium: 'incidents.severity.medium',
  high: 'incidents.severity.high',
  critical: 'incidents.severity.critical',
};

export const LOG_KIND_LABEL: Record<LogEntry['kind'], MessageId> = {
  declared: 'incidents.log.declared',
  note: 'incidents.log.note',
  decision: 'incidents.log.decision',
  statement: 'incidents.log.statement',
  status: 'incidents.log.status',
  step: 'incidents.log.step',
  correction: 'incidents.log.correction',
};
