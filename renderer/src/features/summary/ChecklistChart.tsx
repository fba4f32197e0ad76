import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useIntl } from 'react-intl';
import type { ProgressPoint } from '@shared/incidents/summary';
import { useT } from '../../i18n/I18nProvider';

/**
 * The checklist over time: done, open and overdue steps, stacked. SVG, so it stays sharp when the
 * summary is printed. Loaded lazily: the chart library is only fetched for the summary page.
 */
export default function ChecklistChart({ points, label }: { points: ProgressPoint[]; label: string }) {
  const t = useT();
  const intl = useIntl();
  const time = (ms: number) => intl.formatTime(ms, { hour: '2-digit', minute: '2-digit' });
  return (
    <figure className="chart" aria-label={label}>
      <AreaChart width={560} height={200} data={points} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} tickFormatter={time} scale="time" />
        <YAxis allowDecimals={false} />
        <Tooltip labelFormatter={(v) => time(Number(v))} />
        <Legend />
        <Area type="stepAfter" dataKey="done" name={t('summary.chart.done')} stackId="1" stroke="#1f7a3f" fill="#8fd3a6" isAnimationActive={false} />
        <Area type="stepAfter" dataKey="open" name={t('summary.chart.open')} stackId="1" stroke="#4a5563" fill="#cfd5dd" isAnimationActive={false} />
        <Area type="stepAfter" dataKey="overdue" name={t('summary.chart.overdue')} stackId="1" stroke="#a3281b" fill="#f3a79d" isAnimationActive={false} />
      </AreaChart>
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
