import type { BaseWindow, WebContents } from 'electron';
import type { createAppInfoService } from '../services/appInfo';
import type { createClipboardService } from '../services/clipboard';
import type { createFilesService } from '../services/files';
import type { createNotificationService } from '../services/notifications';
import type { createPrintService } from '../services/print';
import type { createSecretsService } from '../services/secrets';
import type { IpcHandlers } from './handle';

export interface Services {
  appInfo: ReturnType<typeof createAppInfoService>;
  clipboard: ReturnType<typeof createClipboardService>;
  notifications: ReturnType<typeof createNotificationService>;
  openExternal: (url: string) => Promise<boolean>;
  files: ReturnType<typeof createFilesService>;
  print: ReturnType<typeof createPrintService>;
  secrets: ReturnType<typeof createSecretsService>;
}

/**
 * Which service answers which channel of the contract. Requests arrive here already checked
 * (sender) and parsed (zod); see ./handle.
 *
 * @param windowOf the window showing a WebContents, so dialogs open attached to it.
 */
export function createIpcHandlers(services: Services, windowOf: (sender: WebContents) => BaseWindow | null): IpcHandlers {
  return {
    'app.info': () => services.appInfo.get(),
    'clipboard.writeText': ({ text }) => services.clipboard.writeText(text),
    'notification.show': ({ title, body }) => services.notifications.show(title, body),
    'links.openExternal': async ({ url }) => ({ opened: await services.openExternal(url) }),
    'file.openText': (request, { sender }) => services.files.openText(request, windowOf(sender)),
    'file.saveText': (request, { sender }) => services.files.saveText(request, windowOf(sender)),
    'print.toPdf': (request, { sender }) => services.print.toPdf(request, sender, windowOf(sender)),
    'secrets.get': ({ key }) => services.secrets.get(key),
    'secrets.set': ({ key, value }) => services.secrets.set(key, value),
  };
}
