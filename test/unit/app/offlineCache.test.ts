import { describe, expect, it, vi } from 'vitest';
import { sameBuild, watchForUpdate } from '../../../renderer/src/app/offlineCache';

/** navigator.serviceWorker as far as watchForUpdate sees it: workers taking control. */
function workers() {
  const events = new EventTarget();
  return { addEventListener: events.addEventListener.bind(events), takeOver: () => events.dispatchEvent(new Event('controllerchange')) };
}

/** Lets the check of which build a worker caches (a promise) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('noticing a new release of the browser build', () => {
  it('says so when a worker caching another build takes over', async () => {
    const container = workers();
    const onUpdateReady = vi.fn();
    watchForUpdate(container, async () => false, onUpdateReady);
    expect(onUpdateReady).not.toHaveBeenCalled();
    container.takeOver();
    await settle();
    expect(onUpdateReady).toHaveBeenCalledTimes(1);
  });

  it('says nothing when the worker caches this very build (a first visit, a reload past the cache)', async () => {
    const container = workers();
    const onUpdateReady = vi.fn();
    watchForUpdate(container, async () => true, onUpdateReady);
    container.takeOver();
    await settle();
    expect(onUpdateReady).not.toHaveBeenCalled();
  });

  it('says so once, for a page first taken over by its own build and later by new releases', async () => {
    const container = workers();
    const builds = [true, false, false];
    const onUpdateReady = vi.fn();
    watchForUpdate(container, async () => builds.shift()!, onUpdateReady);
    container.takeOver();
    await settle();
    expect(onUpdateReady).not.toHaveBeenCalled();
    container.takeOver();
    container.takeOver();
    await settle();
    expect(onUpdateReady).toHaveBeenCalledTimes(1);
  });
});

describe('telling builds apart by the script the shell starts', () => {
  /** A page as sameBuild reads it: its first module script (the console's own, in a browser). */
  const page = (entry: string | null) =>
    ({ querySelector: (selector: string) => (selector === 'script[type="module"][src]' && entry ? { getAttribute: (name: string) => (name === 'src' ? entry : null) } : null) }) as unknown as Document;
  const shell = (entry: string) => `<!doctype html><script type="module" crossorigin src="${entry}"></script>`;

  it('is the same build when the shell starts the same script', () => {
    expect(sameBuild(page('./assets/index-A1.js'), shell('./assets/index-A1.js'))).toBe(true);
  });

  it('is another build when the shell starts another script, even one whose name contains this one', () => {
    expect(sameBuild(page('./assets/index-A1.js'), shell('./assets/index-B2.js'))).toBe(false);
    expect(sameBuild(page('./assets/index-A1.js'), shell('./assets/index-A1.js.map'))).toBe(false);
  });

  it('is never the same build for a page that did not start from a shell script', () => {
    expect(sameBuild(page(null), shell('./assets/index-A1.js'))).toBe(false);
  });
});
