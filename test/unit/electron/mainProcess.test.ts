import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '@shared/ipc/contract';

// Loads the real electron/main/index.ts against a fake Electron and checks the wiring: what happens
// before ready, what happens at ready, and that IPC reaches the services only from our window.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const emitter = () => {
    const listeners = new Map<string, Listener[]>();
    return {
      listeners,
      on: vi.fn((event: string, listener: Listener) => {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      }),
      emit: (event: string, ...args: unknown[]) => (listeners.get(event) ?? []).forEach((listener) => listener(...args)),
    };
  };

  let resolveReady: () => void = () => undefined;
  const appEvents = emitter();
  const app = {
    ...appEvents,
    setPath: vi.fn(),
    getPath: vi.fn((name: string) => `/profile/${name}`),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    isReady: vi.fn(() => true),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (resolveReady = resolve))),
    getVersion: () => '0.1.0',
    getLocale: () => 'es',
  };

  class BrowserWindow {
    static instances: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.instances;
    static fromWebContents = vi.fn(() => null);
    readonly events = emitter();
    readonly webContents = { id: 1 };
    readonly on = this.events.on;
    readonly once = this.events.on;
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => true);
    readonly isDestroyed = () => false;
    readonly setBackgroundColor = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      BrowserWindow.instances.push(this);
    }
  }

  return {
    ready: () => resolveReady(),
    electron: {
      app,
      BrowserWindow,
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      ipcMain: { handle: vi.fn() },
      session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
      nativeTheme: { shouldUseDarkColors: false, on: vi.fn(), off: vi.fn() },
      clipboard: { writeText: vi.fn() },
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
      Notification: Object.assign(vi.fn(), { isSupported: () => false }),
      safeStorage: {
        isEncryptionAvailable: () => false,
        getSelectedStorageBackend: () => 'unknown',
        encryptString: vi.fn(),
        decryptString: vi.fn(),
      },
      shell: { openExternal: vi.fn() },
    },
  };
});
vi.mock('electron', () => fake.electron);

const { app, protocol, ipcMain, BrowserWindow, clipboard } = fake.electron;

beforeAll(async () => {
  vi.stubEnv('CALMA_USER_DATA_DIR', '/tmp/calma-e2e-profile');
  await import('../../../electron/main/index');
});

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('before the app is ready', () => {
  it('moves the profile for tests before taking the single-instance lock (the lock lives in the profile)', () => {
    expect(app.setPath).toHaveBeenCalledWith('userData', '/tmp/calma-e2e-profile');
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('registers the privileged app: scheme, forces the sandbox and guards every future WebContents', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(app.enableSandbox).toHaveBeenCalledOnce();
    expect(app.listeners.has('web-contents-created')).toBe(true);
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

describe('once ready', () => {
  beforeAll(async () => {
    fake.ready();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('serves app:// and registers one IPC handler per contract channel', () => {
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(
      IPC_CHANNELS.map((channel) => `calma:${channel}`).sort(),
    );
  });

  it('opens one window with the secure preferences, loading app://calma/index.html', () => {
    expect(BrowserWindow.instances).toHaveLength(1);
    const [window] = BrowserWindow.instances;
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((window?.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(window?.loadURL).toHaveBeenCalledWith('app://calma/index.html');
  });

  it("answers IPC from its own window's page and refuses any other sender", async () => {
    const [, clipboardHandler] = ipcMain.handle.mock.calls.find(([channel]) => channel === 'calma:clipboard.writeText') ?? [];
    const frame = { url: 'app://calma/index.html', parent: null };
    const own = { sender: { id: 1 }, senderFrame: frame };
    const stranger = { sender: { id: 2 }, senderFrame: frame };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await expect(clipboardHandler(own, { text: 'Hola' })).resolves.toEqual({ ok: true, value: { ok: true } });
    expect(clipboard.writeText).toHaveBeenCalledWith('Hola');
    await expect(clipboardHandler(stranger, { text: 'Adiós' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('focuses the existing window when a second instance starts', () => {
    const [window] = BrowserWindow.instances;
    app.emit('second-instance');
    expect(window?.restore).toHaveBeenCalled();
    expect(window?.focus).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS', () => {
    app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(app.quit).not.toHaveBeenCalled();
    else expect(app.quit).toHaveBeenCalled();
  });
});
