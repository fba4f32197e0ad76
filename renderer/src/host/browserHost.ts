import { isAllowedExternalUrl } from '@shared/security/externalLinks';
import { decodeText, type DecodedText } from '@shared/text/decodeText';
import type { FileFilter, Host } from './host';

/** The host in a plain browser, built on the web platform's own clipboard, notifications and print. */
export function createBrowserHost(win: Window = window): Host {
  const secrets = sessionSecrets(win);
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
    async getSecret(key) {
      return secrets.get(key);
    },
    async setSecret(key, value) {
      secrets.set(key, value);
      return true;
    },
  };
}

function pickFile(win: Window, filters: FileFilter[]): Promise<({ name: string } & DecodedText) | null> {
  return new Promise((resolve, reject) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      // The bytes, not file.text(): that reads anything as UTF-8 and hides what it could not read.
      file.arrayBuffer().then((bytes) => resolve({ name: file.name, ...decodeText(new Uint8Array(bytes)) }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/**
 * A browser has no OS keychain. Tokens go to sessionStorage: they survive a reload of the tab (the
 * console reloads itself after leaving a team, say) but not the tab, and never reach localStorage,
 * which every later visit could read. Where sessionStorage is unavailable they live in memory.
 */
function sessionSecrets(win: Window) {
  const memory = new Map<string, string>();
  const prefix = 'calma.secret.';
  let storage: Storage | null = null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null;
  }
  return {
    get(key: string): string | null {
      return storage ? storage.getItem(prefix + key) : (memory.get(key) ?? null);
    },
    set(key: string, value: string | null): void {
      if (storage) {
        if (value === null) storage.removeItem(prefix + key);
        else storage.setItem(prefix + key, value);
      } else if (value === null) memory.delete(key);
      else memory.set(key, value);
    },
  };
}
