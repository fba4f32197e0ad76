import { dirname } from 'node:path';
import type { SafeStorage } from 'electron';
import { z } from 'zod';
import type { IpcResponse } from '@shared/ipc/contract';
import type { FileSystem } from './fileSystem';

/**
 * Small secrets (the sync token), encrypted with the operating system's key store through
 * safeStorage and kept as base64 ciphertext in one JSON file in userData.
 *
 * Nothing is ever written in clear text. When no real encryption is available, `set` refuses and
 * says so (`stored: false, encrypted: false`), and the renderer can tell the user that they will
 * have to sign in again next time instead of Calma silently leaving a token readable on disk.
 */

export interface SecretsDeps {
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>;
  platform: string;
  /** Absolute path of the JSON file, e.g. userData/secrets.json. */
  filePath: string;
  fs: Pick<FileSystem, 'readTextIfExists' | 'writeAtomically' | 'ensureDirectory'>;
}

const secretsFile = z.object({
  version: z.literal(1),
  secrets: z.record(z.string(), z.string()),
});
type SecretsFile = z.infer<typeof secretsFile>;

/**
 * Whether safeStorage really encrypts. On Linux without a keyring (no GNOME Keyring, no KWallet)
 * Electron falls back to "basic_text", which encrypts with a password hard-coded in Chromium:
 * obfuscation, not protection, so it counts as unavailable.
 */
export function hasRealEncryption(deps: Pick<SecretsDeps, 'safeStorage' | 'platform'>): boolean {
  if (!deps.safeStorage.isEncryptionAvailable()) return false;
  if (deps.platform === 'linux' && deps.safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
  return true;
}

export function createSecretsService(deps: SecretsDeps) {
  const { safeStorage, filePath, fs } = deps;
  // Writes are read-modify-write of one file: run them one after another.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };

  async function load(): Promise<SecretsFile> {
    const text = await fs.readTextIfExists(filePath);
    if (text === null) return { version: 1, secrets: {} };
    try {
      return secretsFile.parse(JSON.parse(text));
    } catch (error) {
      // Unreadable ciphertext is useless anyway; starting over only means signing in again.
      console.error(`The secrets file ${filePath} is damaged; it will be replaced`, error);
      return { version: 1, secrets: {} };
    }
  }

  async function save(contents: SecretsFile): Promise<void> {
    await fs.ensureDirectory(dirname(filePath));
    await fs.writeAtomically(filePath, `${JSON.stringify(contents, null, 2)}\n`, { privateFile: true });
  }

  return {
    async get(key: string): Promise<IpcResponse<'secrets.get'>> {
      if (!hasRealEncryption(deps)) return { value: null, encrypted: false };
      const { secrets } = await load();
      // hasOwn: a key such as "constructor" must not find Object.prototype's.
      const ciphertext = Object.hasOwn(secrets, key) ? secrets[key] : undefined;
      if (ciphertext === undefined) return { value: null, encrypted: true };
      try {
        return { value: safeStorage.decryptString(Buffer.from(ciphertext, 'base64')), encrypted: true };
      } catch (error) {
        // Happens when the OS key changed (new keyring, profile copied to another machine).
        console.error(`The secret "${key}" cannot be decrypted any more`, error);
        return { value: null, encrypted: true };
      }
    },

    /** `value: null` forgets the secret, which needs no encryption and is always done. */
    set(key: string, value: string | null): Promise<IpcResponse<'secrets.set'>> {
      const encrypted = hasRealEncryption(deps);
      if (value !== null && !encrypted) return Promise.resolve({ stored: false, encrypted: false });

      return serialized(async () => {
        const contents = await load();
        if (value === null) {
          if (!Object.hasOwn(contents.secrets, key)) return { stored: true, encrypted };
          delete contents.secrets[key];
        } else {
          contents.secrets[key] = safeStorage.encryptString(value).toString('base64');
        }
        await save(contents);
        return { stored: true, encrypted };
      });
    },
  };
}
