import type { BaseWindow, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createAppInfoService } from '../../../electron/main/services/appInfo';
import { createClipboardService } from '../../../electron/main/services/clipboard';
import { createFilesService, MAX_OPEN_FILE_BYTES } from '../../../electron/main/services/files';
import type { FileDialogs, FileSystem } from '../../../electron/main/services/fileSystem';
import { createNotificationService, type NotificationClass } from '../../../electron/main/services/notifications';
import { createPrintService, withPdfExtension } from '../../../electron/main/services/print';
import { UserFacingError } from '../../../electron/main/ipc/handle';

function fakeFileSystem(files: Record<string, string | Uint8Array> = {}, sizes: Record<string, number> = {}) {
  const written = new Map<string, string | Uint8Array>();
  const fs: FileSystem = {
    fileSize: vi.fn(async (path: string) => {
      if (path in sizes) return sizes[path] as number;
      if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return String(files[path]).length;
    }),
    readBytes: vi.fn(async (path: string) => {
      const content = files[path];
      return typeof content === 'string' ? new TextEncoder().encode(content) : (content ?? new Uint8Array());
    }),
    readTextIfExists: vi.fn(async (path: string) => (path in files ? String(files[path]) : null)),
    writeAtomically: vi.fn(async (path: string, data: string | Uint8Array) => {
      written.set(path, data);
    }),
    ensureDirectory: vi.fn(async () => undefined),
  };
  return { fs, written };
}

function fakeDialogs({ open = [] as string[], save = undefined as string | undefined } = {}) {
  const dialogs: FileDialogs = {
    showOpenDialog: vi.fn(async () => ({ canceled: open.length === 0, filePaths: open })),
    showSaveDialog: vi.fn(async () => ({ canceled: save === undefined, filePath: save ?? '' })),
  };
  return dialogs;
}

const parent = { id: 1 } as unknown as BaseWindow;
const documents = () => '/home/ana/Documents';

describe('clipboard service', () => {
  it('writes plain text to the system clipboard', () => {
    const clipboard = { writeText: vi.fn() };
    expect(createClipboardService(clipboard).writeText('Respuesta aprobada')).toEqual({ ok: true });
    expect(clipboard.writeText).toHaveBeenCalledWith('Respuesta aprobada');
  });
});

describe('notification service', () => {
  function fakeNotificationClass(supported: boolean) {
    const instances: Array<{ options: unknown; show: ReturnType<typeof vi.fn>; once: ReturnType<typeof vi.fn> }> = [];
    const Notification = vi.fn(function (this: unknown, options: unknown) {
      const instance = { options, show: vi.fn(), once: vi.fn() };
      instances.push(instance);
      return instance;
    }) as unknown as NotificationClass;
    Notification.isSupported = () => supported;
    return { Notification, instances };
  }

  it('shows a notification when the platform supports them', () => {
    const { Notification, instances } = fakeNotificationClass(true);
    expect(createNotificationService(Notification).show('Paso vencido', 'Comunicado inicial')).toEqual({ shown: true });
    expect(instances[0]?.options).toMatchObject({ title: 'Paso vencido', body: 'Comunicado inicial' });
    expect(instances[0]?.show).toHaveBeenCalled();
  });

  it('reports shown: false when they are not supported', () => {
    const { Notification, instances } = fakeNotificationClass(false);
    expect(createNotificationService(Notification).show('a', 'b')).toEqual({ shown: false });
    expect(instances).toHaveLength(0);
  });
});

