import type { CalmaBridge } from '@shared/ipc/contract';
import { BRIDGE_ERROR_MESSAGE, type IpcErrorCode } from '@shared/ipc/envelope';
import type { Host } from './host';

/** A refused or failed host call, with the main process's reason and its code. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The contextBridge keeps only an Error's message, so the preload puts the code in it
 * (`[code] detail`); this turns it back into a HostError whose message is the detail alone.
 */
function withHostErrors(bridge: CalmaBridge): CalmaBridge {
  return new Proxy(bridge, {
    get(target, key: keyof CalmaBridge) {
      const method = target[key] as (request: unknown) => Promise<unknown>;
      return (request: unknown) =>
        method(request).catch((error: unknown) => {
          const match = BRIDGE_ERROR_MESSAGE.exec(error instanceof Error ? error.message : String(error));
          throw match ? new HostError(match[1] as IpcErrorCode, match[2]!) : error;
        });
    },
  });
}

/** The host inside Electron: every call is one method of the preload bridge (see shared/ipc). */
export function createElectronHost(rawBridge: CalmaBridge): Host {
  const bridge = withHostErrors(rawBridge);
  return {
    kind: 'electron',
    async copyText(text) {
      await bridge['clipboard.writeText']({ text });
    },
    async notify(title, body) {
      return (await bridge['notification.show']({ title, body })).shown;
    },
    async openExternal(url) {
      return (await bridge['links.openExternal']({ url })).opened;
    },
    openTextFile: (title, filters) => bridge['file.openText']({ title, filters }),
    async saveTextFile(title, suggestedName, text, filters) {
      return (await bridge['file.saveText']({ title, suggestedName, text, filters })).saved;
    },
    async printToPdf(suggestedName) {
      return (await bridge['print.toPdf']({ suggestedName })).saved;
    },
    async getSecret(key) {
      return (await bridge['secrets.get']({ key })).value;
    },
    async setSecret(key, value) {
      return (await bridge['secrets.set']({ key, value })).stored;
    },
  };
}
