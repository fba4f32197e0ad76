import type { CalmaBridge } from '@shared/ipc/contract';
import type { Host } from './host';

/** The host inside Electron: every call is one method of the preload bridge (see shared/ipc). */
export function createElectronHost(bridge: CalmaBridge): Host {
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
