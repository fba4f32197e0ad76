import { useIntl } from 'react-intl';
import { offsetMinutes } from '@shared/incidents/deadlines';
import { formatOffset } from '@shared/incidents/offsets';
import { useClock } from '../../app/clock';
import { useT } from '../../i18n/I18nProvider';

/** The local calendar day of an instant, as a comparable key. */
const localDay = (epochMs: number) => new Date(epochMs).toDateString();

/**
 * "Due 06:37 (T+15 min)", with the day named whenever it is not today ("Due Mon 23 Nov, 06:22
 * (T+1 d)"): a time alone reads as today, and a step due tomorrow at the same hour as one due now
 * must not look the same at 3 a.m.
 */
export function StepDue({ dueAt, declaredAt }: { dueAt: string; declaredAt: string }) {
  const t = useT();
  const intl = useIntl();
  // Re-renders when the day turns, not at every tick of the clock.
  const today = useClock((c) => localDay(c.now));
  const at = intl.formatTime(dueAt, { hour: '2-digit', minute: '2-digit' });
  const offset = formatOffset(offsetMinutes(declaredAt, dueAt));
  if (localDay(Date.parse(dueAt)) === today) return <>{t('incidents.due', { at, offset })}</>;
  const day = intl.formatDate(dueAt, { weekday: 'short', day: 'numeric', month: 'short' });
  return <>{t('incidents.dueOn', { day, at, offset })}</>;
}
