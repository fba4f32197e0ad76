import { basename, join } from 'node:path';
import type { BaseWindow, FileFilter } from 'electron';
import type { IpcResponse } from '@shared/ipc/contract';
import { decodeText } from '@shared/text/decodeText';
import { UserFacingError } from '../ipc/handle';
import type { FileDialogs, FileSystem } from './fileSystem';

/** Larger text files are refused before being read: they would freeze the page, not help anyone. */
export const MAX_OPEN_FILE_BYTES = 200 * 1024 * 1024;

export interface FilesDeps {
  dialogs: FileDialogs;
  fs: FileSystem;
  /** Where save dialogs start (the user's documents folder). */
  defaultDirectory: () => string;
}

/** Importing and exporting text (contacts, answer libraries, timelines) chosen by the user. */
export function createFilesService({ dialogs, fs, defaultDirectory }: FilesDeps) {
  return {
    async openText(
      { title, filters }: { title: string; filters: FileFilter[] },
      parent: BaseWindow | null,
    ): Promise<IpcResponse<'file.openText'>> {
      const choice = await dialogs.showOpenDialog({ title, filters, properties: ['openFile'] }, parent);
      const path = choice.filePaths[0];
      if (choice.canceled || path === undefined) return null;

      const name = basename(path);
      const size = await fs.fileSize(path);
      if (size > MAX_OPEN_FILE_BYTES) {
        throw new UserFacingError(
          `"${name}" is ${megabytes(size)} MB; Calma opens files of up to ${megabytes(MAX_OPEN_FILE_BYTES)} MB.`,
        );
      }
      // Decoded strictly (a file that is not UTF-8 is read as Windows-1252 and says so), without
      // its byte-order mark, common in files saved by Windows tools.
      return { name, ...decodeText(await fs.readBytes(path)) };
    },

    async saveText(
      { title, suggestedName, text, filters }: { title: string; suggestedName: string; text: string; filters: FileFilter[] },
      parent: BaseWindow | null,
    ): Promise<IpcResponse<'file.saveText'>> {
      const path = await askWhereToSave(dialogs, parent, { title, suggestedName, filters, defaultDirectory });
      if (path === null) return { saved: false, path: null };
      await fs.writeAtomically(path, text);
      return { saved: true, path };
    },
  };
}

/** The path the user chose in a save dialog, or null if they cancelled. */
export async function askWhereToSave(
  dialogs: FileDialogs,
  parent: BaseWindow | null,
  options: { title: string; suggestedName: string; filters: FileFilter[]; defaultDirectory: () => string },
): Promise<string | null> {
  const choice = await dialogs.showSaveDialog(
    {
      title: options.title,
      // The contract only accepts a bare file name, so joining cannot leave the folder.
      defaultPath: join(options.defaultDirectory(), options.suggestedName),
      filters: options.filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    },
    parent,
  );
  if (choice.canceled || !choice.filePath) return null;
  return choice.filePath;
}

/** Rounded up to a tenth, so a file just over the limit never reads as "200 MB". */
function megabytes(bytes: number): string {
  return String(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);
}
