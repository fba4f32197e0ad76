import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  nativeTheme,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  type WebContents,
} from 'electron';
import { createIpcHandlers } from './ipc/handlers';
import { registerHandlers } from './ipc/handle';
import { registerAppScheme, serveAppProtocol } from './security/appProtocol';
import { openExternalLink } from './security/externalLinks';
import { denyAllPermissions, installNavigationGuards } from './security/navigation';
import { createSenderCheck } from './security/trustedSender';
import { createAppInfoService } from './services/appInfo';
import { createClipboardService } from './services/clipboard';
import { createFilesService } from './services/files';
import { electronFileDialogs, nodeFileSystem } from './services/fileSystem';
import { createNotificationService } from './services/notifications';
import { createPrintService } from './services/print';
import { createSecretsService } from './services/secrets';
import { applyTestHooks } from './testHooks';
import { createMainWindow } from './window';

/**
 * The main process: wires Electron's modules into the security guards, the IPC handlers and the
 * services, which all receive what they use as parameters (see each module).
 */

// Build layout (electron-vite): out/main/index.js, out/preload/index.cjs, out/renderer/.
const here = fileURLToPath(new URL('.', import.meta.url));
const PRELOAD_PATH = join(here, '../preload/index.cjs');
const RENDERER_ROOT = join(here, '../renderer');

let mainWindow: BrowserWindow | null = null;

const openExternal = (url: string) => openExternalLink(url, shell);
const isOwnWebContents = (contents: WebContents) =>
  mainWindow !== null && !mainWindow.isDestroyed() && contents.id === mainWindow.webContents.id;

// Before ready: these must be in place before the first window or request exists.
applyTestHooks(app, process.env);
registerAppScheme(protocol);
app.enableSandbox();
installNavigationGuards(app, openExternal);

if (!app.requestSingleInstanceLock()) {
  // Another Calma is running with this profile; it gets focus through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window open.
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Calma could not start', error);
      app.exit(1);
    });
}

function start(): void {
  denyAllPermissions(session.defaultSession);
  serveAppProtocol(protocol, RENDERER_ROOT, (path) => readFile(path));
  const handlers = createIpcHandlers(createServices(), (sender) => BrowserWindow.fromWebContents(sender));
  registerHandlers(ipcMain, handlers, createSenderCheck(isOwnWebContents));
  openMainWindow();
}

function createServices() {
  const dialogs = electronFileDialogs(dialog);
  const documents = () => app.getPath('documents');
  return {
    appInfo: createAppInfoService({ app, platform: process.platform, electronVersion: process.versions.electron }),
    clipboard: createClipboardService(clipboard),
    notifications: createNotificationService(Notification),
    openExternal,
    files: createFilesService({ dialogs, fs: nodeFileSystem, defaultDirectory: documents }),
    print: createPrintService({ dialogs, fs: nodeFileSystem, defaultDirectory: documents, locale: () => app.getLocale() }),
    secrets: createSecretsService({
      safeStorage,
      platform: process.platform,
      filePath: join(app.getPath('userData'), 'secrets.json'),
      fs: nodeFileSystem,
    }),
  };
}

function openMainWindow(): void {
  mainWindow = createMainWindow({ BrowserWindow, nativeTheme, preloadPath: PRELOAD_PATH });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (mainWindow === null) {
    if (app.isReady()) openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}
