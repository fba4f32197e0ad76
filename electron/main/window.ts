import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, NativeTheme } from 'electron';
import { APP_INDEX_URL } from '@shared/security/appOrigin';
import { secureWebPreferences } from './security/webPreferences';

/** Painted before the page has drawn, so the window never flashes white in dark mode (or black in light). */
export const BACKGROUND = { light: '#f7f7f5', dark: '#1c1d1f' } as const;

export function backgroundColorFor(theme: Pick<NativeTheme, 'shouldUseDarkColors'>): string {
  return theme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light;
}

export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindowType;
  nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'> & {
    on(event: 'updated', listener: () => void): unknown;
    off(event: 'updated', listener: () => void): unknown;
  };
  preloadPath: string;
}

/** The console's window, showing app://calma/index.html, shown once it has something to show. */
export function createMainWindow({ BrowserWindow, nativeTheme, preloadPath }: MainWindowDeps): BrowserWindowType {
  const window = new BrowserWindow({
    title: 'Calma',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: backgroundColorFor(nativeTheme),
    webPreferences: secureWebPreferences(preloadPath),
  });

  window.once('ready-to-show', () => window.show());

  const followTheme = () => window.setBackgroundColor(backgroundColorFor(nativeTheme));
  nativeTheme.on('updated', followTheme);
  window.once('closed', () => nativeTheme.off('updated', followTheme));

  window.loadURL(APP_INDEX_URL).catch((error: unknown) => {
    console.error(`Could not load ${APP_INDEX_URL}`, error);
  });
  return window;
}
