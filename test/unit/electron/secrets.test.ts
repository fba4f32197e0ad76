import { describe, expect, it, vi } from 'vitest';
import type { FileSystem } from '../../../electron/main/services/fileSystem';
import { createSecretsService, hasRealEncryption } from '../../../electron/main/services/secrets';

const FILE = '/profile/secrets.json';

/** A reversible stand-in for the OS key store: obviously not the plain text. */
function fakeSafeStorage({ available = true, backend = 'gnome_libsecret' as string } = {}) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    getSelectedStorageBackend: vi.fn(() => backend as 'gnome_libsecret'),
    encryptString: vi.fn((text: string) => Buffer.from(`enc:${[...text].reverse().join('')}`)),
    decryptString: vi.fn((data: Buffer) => {
      const text = data.toString();
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided');
      return [...text.slice(4)].reverse().join('');
    }),
  };
}

function fakeFiles(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  const fs: Pick<FileSystem, 'readTextIfExists' | 'writeAtomically' | 'ensureDirectory'> = {
    readTextIfExists: vi.fn(async (path: string) => files.get(path) ?? null),
    writeAtomically: vi.fn(async (path: string, data: string | Uint8Array) => {
      files.set(path, String(data));
    }),
    ensureDirectory: vi.fn(async () => undefined),
  };
  return { fs, files };
}

function service(options: { available?: boolean; backend?: string; platform?: string; initial?: Record<string, string> } = {}) {
  const safeStorage = fakeSafeStorage(options);
  const { fs, files } = fakeFiles(options.initial);
  const secrets = createSecretsService({ safeStorage, platform: options.platform ?? 'linux', filePath: FILE, fs });
  return { secrets, files, fs, safeStorage };
}

describe('secrets service', () => {
  it('stores a secret encrypted, in a private file, and reads it back', async () => {
    const { secrets, files, fs } = service();
    await expect(secrets.set('sync.token', 'tok-123456')).resolves.toEqual({ stored: true, encrypted: true });
    await expect(secrets.get('sync.token')).resolves.toEqual({ value: 'tok-123456', encrypted: true });

    expect(fs.writeAtomically).toHaveBeenCalledWith(FILE, expect.any(String), { privateFile: true });
    const onDisk = files.get(FILE) ?? '';
    expect(onDisk).not.toContain('tok-123456');
    expect(JSON.parse(onDisk)).toEqual({
      version: 1,
      secrets: { 'sync.token': Buffer.from('enc:654321-kot').toString('base64') },
    });
  });

  it('refuses to store anything when encryption is unavailable, and says so', async () => {
    const { secrets, files, fs } = service({ available: false });
    await expect(secrets.set('sync.token', 'tok-123456')).resolves.toEqual({ stored: false, encrypted: false });
    expect(files.size).toBe(0);
    expect(fs.writeAtomically).not.toHaveBeenCalled();
    await expect(secrets.get('sync.token')).resolves.toEqual({ value: null, encrypted: false });
  });

  it("treats Linux's basic_text backend (a hard-coded password) as no encryption", async () => {
    const { secrets, files } = service({ backend: 'basic_text' });
    await expect(secrets.set('sync.token', 'tok')).resolves.toEqual({ stored: false, encrypted: false });
    expect(files.size).toBe(0);
  });

  it('only looks at the backend on Linux', () => {
    const safeStorage = fakeSafeStorage({ backend: 'basic_text' });
    expect(hasRealEncryption({ safeStorage, platform: 'darwin' })).toBe(true);
    expect(hasRealEncryption({ safeStorage, platform: 'linux' })).toBe(false);
  });

  it('forgets a secret with null, even without encryption', async () => {
    const stored = JSON.stringify({ version: 1, secrets: { 'sync.token': 'ZW5jOng=', other: 'ZW5jOnk=' } });
    const { secrets, files } = service({ available: false, initial: { [FILE]: stored } });
    await expect(secrets.set('sync.token', null)).resolves.toEqual({ stored: true, encrypted: false });
    expect(JSON.parse(files.get(FILE) ?? '')).toEqual({ version: 1, secrets: { other: 'ZW5jOnk=' } });
  });

  it('returns null for a secret never stored, including names of Object.prototype', async () => {
    const { secrets } = service();
    await expect(secrets.get('sync.token')).resolves.toEqual({ value: null, encrypted: true });
    await expect(secrets.get('constructor')).resolves.toEqual({ value: null, encrypted: true });
  });

  it('returns null for a secret that can no longer be decrypted', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const stored = JSON.stringify({ version: 1, secrets: { 'sync.token': Buffer.from('garbage').toString('base64') } });
    const { secrets } = service({ initial: { [FILE]: stored } });
    await expect(secrets.get('sync.token')).resolves.toEqual({ value: null, encrypted: true });
    error.mockRestore();
  });

  it('replaces a damaged file instead of failing forever', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { secrets } = service({ initial: { [FILE]: '{not json' } });
    await expect(secrets.set('sync.token', 'tok')).resolves.toEqual({ stored: true, encrypted: true });
    await expect(secrets.get('sync.token')).resolves.toEqual({ value: 'tok', encrypted: true });
    error.mockRestore();
  });

  it('does not lose a write when two happen at once', async () => {
    const { secrets } = service();
    await Promise.all([secrets.set('a', '1'), secrets.set('b', '2'), secrets.set('c', '3')]);
    for (const [key, value] of [['a', '1'], ['b', '2'], ['c', '3']] as const) {
      await expect(secrets.get(key)).resolves.toEqual({ value, encrypted: true });
    }
  });
});
