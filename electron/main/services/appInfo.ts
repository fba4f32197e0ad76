import type { App } from 'electron';
import type { IpcResponse } from '@shared/ipc/contract';

export interface AppInfoDeps {
  app: Pick<App, 'getVersion' | 'getLocale'>;
  platform: string;
  electronVersion: string;
}

/** What the About box and bug reports show. */
export function createAppInfoService({ app, platform, electronVersion }: AppInfoDeps) {
  return {
    get(): IpcResponse<'app.info'> {
      return { version: app.getVersion(), platform, locale: app.getLocale(), electron: electronVersion };
    },
  };
}
