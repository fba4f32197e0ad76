import { HlcClock } from '@shared/hlc';
import type { CalmaDatabase } from './database';

/** This installation's identity: the HLC node id and the owner of the outbox numbering. */
export interface DeviceState {
  id: string;
  /** The last HLC stamp issued, so the clock stays monotonic across restarts. */
  lastHlc: string | null;
  /** The last per-device mutation number handed out. */
  lastSeq: number;
}

const DEVICE_KEY = 'device';

export function newDeviceId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `d${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Reads (or creates, the first time) the device row; call inside a transaction that includes meta. */
export async function loadDevice(db: CalmaDatabase): Promise<DeviceState> {
  const row = await db.meta.get(DEVICE_KEY);
  if (row) return row.value as DeviceState;
  const device: DeviceState = { id: newDeviceId(), lastHlc: null, lastSeq: 0 };
  await db.meta.put({ key: DEVICE_KEY, value: device });
  return device;
}

/** This device's id, or null before its first write; it only reads, so a live query may run it. */
export async function readDeviceId(db: CalmaDatabase): Promise<string | null> {
  const row = await db.meta.get(DEVICE_KEY);
  return row ? (row.value as DeviceState).id : null;
}

export async function saveDevice(db: CalmaDatabase, device: DeviceState): Promise<void> {
  await db.meta.put({ key: DEVICE_KEY, value: device });
}

export function clockFor(device: DeviceState, now: () => number): HlcClock {
  return new HlcClock(device.id, now, device.lastHlc ?? undefined);
}
