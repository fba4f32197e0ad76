import { describe, expect, it, vi } from 'vitest';
import { watchForUpdate, type WorkerContainer } from '../../../renderer/src/app/offlineCache';

/** navigator.serviceWorker as far as watchForUpdate sees it: a controller, and its takeovers. */
function container(controlledAtLoad: boolean) {
  const events = new EventTarget();
  const fake = {
    controller: controlledAtLoad ? ({} as ServiceWorker) : null,
    addEventListener: events.addEventListener.bind(events),
    takeOver() {
      fake.controller = {} as ServiceWorker;
      events.dispatchEvent(new Event('controllerchange'));
    },
  };
  return fake as WorkerContainer & { takeOver(): void };
}

describe('noticing a new release of the browser build', () => {
  it('says so when a new service worker takes over a page an older one served', () => {
    const workers = container(true);
    const onUpdateReady = vi.fn();
    watchForUpdate(workers, onUpdateReady);
    expect(onUpdateReady).not.toHaveBeenCalled();
    workers.takeOver();
    expect(onUpdateReady).toHaveBeenCalledTimes(1);
  });

  it('says nothing when the first worker takes over a page loaded from the network (first visit)', () => {
    const workers = container(false);
    const onUpdateReady = vi.fn();
    watchForUpdate(workers, onUpdateReady);
    workers.takeOver();
    expect(onUpdateReady).not.toHaveBeenCalled();
  });

  it('says so once, however many releases install while the page stays open', () => {
    const workers = container(true);
    const onUpdateReady = vi.fn();
    watchForUpdate(workers, onUpdateReady);
    workers.takeOver();
    workers.takeOver();
    expect(onUpdateReady).toHaveBeenCalledTimes(1);
  });
});
