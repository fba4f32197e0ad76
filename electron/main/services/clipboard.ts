import type { Clipboard } from 'electron';
import type { IpcResponse } from '@shared/ipc/contract';

/** Copying an approved answer: plain text only, so no markup travels with it. */
export function createClipboardService(clipboard: Pick<Clipboard, 'writeText'>) {
  return {
    writeText(text: string): IpcResponse<'clipboard.writeText'> {
      clipboard.writeText(text);
      return { ok: true };
    },
  };
}
