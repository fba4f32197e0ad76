import { BRIDGE_KEY, type CalmaBridge } from '@shared/ipc/contract';
import { createBrowserHost } from './browserHost';
import { createElectronHost } from './electronHost';
import type { Host } from './host';

export type { Host } from './host';

/** The Electron bridge when the preload put one on window, the browser's platform otherwise. */
export function detectHost(win: Window = window): Host {
  const bridge = (win as unknown as Record<string, CalmaBridge | undefined>)[BRIDGE_KEY];
  return bridge ? createElectronHost(bridge) : createBrowserHost(win);
}
