/**
 * Where the renderer lives. Calma serves its own files from a privileged custom scheme instead of
 * file://, so the page has a real origin (IndexedDB, workers and CSP 'self' behave as on the web)
 * and file:// keeps none of the extra powers Electron historically gave it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'calma';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The one document of the single-page app. */
export const APP_INDEX_PATH = '/index.html';
export const APP_INDEX_URL = `${APP_ORIGIN}${APP_INDEX_PATH}`;

/**
 * True when `url` is on app://calma exactly: no credentials, no port, no look-alike host.
 *
 * `new URL(url).origin` cannot be used here: for schemes that are not "special" in the WHATWG URL
 * standard (http, https, file, ws…), Node's URL reports the origin as the string "null".
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
