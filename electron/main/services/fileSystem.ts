import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type {
  BaseWindow,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';

/**
 * The file system and dialogs as the services see them: small interfaces, so tests hand in fakes
 * and the services never import Electron or node:fs themselves.
 */

export interface FileDialogs {
  showOpenDialog(options: OpenDialogOptions, parent: BaseWindow | null): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions, parent: BaseWindow | null): Promise<SaveDialogReturnValue>;
}

export interface FileSystem {
  /** Size in bytes of a regular file; throws for anything else (directory, missing file…). */
  fileSize(path: string): Promise<number>;
  /** The file's bytes, for text whose encoding is not known in advance (see decodeText). */
  readBytes(path: string): Promise<Uint8Array>;
  /** The file's text, or null if it does not exist. */
  readTextIfExists(path: string): Promise<string | null>;
  /**
   * Writes through a temporary file and a rename, so a crash never leaves half a file.
   * `privateFile` makes it readable by the user only (0600), for secrets.
   */
  writeAtomically(path: string, data: string | Uint8Array, options?: { privateFile?: boolean }): Promise<void>;
  ensureDirectory(path: string): Promise<void>;
}

/** Electron's dialog module, attached to the window that asked when there is one. */
export function electronFileDialogs(dialog: {
  showOpenDialog(window: BaseWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: BaseWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}): FileDialogs {
  return {
    showOpenDialog: (options, parent) => (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)),
    showSaveDialog: (options, parent) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
  };
}

export const nodeFileSystem: FileSystem = {
  async fileSize(path) {
    const stats = await stat(path);
    if (!stats.isFile()) throw new Error(`${path} is not a regular file`);
    return stats.size;
  },
  readBytes: (path) => readFile(path),
  async readTextIfExists(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  async writeAtomically(path, data, { privateFile = false } = {}) {
    // Next to the target, so the rename stays on one file system and is atomic.
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    try {
      await writeFile(temporary, data, privateFile ? { mode: 0o600 } : {});
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  },
  async ensureDirectory(path) {
    await mkdir(path, { recursive: true });
  },
};
