import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { BACKGROUND, createMainWindow } from '../../../electron/main/window';
import { secureWebPreferences } from '../../../electron/main/security/webPreferences';

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  show = vi.fn();
  setBackgroundColor = vi.fn();
  loadURL = vi.fn(async () => undefined);
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
}

function open(dark = false) {
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: dark });
  const window = createMainWindow({
    BrowserWindow: FakeBrowserWindow as never,
    nativeTheme,
    preloadPath: '/app/out/preload/index.cjs',
  }) as unknown as FakeBrowserWindow;
  return { window, nativeTheme };
}

describe('createMainWindow', () => {
  it('opens a 1280×800 window titled Calma, hidden until ready, with the secure preferences', () => {
    const { window } = open();
    expect(window.options).toMatchObject({
      title: 'Calma',
      width: 1280,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      show: false,
      backgroundColor: BACKGROUND.light,
    });
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs'));
  });

  it('loads the app from app://calma, never file://', () => {
    const { window } = open();
    expect(window.loadURL).toHaveBeenCalledWith('app://calma/index.html');
  });

  it('shows itself when ready to show', () => {
    const { window } = open();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('follows the system theme for its background', () => {
    const { window, nativeTheme } = open(true);
    expect(window.options.backgroundColor).toBe(BACKGROUND.dark);
    nativeTheme.shouldUseDarkColors = false;
    nativeTheme.emit('updated');
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(BACKGROUND.light);
    window.emit('closed');
    expect(nativeTheme.listenerCount('updated')).toBe(0);
  });
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, with no Node and no webview', () => {
    expect(secureWebPreferences('/p/index.cjs')).toEqual({
      preload: '/p/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    });
  });
});
