import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_KEY, IPC_CHANNELS, type CalmaBridge } from '@shared/ipc/contract';
import { BRIDGE_ERROR_MESSAGE, CalmaIpcError } from '../../../shared/ipc/envelope';

// The real preload module, with Electron replaced by spies.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), send: vi.fn(), on: vi.fn() },
}));
vi.mock('electron', () => electron);

let bridge: CalmaBridge;

beforeAll(async () => {
  await import('../../../electron/preload/index');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  expect(key).toBe(BRIDGE_KEY);
  bridge = api as CalmaBridge;
});

describe('preload bridge', () => {
  it('exposes exactly one method per channel of the contract, and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) expect(bridge[channel]).toBeTypeOf('function');
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer.invoke);
  });

  it('invokes the prefixed channel with the request and resolves with the value', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { ok: true } });
    await expect(bridge['clipboard.writeText']({ text: 'Hola' })).resolves.toEqual({ ok: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('calma:clipboard.writeText', { text: 'Hola' });
  });

  it('rejects with an Error carrying the code and message of an {ok:false} envelope', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'invalid', message: 'bad key' } });
    const rejection = bridge['secrets.get']({ key: 'sync.token' });
    await expect(rejection).rejects.toBeInstanceOf(CalmaIpcError);
    await expect(rejection).rejects.toMatchObject({ code: 'invalid', message: '[invalid] bad key' });
  });

  it('puts the code in the message too, since the contextBridge only copies the message', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', message: 'no' } });
    const message = await bridge['app.info']({}).then(
      () => 'resolved',
      (reason: Error) => reason.message,
    );
    expect(BRIDGE_ERROR_MESSAGE.exec(message)?.slice(1)).toEqual(['forbidden', 'no']);
  });

  it.each([undefined, null, 'ok', { ok: 'yes' }, { ok: false }, { ok: false, error: { code: 'root', message: 'x' } }])(
    'rejects a malformed envelope: %j',
    async (envelope) => {
      electron.ipcRenderer.invoke.mockResolvedValueOnce(envelope);
      await expect(bridge['app.info']({})).rejects.toMatchObject({ code: 'failed' });
    },
  );
});
