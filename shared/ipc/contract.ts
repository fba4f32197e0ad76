import { z } from 'zod';
import type { TextEncodingName } from '../text/decodeText';

/**
 * The whole surface between the renderer and the main process. Each channel has a zod schema for
 * its request, which the main process parses before doing anything, and the type of its response.
 * The preload exposes exactly one method per channel, so adding a capability means adding it here.
 */
const fileFilter = z.object({
  name: z.string().max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(10),
});

export const ipcContract = {
  'app.info': { request: z.object({}).strict() },
  'clipboard.writeText': { request: z.object({ text: z.string().max(1_000_000) }).strict() },
  'notification.show': {
    request: z.object({ title: z.string().min(1).max(200), body: z.string().max(2000) }).strict(),
  },
  'links.openExternal': { request: z.object({ url: z.string().max(2048) }).strict() },
  'file.openText': {
    request: z.object({ title: z.string().max(200), filters: z.array(fileFilter).max(10) }).strict(),
  },
  'file.saveText': {
    request: z
      .object({
        title: z.string().max(200),
        suggestedName: z.string().min(1).max(200).regex(/^[^/\\]+$/, 'a file name, not a path'),
        text: z.string().max(200 * 1024 * 1024),
        filters: z.array(fileFilter).max(10),
      })
      .strict(),
  },
  'print.toPdf': {
    request: z
      .object({ suggestedName: z.string().min(1).max(200).regex(/^[^/\\]+$/, 'a file name, not a path') })
      .strict(),
  },
  'secrets.get': { request: z.object({ key: z.string().regex(/^[a-z0-9.-]{1,64}$/) }).strict() },
  'secrets.set': {
    request: z
      .object({ key: z.string().regex(/^[a-z0-9.-]{1,64}$/), value: z.string().max(10_000).nullable() })
      .strict(),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export const IPC_CHANNELS = Object.keys(ipcContract) as IpcChannel[];

export interface IpcResponses {
  'app.info': { version: string; platform: string; locale: string; electron: string };
  'clipboard.writeText': { ok: true };
  'notification.show': { shown: boolean };
  'links.openExternal': { opened: boolean };
  'file.openText': { name: string; text: string; encoding: TextEncodingName } | null;
  'file.saveText': { saved: boolean; path: string | null };
  'print.toPdf': { saved: boolean; path: string | null };
  'secrets.get': { value: string | null; encrypted: boolean };
  'secrets.set': { stored: boolean; encrypted: boolean };
}

export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = IpcResponses[C];

/** The object the preload puts on `window.calma`: one async method per channel. */
export type CalmaBridge = {
  [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResponse<C>>;
};

/** Name of the global the preload exposes. */
export const BRIDGE_KEY = 'calma';
/** Prefix of every IPC channel name on the wire. */
export const IPC_PREFIX = 'calma:';
