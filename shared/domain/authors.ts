/**
 * Who did something, as stored in history rows (`by`, `createdBy`, `declaredBy`, `doneBy`).
 *
 * A person who has not set a name is stored as a marker, never as a word: a translated word
 * ("anónimo" on one machine, "anonymous" on another) would sync to the team and read as somebody's
 * name. The marker carries the writing device's id when known, so that two anonymous machines can
 * be told apart; the interface turns it into "Anonymous (device 3f2a)" in its own language when
 * showing it.
 */
export const ANONYMOUS_AUTHOR = '@anonymous';

const ANONYMOUS_PATTERN = /^@anonymous(?:\/([A-Za-z0-9_-]{1,40}))?$/;

/**
 * What earlier versions stored for "no name": the interface's word, lower case. Only these exact
 * words are read as anonymous; "Anonymous" with a capital, or any other spelling, stays a name
 * (somebody may have typed it as their name on purpose).
 */
const LEGACY_ANONYMOUS_WORDS: ReadonlySet<string> = new Set(['anonymous', 'anónimo']);

export type Author = { kind: 'person'; name: string } | { kind: 'anonymous'; deviceId: string | null };

/** The value to store as the author: the person's name, or the anonymous marker of this device. */
export function authorToStore(userName: string, deviceId: string | null): string {
  const name = userName.trim();
  if (name) return name;
  return deviceId && /^[A-Za-z0-9_-]{1,40}$/.test(deviceId) ? `${ANONYMOUS_AUTHOR}/${deviceId}` : ANONYMOUS_AUTHOR;
}

export function readAuthor(stored: string): Author {
  const marker = ANONYMOUS_PATTERN.exec(stored);
  if (marker) return { kind: 'anonymous', deviceId: marker[1] ?? null };
  // NFC: an "anónimo" typed or synced with a combining accent is the same word.
  if (LEGACY_ANONYMOUS_WORDS.has(stored.normalize('NFC'))) return { kind: 'anonymous', deviceId: null };
  return { kind: 'person', name: stored };
}

/**
 * Four characters that tell devices apart on screen. Calma's device ids are "d" and 18 random hex
 * digits (renderer/src/db/device.ts); the "d" says nothing, so it is skipped.
 */
export function shortDeviceId(deviceId: string): string {
  return (/^d[0-9a-f]{4}/.test(deviceId) ? deviceId.slice(1) : deviceId).slice(0, 4);
}
