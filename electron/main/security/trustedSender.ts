import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from '@shared/security/appOrigin';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Builds the check every IPC call goes through before its arguments are even parsed: the message
 * must come from the main frame (not an iframe) of a window Calma created, showing a page from
 * app://calma. Anything else — a frame that navigated away, an embedded frame, a window some bug
 * let open — is refused.
 *
 * @param isOwnWebContents whether a WebContents belongs to one of the app's windows.
 */
export function createSenderCheck(isOwnWebContents: (contents: WebContents) => boolean): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    // null when the frame navigated or was destroyed after sending.
    if (!frame) return false;
    if (frame.parent !== null) return false;
    if (!isOwnWebContents(event.sender)) return false;
    return isAppUrl(frame.url);
  };
}
