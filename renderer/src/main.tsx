import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { currentAuthor, followDeviceId } from './app/author';
import { requestPersistentStorage } from './app/persistentStorage';
import { ServicesProvider, type Services } from './app/services';
import { usePreferences, useSession } from './app/uiStore';
import { CalmaDatabase } from './db/database';
import { createMutate } from './db/mutate';
import { CHANGES_CHANNEL, type ChangedIds } from './features/search/protocol';
import { createSearchClient } from './features/search/searchClient';
import { detectHost } from './host';
import { registerOfflineCache } from './app/offlineCache';
import { I18nProvider } from './i18n/I18nProvider';
import { SyncRunner } from './sync/runner';
import { createHttpTransport } from './sync/transport';
import type { TransportFor } from './sync/enrolment';
import { resolveLocale } from './i18n/locale';
import './styles.css';

// The CSP forbids eval; zod would otherwise probe for it on first parse.
z.config({ jitless: true });

// React Aria injects a <style> for touch-action unless an element with this id exists; the CSP
// (style-src 'self') would block it and log a violation. styles.css carries the same rule instead.
const pressableMarker = document.createElement('meta');
pressableMarker.id = 'react-aria-pressable-style';
document.head.append(pressableMarker);

function startServices(): Services {
  const db = new CalmaDatabase();
  followDeviceId(db);
  const search = createSearchClient(new Worker(new URL('./features/search/search.worker.ts', import.meta.url), { type: 'module' }));
  const broadcast = new BroadcastChannel(CHANGES_CHANNEL);
  const host = detectHost();
  // Committed changes go to the other windows and to every search worker, this window's included.
  const announceChanges = (touched: Map<string, Set<string>>) => {
    const changed: ChangedIds = Object.fromEntries([...touched].map(([table, ids]) => [table, [...ids]]));
    broadcast.postMessage(changed);
  };
  const transportFor: TransportFor = (link, token) => createHttpTransport({ baseUrl: link.serverUrl, token });
  const runner = new SyncRunner({
    db,
    host,
    transportFor,
    onChanged: announceChanges,
    onRemoved: () => window.location.reload(),
    locks: navigator.locks,
    events: window,
    isOnline: () => navigator.onLine,
  });
  const mutate = createMutate(db, {
    actor: currentAuthor,
    onCommit: ({ touched }) => {
      announceChanges(touched);
      runner.requestSync();
    },
  });
  // Another window's edits reach this one's runner too (only one window per machine owns sync).
  // Listening on the channel this window posts on: a channel never hears its own messages, so the
  // changes a pull announces here do not ask for yet another sync round.
  broadcast.addEventListener('message', () => runner.requestSync());
  runner.start();
  return { db, mutate, search, host, sync: { runner, transportFor } };
}

function subscribeToLanguages(notify: () => void) {
  window.addEventListener('languagechange', notify);
  return () => window.removeEventListener('languagechange', notify);
}

function Root({ services }: { services: Services }) {
  const choice = usePreferences((s) => s.localeChoice);
  // A string snapshot: navigator.languages may hand out a new array on every read.
  const languages = useSyncExternalStore(subscribeToLanguages, () => navigator.languages.join(','));
  const locale = resolveLocale(choice, languages.split(','));
  return (
    <I18nProvider locale={locale}>
      <ServicesProvider services={services}>
        <App locale={locale} />
      </ServicesProvider>
    </I18nProvider>
  );
}

const services = startServices();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root services={services} />
  </StrictMode>,
);
// The shipped library (330 kB of YAML and its parser) is a chunk of its own, loaded once the console is on screen.
void import('./features/library/defaultLibrary')
  .then(({ seedDefaultLibrary }) => seedDefaultLibrary(services.db, services.mutate))
  .catch((error: unknown) => console.error(error));
void requestPersistentStorage().catch(() => undefined);
void registerOfflineCache(() => useSession.getState().setUpdateReady());
