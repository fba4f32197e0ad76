import { liveQuery } from 'dexie';
import { create } from 'zustand';
import { authorToStore, readAuthor, shortDeviceId } from '@shared/domain';
import type { CalmaDatabase } from '../db/database';
import { readDeviceId } from '../db/device';
import type { Translate } from '../i18n/I18nProvider';
import { usePreferences } from './uiStore';

/**
 * This device's id, for the anonymous marker. Held here, fed by one live query (followDeviceId),
 * so that the many components that write history rows (every checklist row) read it for free.
 * Null until the device's first write creates it (the shipped library's seeding, at start-up).
 */
const useDeviceId = create<{ id: string | null }>(() => ({ id: null }));

/** Keeps the device id current: it is created at the first write and renewed on leaving a team. */
export function followDeviceId(db: CalmaDatabase): () => void {
  const subscription = liveQuery(() => readDeviceId(db)).subscribe({
    next: (id) => useDeviceId.setState({ id }),
    error: (error: unknown) => console.error(error),
  });
  return () => subscription.unsubscribe();
}

/** Who is acting, as history rows store it: the name set in Settings, or this device's anonymous marker. */
export function useAuthor(): string {
  const userName = usePreferences((s) => s.userName);
  const deviceId = useDeviceId((s) => s.id);
  return authorToStore(userName, deviceId);
}

/** The same, outside React (the mutation actor, timers). */
export function currentAuthor(): string {
  return authorToStore(usePreferences.getState().userName, useDeviceId.getState().id);
}

/** An author as shown: a name as written; "Anonymous (device 3f2a)" in the interface's language for the marker and for the words older versions stored. */
export function authorLabel(stored: string, t: Translate): string {
  const author = readAuthor(stored);
  if (author.kind === 'person') return author.name;
  return author.deviceId ? t('user.anonymousOnDevice', { device: shortDeviceId(author.deviceId) }) : t('user.anonymous');
}
