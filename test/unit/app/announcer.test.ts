import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_JOINED_LINES, useAnnouncer } from '../../../renderer/src/app/announcer';

const state = () => useAnnouncer.getState();

describe('the announcer', () => {
  beforeEach(() => state().clear());

  it('a plain message replaces the one shown', () => {
    state().announce('Saved');
    state().announce('Copied');
    expect(state().message).toBe('Copied');
  });

  it('joined messages pile up as lines while one is shown, so none is lost', () => {
    state().announce('Eva: no answer. Call Luis now.', 'info', { join: true });
    state().announce('Nadia: nobody reached.', 'info', { join: true });
    state().announce('Luis: no answer. Call Marta now.', 'info', { join: true });
    expect(state().message.split('\n')).toEqual(['Eva: no answer. Call Luis now.', 'Nadia: nobody reached.', 'Luis: no answer. Call Marta now.']);
  });

  it('a joined message does not join a plain one, nor one already cleared', () => {
    state().announce('Saved');
    state().announce('Eva: no answer.', 'info', { join: true });
    expect(state().message).toBe('Eva: no answer.');
    state().clear();
    state().announce('Luis: no answer.', 'info', { join: true });
    expect(state().message).toBe('Luis: no answer.');
    // A plain message after joined ones starts afresh.
    state().announce('Copied');
    state().announce('Nadia: nobody reached.', 'info', { join: true });
    expect(state().message).toBe('Nadia: nobody reached.');
  });

  it('keeps the latest lines only, and an error keeps the toast an error', () => {
    state().announce('could not record', 'error', { join: true });
    for (let i = 0; i < MAX_JOINED_LINES + 2; i += 1) state().announce(`line ${i}`, 'info', { join: true });
    const lines = state().message.split('\n');
    expect(lines).toHaveLength(MAX_JOINED_LINES);
    expect(lines.at(-1)).toBe(`line ${MAX_JOINED_LINES + 1}`);
    expect(state().tone).toBe('error');
  });

  it('every announcement gets a new id (the toast restarts its timer)', () => {
    const before = state().id;
    state().announce('a', 'info', { join: true });
    state().announce('b', 'info', { join: true });
    expect(state().id).toBe(before + 2);
  });
});
