import type { Host } from '../../../../renderer/src/host';

/**
 * A console host for tests that drive the sync engine without a window: it keeps secrets (the
 * team token) in `secrets`, which a test may share between "processes" of one machine, and does
 * nothing else.
 */
export function memoryHost(secrets = new Map<string, string>()): Host {
  return {
    kind: 'browser',
    copyText: async () => undefined,
    notify: async () => false,
    openExternal: async () => false,
    openTextFile: async () => null,
    saveTextFile: async () => false,
    printToPdf: async () => false,
    getSecret: async (key) => secrets.get(key) ?? null,
    setSecret: async (key, value) => {
      if (value === null) secrets.delete(key);
      else secrets.set(key, value);
      return true;
    },
  };
}
