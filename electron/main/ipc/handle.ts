import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  IPC_PREFIX,
  ipcContract,
  type IpcChannel,
  type IpcResponse,
} from '@shared/ipc/contract';
import { failure, success, type IpcEnvelope } from '@shared/ipc/envelope';
import type { SenderCheck } from '../security/trustedSender';

/**
 * The one way an IPC handler is registered. Every call is, in order:
 * 1. refused unless it comes from Calma's own page (the sender check);
 * 2. refused unless its argument parses with the channel's zod schema from shared/ipc/contract;
 * 3. handed to the handler, whose result or failure goes back as an envelope (see shared/ipc/envelope.ts).
 */

/** A request after parsing: defaults applied, unknown keys refused by the contract's .strict(). */
export type ParsedRequest<C extends IpcChannel> = z.output<(typeof ipcContract)[C]['request']>;

export interface HandlerContext {
  /** The WebContents that sent the request (already checked by the sender check). */
  sender: WebContents;
}

export type IpcHandler<C extends IpcChannel> = (
  request: ParsedRequest<C>,
  context: HandlerContext,
) => IpcResponse<C> | Promise<IpcResponse<C>>;

/** One handler per channel of the contract: a missing or extra channel is a type error. */
export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> };

/**
 * An expected failure whose message is meant for the person using Calma ("the file is too
 * large"). Any other error is reported to the page as a generic failure, so file system paths and
 * stack details stay in the main process log.
 */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
}

export function registerHandler<C extends IpcChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  handler: IpcHandler<C>,
  isTrustedSender: SenderCheck,
): void {
  // The type parameter already forbids unknown channels; this also stops a cast or a string
  // built at run time.
  if (!Object.hasOwn(ipcContract, channel)) {
    throw new Error(`Cannot register IPC channel "${String(channel)}": it is not in shared/ipc/contract.ts`);
  }
  const schema: z.ZodType = ipcContract[channel].request;

  ipcMain.handle(IPC_PREFIX + channel, async (event: IpcMainInvokeEvent, request: unknown): Promise<IpcEnvelope<IpcResponse<C>>> => {
    if (!isTrustedSender(event)) {
      console.warn(`IPC ${channel} refused: sender is not Calma's own page (${event.senderFrame?.url ?? 'no frame'})`);
      return failure('forbidden', `${channel} may only be called by Calma's own page.`);
    }

    const parsed = schema.safeParse(request);
    if (!parsed.success) {
      return failure('invalid', `Invalid request for ${channel}: ${z.prettifyError(parsed.error)}`);
    }

    try {
      // The schema is the channel's own, so its output is this channel's request type.
      return success(await handler(parsed.data as ParsedRequest<C>, { sender: event.sender }));
    } catch (error) {
      if (error instanceof UserFacingError) return failure('failed', error.message);
      console.error(`IPC ${channel} failed`, error);
      return failure('failed', `${channel} failed. Details are in the application log.`);
    }
  });
}

/** Registers a handler for every channel of the contract. */
export function registerHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  isTrustedSender: SenderCheck,
): void {
  for (const channel of IPC_CHANNELS) {
    registerHandler(ipcMain, channel, handlers[channel] as IpcHandler<typeof channel>, isTrustedSender);
  }
}