describe('files service', () => {
  it('opens a text file chosen by the user, attached to the window, without its BOM', async () => {
    const { fs } = fakeFileSystem({ '/home/ana/contactos.csv': '\uFEFFnombre,teléfono' });
    const dialogs = fakeDialogs({ open: ['/home/ana/contactos.csv'] });
    const files = createFilesService({ dialogs, fs, defaultDirectory: documents });
    const filters = [{ name: 'CSV', extensions: ['csv'] }];
    await expect(files.openText({ title: 'Importar', filters }, parent)).resolves.toEqual({
      name: 'contactos.csv',
      text: 'nombre,teléfono',
      encoding: 'utf-8',
    });
    expect(dialogs.showOpenDialog).toHaveBeenCalledWith({ title: 'Importar', filters, properties: ['openFile'] }, parent);
  });

  it('reads a file that is not UTF-8 as Windows-1252, and says so', async () => {
    const path = '/home/ana/excel.csv';
    const { fs } = fakeFileSystem({ [path]: Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9]) });
    const files = createFilesService({ dialogs: fakeDialogs({ open: [path] }), fs, defaultDirectory: documents });
    await expect(files.openText({ title: 'Importar', filters: [] }, null)).resolves.toEqual({ name: 'excel.csv', text: 'José', encoding: 'windows-1252' });
  });

  it('returns null when the user cancels', async () => {
    const { fs } = fakeFileSystem();
    const files = createFilesService({ dialogs: fakeDialogs(), fs, defaultDirectory: documents });
    await expect(files.openText({ title: 'Importar', filters: [] }, null)).resolves.toBeNull();
  });

  it('refuses a file over 200 MB with a clear error, without reading it', async () => {
    const path = '/home/ana/export.json';
    const { fs } = fakeFileSystem({}, { [path]: MAX_OPEN_FILE_BYTES + 1 });
    const files = createFilesService({ dialogs: fakeDialogs({ open: [path] }), fs, defaultDirectory: documents });
    const opening = files.openText({ title: 'Importar', filters: [] }, null);
    await expect(opening).rejects.toBeInstanceOf(UserFacingError);
    await expect(opening).rejects.toThrow('"export.json" is 200.1 MB; Calma opens files of up to 200 MB.');
    expect(fs.readBytes).not.toHaveBeenCalled();
  });

  it('accepts a file of exactly 200 MB', async () => {
    const path = '/home/ana/export.json';
    const { fs } = fakeFileSystem({ [path]: '{}' }, { [path]: MAX_OPEN_FILE_BYTES });
    const files = createFilesService({ dialogs: fakeDialogs({ open: [path] }), fs, defaultDirectory: documents });
    await expect(files.openText({ title: 'Importar', filters: [] }, null)).resolves.toEqual({ name: 'export.json', text: '{}', encoding: 'utf-8' });
  });

  it('saves text where the user chose, starting in the documents folder', async () => {
    const { fs, written } = fakeFileSystem();
    const dialogs = fakeDialogs({ save: '/home/ana/Documents/cronologia.md' });
    const files = createFilesService({ dialogs, fs, defaultDirectory: documents });
    await expect(
      files.saveText({ title: 'Exportar', suggestedName: 'cronologia.md', text: '# Cronología', filters: [] }, parent),
    ).resolves.toEqual({ saved: true, path: '/home/ana/Documents/cronologia.md' });
    expect(written.get('/home/ana/Documents/cronologia.md')).toBe('# Cronología');
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Exportar', defaultPath: '/home/ana/Documents/cronologia.md' }),
      parent,
    );
  });

  it('writes nothing when the user cancels the save', async () => {
    const { fs, written } = fakeFileSystem();
    const files = createFilesService({ dialogs: fakeDialogs(), fs, defaultDirectory: documents });
    await expect(files.saveText({ title: 'Exportar', suggestedName: 'a.md', text: 'x', filters: [] }, null)).resolves.toEqual({
      saved: false,
      path: null,
    });
    expect(written.size).toBe(0);
  });
});

describe('print service', () => {
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

  it('prints the page to an A4 PDF with backgrounds and saves it where the user chose', async () => {
    const { fs, written } = fakeFileSystem();
    const dialogs = fakeDialogs({ save: '/home/ana/Documents/resumen.pdf' });
    const page = { printToPDF: vi.fn(async () => Buffer.from(pdf)) } as unknown as WebContents;
    const print = createPrintService({ dialogs, fs, defaultDirectory: documents, locale: () => 'es-ES' });
    await expect(print.toPdf({ suggestedName: 'resumen' }, page, parent)).resolves.toEqual({
      saved: true,
      path: '/home/ana/Documents/resumen.pdf',
    });
    expect(page.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect(written.get('/home/ana/Documents/resumen.pdf')).toEqual(Buffer.from(pdf));
    expect(dialogs.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Guardar como PDF',
        defaultPath: '/home/ana/Documents/resumen.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
      parent,
    );
  });

  it('does not render anything when the user cancels', async () => {
    const { fs } = fakeFileSystem();
    const page = { printToPDF: vi.fn() } as unknown as WebContents;
    const print = createPrintService({ dialogs: fakeDialogs(), fs, defaultDirectory: documents, locale: () => 'en' });
    await expect(print.toPdf({ suggestedName: 'summary.pdf' }, page, null)).resolves.toEqual({ saved: false, path: null });
    expect(page.printToPDF).not.toHaveBeenCalled();
  });

  it.each([
    ['resumen', 'resumen.pdf'],
    ['resumen.pdf', 'resumen.pdf'],
    ['Resumen.PDF', 'Resumen.PDF'],
  ])('names %s as %s', (name, expected) => {
    expect(withPdfExtension(name)).toBe(expected);
  });
});

describe('app info service', () => {
  it('reports version, platform, locale and Electron version', () => {
    const app = { getVersion: () => '0.1.0', getLocale: () => 'es-ES' };
    expect(createAppInfoService({ app, platform: 'linux', electronVersion: '40.10.2' }).get()).toEqual({
      version: '0.1.0',
      platform: 'linux',
      locale: 'es-ES',
      electron: '40.10.2',
    });
  });
});
