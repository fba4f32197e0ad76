import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFileSystem as fs } from '../../../electron/main/services/fileSystem';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'calma-fs-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('nodeFileSystem', () => {
  it('writes atomically, replacing the file and leaving no temporary file behind', async () => {
    const path = join(dir, 'export.md');
    await fs.writeAtomically(path, 'first');
    await fs.writeAtomically(path, 'second');
    await expect(fs.readTextIfExists(path)).resolves.toBe('second');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('makes private files readable by the user only', async () => {
    const path = join(dir, 'secrets.json');
    await fs.writeAtomically(path, '{}', { privateFile: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('cleans up and fails when the folder does not exist', async () => {
    await expect(fs.writeAtomically(join(dir, 'missing', 'x.md'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads a missing file as null', async () => {
    await expect(fs.readTextIfExists(join(dir, 'nothing.json'))).resolves.toBeNull();
  });

  it('gives the size of a regular file and refuses a folder', async () => {
    const path = join(dir, 'sized.txt');
    await fs.writeAtomically(path, 'abcd');
    await expect(fs.fileSize(path)).resolves.toBe(4);
    await expect(fs.fileSize(dir)).rejects.toThrow(/not a regular file/);
  });

  it('creates folders as needed', async () => {
    const nested = join(dir, 'a', 'b');
    await fs.ensureDirectory(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
  });
});
