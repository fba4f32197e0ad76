import { isAllowedExternalUrl } from '@shared/security/externalLinks';
import type { FileFilter, Host } from './host';

/** The host in a plain browser, built on the web platform's own clipboard, notifications and print. */
export function createBrowserHost(win: Window = window): Host {
  const secrets = new Map<string, string>();
  return {
    kind: 'browser',
    async copyText(text) {
      await win.navigator.clipboard.writeText(text);
    },
    async notify(title, body) {
      const Notice = (win as Window & typeof globalThis).Notification;
      if (typeof Notice !== 'function') return false;
      let permission = Notice.permission;
      if (permission === 'default') permission = await Notice.requestPermission();
      if (permission !== 'granted') return false;
      new Notice(title, { body });
      return true;
    },
    async openExternal(url) {
      if (!isAllowedExternalUrl(url)) return false;
      return win.open(url, '_blank', 'noopener,noreferrer') !== null;
    },
    openTextFile: (_title, filters) => pickFile(win, filters),
    async saveTextFile(_title, suggestedName, text) {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      const link = win.document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
    async printToPdf() {
      win.print();
      return true;
    },
    // A browser has no OS keychain: tokens live only as long as the tab, never in localStorage.
    async getSecret(key) {
      return secrets.get(key) ?? null;
    },
    async setSecret(key, value) {
      if (value === null) secrets.delete(key);
      else secrets.set(key, value);
      return true;
    },
  };
}

function pickFile(win: Window, filters: FileFilter[]): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve, reject) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file.text().then((text) => resolve({ name: file.name, text }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}
