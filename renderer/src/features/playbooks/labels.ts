import type { Severity } from '@shared/domain';
import { KNOWN_SCENARIOS } from '@shared/domain';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';

type KnownScenario = (typeof KNOWN_SCENARIOS)[number];

export const SCENARIO_LABEL = {
  'negative-wave': 'playbooks.scenario.negative-wave',
  'viral-complaint': 'playbooks.scenario.viral-complaint',
  'offensive-post': 'playbooks.scenario.offensive-post',
  'employee-post': 'playbooks.scenario.employee-post',
  'hijacked-account': 'playbooks.scenario.hijacked-account',
  'data-leak': 'playbooks.scenario.data-leak',
  'service-outage': 'playbooks.scenario.service-outage',
  'disgruntled-employee': 'playbooks.scenario.disgruntled-employee',
  'holding-statement': 'playbooks.scenario.holding-statement',
} as const satisfies Record<KnownScenario, MessageId>;

export const SEVERITY_LABEL = {
  low: 'playbooks.severity.low',
  medium: 'playbooks.severity.medium',
  high: 'playbooks.severity.high',
  critical: 'playbooks.severity.critical',
} as const satisfies Record<Severity, MessageId>;

export function isKnownScenario(scenario: string): scenario is KnownScenario {
  return (KNOWN_SCENARIOS as readonly string[]).includes(scenario);
}

export const scenarioLabel = (t: Translate, scenario: string) => (isKnownScenario(scenario) ? t(SCENARIO_LABEL[scenario]) : scenario);
