import { IPC_CHANNELS, IPC_PREFIX, type CalmaBridge } from '@shared/ipc/contract';
import { unwrapEnvelope } from '@shared/ipc/envelope';

/** Sends one request on one wire channel (ipcRenderer.invoke in the app, a fake in tests). */
export type Invoke = (wireChannel: string, request: unknown) => Promise<unknown>;

/**
 * The object the page sees as `window.calma`: exactly one async method per channel of the
 * contract, each sending its request and unwrapping the main process's envelope. Only these
 * closures cross into the page; ipcRenderer itself never does.
 */
export function createBridge(invoke: Invoke): CalmaBridge {
  const bridge: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const channel of IPC_CHANNELS) {
    const wireChannel = IPC_PREFIX + channel;
    bridge[channel] = async (request) => unwrapEnvelope(await invoke(wireChannel, request));
  }
  return Object.freeze(bridge) as unknown as CalmaBridge;
}
