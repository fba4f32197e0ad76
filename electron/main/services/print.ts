import type { BaseWindow, WebContents } from 'electron';
import type { IpcResponse } from '@shared/ipc/contract';
import { askWhereToSave } from './files';
import type { FileDialogs, FileSystem } from './fileSystem';

export interface PrintDeps {
  dialogs: FileDialogs;
  fs: FileSystem;
  defaultDirectory: () => string;
  /** The app's locale ("es", "en-GB"…), for the dialog title. */
  locale: () => string;
}

/** The executive summary as a PDF: the page that asked is printed as it is on screen. */
export function createPrintService({ dialogs, fs, defaultDirectory, locale }: PrintDeps) {
  return {
    async toPdf(
      { suggestedName }: { suggestedName: string },
      page: Pick<WebContents, 'printToPDF'>,
      parent: BaseWindow | null,
    ): Promise<IpcResponse<'print.toPdf'>> {
      // Ask first: nothing is rendered if the user cancels.
      const path = await askWhereToSave(dialogs, parent, {
        title: locale().toLowerCase().startsWith('es') ? 'Guardar como PDF' : 'Save as PDF',
        suggestedName: withPdfExtension(suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        defaultDirectory,
      });
      if (path === null) return { saved: false, path: null };

      const pdf = await page.printToPDF({ printBackground: true, pageSize: 'A4' });
      await fs.writeAtomically(path, pdf);
      return { saved: true, path };
    },
  };
}

export function withPdfExtension(name: string): string {
  return /\.pdf$/i.test(name) ? name : `${name}.pdf`;
}
