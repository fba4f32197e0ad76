import { describe, expect, it, vi } from 'vitest';
import { applyTestHooks } from '../../../electron/main/testHooks';

describe('applyTestHooks', () => {
  it('points userData at CALMA_USER_DATA_DIR', () => {
    const app = { setPath: vi.fn() };
    applyTestHooks(app, { CALMA_USER_DATA_DIR: '/tmp/calma-e2e-1' });
    expect(app.setPath).toHaveBeenCalledWith('userData', '/tmp/calma-e2e-1');
  });

  it('does nothing without it', () => {
    const app = { setPath: vi.fn() };
    applyTestHooks(app, {});
    applyTestHooks(app, { CALMA_USER_DATA_DIR: '' });
    expect(app.setPath).not.toHaveBeenCalled();
  });

  it('refuses a relative path rather than guessing where it points', () => {
    expect(() => applyTestHooks({ setPath: vi.fn() }, { CALMA_USER_DATA_DIR: 'profile' })).toThrow(/absolute/);
  });
});
