/** A Chromium trace event, as much of it as EventLatency pairing reads. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  ts: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { event_latency?: { event_type?: string } };
}

export function keyPressLatencies(events: readonly TraceEvent[]): number[];
