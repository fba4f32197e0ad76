import { describe, expect, it } from 'vitest';
import { Wakeup } from '../../../renderer/src/sync/backoff';

describe('Wakeup', () => {
  it('wakes a waiter at once when signalled, but in a task of its own, not in the signaller’s microtasks', async () => {
    const wakeup = new Wakeup();
    let woken = false;
    const waiting = wakeup.wait(60_000).then(() => (woken = true));
    wakeup.signal();
    // Microtasks of the signaller (where a Dexie transaction's zone would still be current) run first.
    for (let i = 0; i < 50; i += 1) await Promise.resolve();
    expect(woken).toBe(false);
    await waiting;
    expect(woken).toBe(true);
  });

  it('remembers a signal sent while nobody waits, for the next wait only', async () => {
    const wakeup = new Wakeup();
    wakeup.signal();
    await wakeup.wait(60_000);
    const second = await Promise.race([wakeup.wait(20).then(() => 'timed out'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5))]);
    expect(second).toBe('still waiting');
  });
});
