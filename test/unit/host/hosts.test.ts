import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type CalmaBridge } from '../../../shared/ipc/contract';
import { createElectronHost, HostError } from '../../../renderer/src/host/electronHost';

function fakeBridge(overrides: Partial<Record<keyof CalmaBridge, (r: unknown) => Promise<unknown>>> = {}): CalmaBridge {
  return Object.fromEntries(IPC_CHANNELS.map((c) => [c, overrides[c] ?? vi.fn(async () => ({}))])) as unknown as CalmaBridge;
}

describe('the Electron host', () => {
  it('calls exactly one bridge method per host call, with the contract shape', async () => {
    const write = vi.fn(async () => ({ ok: true }));
    const save = vi.fn(async () => ({ saved: true, path: '/tmp/x.yaml' }));
    const host = createElectronHost(fakeBridge({ 'clipboard.writeText': write, 'file.saveText': save }));
    await host.copyText('hola');
    expect(write).toHaveBeenCalledWith({ text: 'hola' });
    expect(await host.saveTextFile('t', 'x.yaml', 'body', [])).toBe(true);
    expect(save).toHaveBeenCalledWith({ title: 't', suggestedName: 'x.yaml', text: 'body', filters: [] });
  });

  it('turns the bridge’s "[code] detail" rejections back into a HostError with the detail', async () => {
    const host = createElectronHost(fakeBridge({ 'clipboard.writeText': async () => Promise.reject(new Error('[forbidden] not from the app window')) }));
    const error = await host.copyText('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'forbidden', message: 'not from the app window' });
  });

  it('passes other errors through unchanged', async () => {
    const boom = new Error('something else');
    const host = createElectronHost(fakeBridge({ 'notification.show': async () => Promise.reject(boom) }));
    await expect(host.notify('a', 'b')).rejects.toBe(boom);
  });
});
