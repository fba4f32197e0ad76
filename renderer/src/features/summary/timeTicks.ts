const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Tick spacings a reader expects on a clock: 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7 days. */
const NICE_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];

export interface TimeTicks {
  ticks: number[];
  /** The labels need seconds: the whole span is under two minutes (an incident just declared). */
  withSeconds: boolean;
  /** The labels need the day: the span crosses midnight, where "06:00" alone would repeat. */
  withDate: boolean;
}

/**
 * Where to put the time axis' ticks between `min` and `max` (epoch ms): at most `most`, on round
 * local times (06:30, 06:45 rather than 06:34 plus multiples of 15 min), and never two ticks that
 * would read the same; a chart of the first minute of an incident labelled "06:34" ten times told
 * the reader nothing.
 */
export function timeTicks(min: number, max: number, most = 6): TimeTicks {
  const withDate = new Date(min).toDateString() !== new Date(max).toDateString();
  // Start and end, unless both would read the same second.
  if (max - min < 2 * MINUTE) return { ticks: Math.floor(max / SECOND) > Math.floor(min / SECOND) ? [min, max] : [min], withSeconds: true, withDate };
  const spanMin = (max - min) / MINUTE;
  const stepMin = NICE_STEPS_MIN.find((s) => spanMin / s <= most) ?? Math.ceil(spanMin / most / 1440) * 1440;
  const step = stepMin * MINUTE;
  // getTimezoneOffset is UTC minus local time: aligning on the local clock, not on UTC's.
  const local = (at: number) => at - new Date(at).getTimezoneOffset() * MINUTE;
  const firstLocal = Math.ceil(local(min) / step) * step;
  const ticks: number[] = [];
  for (let at = firstLocal + (min - local(min)); at <= max; at += step) ticks.push(at);
  return { ticks, withSeconds: false, withDate };
}
