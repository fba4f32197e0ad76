import type { App, Session, WebContents } from 'electron';
import { APP_INDEX_PATH, isAppUrl } from '@shared/security/appOrigin';

/**
 * Calma's windows never leave the app: no navigation, no redirect, no new window, no <webview>,
 * no permission granted. Links meant for the outside go through the external-link allow-list.
 */

/** The only navigation allowed: (re)loading the app's own single document. */
export function isAllowedNavigation(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/' || pathname === APP_INDEX_PATH;
}

export type OpenExternal = (url: string) => Promise<unknown>;

/** Applies every guard to one WebContents. */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const denyUnlessAllowed = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  // will-navigate covers the main frame; will-frame-navigate every frame; will-redirect the
  // server-side redirects of a navigation already started.
  contents.on('will-navigate', denyUnlessAllowed);
  contents.on('will-frame-navigate', denyUnlessAllowed);
  contents.on('will-redirect', denyUnlessAllowed);

  // No window is ever opened; a link the page wanted to open goes to the allow-list instead
  // (which refuses anything that is not https:, mailto: or tel:).
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url).catch((error: unknown) => console.error('Could not open an external link', error));
    return { action: 'deny' };
  });

  // webviewTag is off in every window; this also stops a <webview> if something turned it on.
  contents.on('will-attach-webview', (event) => event.preventDefault());

  denyAllPermissions(contents.session);
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reading, MIDI…: the page is granted
 * nothing. What Calma needs from the OS goes through IPC, where the main process decides.
 */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Hardens every WebContents the app ever creates, from the first one on. Call before ready. */
export function installNavigationGuards(app: Pick<App, 'on'>, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
}
