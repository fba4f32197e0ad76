import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { useIntl } from 'react-intl';
import type { ProgressPoint } from '@shared/incidents/summary';
import { useT } from '../../i18n/I18nProvider';
import { timeTicks } from './timeTicks';

/** The stacked series, bottom to top, with their colours. */
const SERIES = [
  { key: 'done', edge: '#1f7a3f', fill: '#8fd3a6' },
  { key: 'open', edge: '#4a5563', fill: '#cfd5dd' },
  { key: 'overdue', edge: '#a3281b', fill: '#f3a79d' },
] as const;

/**
 * The checklist over time: done, open and overdue steps, stacked. SVG, so it stays sharp when the
 * summary is printed. Loaded lazily: the chart library is only fetched for the summary page.
 */
export default function ChecklistChart({ points, label }: { points: ProgressPoint[]; label: string }) {
  const t = useT();
  const intl = useIntl();
  const { ticks, withSeconds, withDate } = timeTicks(points[0]?.at ?? 0, points.at(-1)?.at ?? 0);
  const time = (ms: number) =>
    intl.formatDate(ms, { hour: '2-digit', minute: '2-digit', ...(withSeconds && { second: '2-digit' }), ...(withDate && { day: 'numeric', month: 'short' }) });
  return (
    <figure className="chart" aria-label={label}>
      <AreaChart width={560} height={200} data={points} margin={{ top: 8, right: 56, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="at" type="number" domain={['dataMin', 'dataMax']} ticks={ticks} interval={0} tickFormatter={time} scale="time" />
        <YAxis allowDecimals={false} />
        <Tooltip labelFormatter={(v) => time(Number(v))} />
        {/* Only the done area draws its edge: stacked, an empty area's edge lies along the top of the
            stack, and a red line at the total read as every step overdue. */}
        {SERIES.map(({ key, edge, fill }) => (
          <Area key={key} type="stepAfter" dataKey={key} name={t(`summary.chart.${key}`)} stackId="1" stroke={edge} strokeWidth={key === 'done' ? 1 : 0} fill={fill} isAnimationActive={false} />
        ))}
      </AreaChart>
      {/* The chart library's own legend names its icons in English ("Done legend icon"). */}
      <ul className="chart-legend small">
        {SERIES.map(({ key, fill, edge }) => (
          <li key={key}>
            <span className="chart-swatch" aria-hidden="true" style={{ background: fill, borderColor: edge }} />
            {t(`summary.chart.${key}`)}
          </li>
        ))}
      </ul>
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
