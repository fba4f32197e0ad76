import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '@shared/ipc/contract';
import {
  registerHandler,
  registerHandlers,
  UserFacingError,
  type IpcHandler,
  type IpcHandlers,
} from '../../../electron/main/ipc/handle';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    handle: vi.fn((channel: string, listener: Listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    }),
  };
}

const sender = { id: 7 } as WebContents;
const trustedEvent = { sender, senderFrame: { url: 'app://calma/index.html' } } as unknown as IpcMainInvokeEvent;
const trusted = () => true;
const untrusted = () => false;

function register<C extends IpcChannel>(channel: C, handler: IpcHandler<C>, senderCheck = trusted) {
  const ipcMain = fakeIpcMain();
  registerHandler(ipcMain, channel, handler, senderCheck);
  const listener = ipcMain.listeners.get(`calma:${channel}`);
  if (!listener) throw new Error('not registered');
  return (request: unknown, event = trustedEvent) => listener(event, request);
}

describe('registerHandler', () => {
  it('registers on the prefixed wire channel and returns the value in an ok envelope', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    const call = register('clipboard.writeText', handler);
    await expect(call({ text: 'Hola' })).resolves.toEqual({ ok: true, value: { ok: true } });
    expect(handler).toHaveBeenCalledWith({ text: 'Hola' }, { sender });
  });

  it('refuses an untrusted sender before looking at the request', async () => {
    const handler = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const call = register('clipboard.writeText', handler, untrusted);
    const result = await call({ text: 'Hola' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it.each([
    ['a missing field', {}],
    ['a wrong type', { text: 42 }],
    ['an unknown field', { text: 'Hola', extra: true }],
    ['no request at all', undefined],
    ['a string instead of an object', 'Hola'],
    ['a text over the limit', { text: 'x'.repeat(1_000_001) }],
  ])('refuses %s as invalid, without calling the handler', async (_why, request) => {
    const handler = vi.fn();
    const result = await register('clipboard.writeText', handler)(request);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('clipboard.writeText') } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('validates with the channel\u2019s own schema (secret keys are restricted)', async () => {
    const handler = vi.fn();
    const result = await register('secrets.get', handler)({ key: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('passes on the message of a user-facing failure', async () => {
    const call = register('file.openText', () => {
      throw new UserFacingError('"big.csv" is 300 MB; Calma opens files of up to 200 MB.');
    });
    await expect(call({ title: 'Abrir', filters: [] })).resolves.toEqual({
      ok: false,
      error: { code: 'failed', message: '"big.csv" is 300 MB; Calma opens files of up to 200 MB.' },
    });
  });

  it('hides the details of an unexpected failure from the page and logs them', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const call = register('file.openText', async () => {
      throw new Error("EACCES: permission denied, open '/home/ana/secret.csv'");
    });
    const result = (await call({ title: 'Abrir', filters: [] })) as { ok: false; error: { message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.message).not.toMatch(/EACCES|secret/);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('cannot register a channel that is not in the contract', () => {
    const ipcMain = fakeIpcMain();
    const register = () =>
      registerHandler(ipcMain, 'shell.exec' as unknown as IpcChannel, vi.fn() as never, trusted);
    expect(register).toThrow(/not in shared\/ipc\/contract/);
    expect(ipcMain.handle).not.toHaveBeenCalled();
    // @ts-expect-error unknown channels are also a type error
    expect(() => registerHandler(ipcMain, 'shell.exec', vi.fn(), trusted)).toThrow();
  });
});

describe('registerHandlers', () => {
  it('registers exactly one handler per channel of the contract', () => {
    const ipcMain = fakeIpcMain();
    const handlers = Object.fromEntries(IPC_CHANNELS.map((channel) => [channel, vi.fn()])) as unknown as IpcHandlers;
    registerHandlers(ipcMain, handlers, trusted);
    expect([...ipcMain.listeners.keys()].sort()).toEqual(IPC_CHANNELS.map((channel) => `calma:${channel}`).sort());
  });
});
