import { EventEmitter } from 'node:events';
import type { App, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  hardenWebContents,
  installNavigationGuards,
  isAllowedNavigation,
} from '../../../electron/main/security/navigation';

type OpenHandler = (details: { url: string }) => { action: string };

function fakeWebContents() {
  const contents = new EventEmitter() as EventEmitter & {
    openHandler?: OpenHandler;
    setWindowOpenHandler(handler: OpenHandler): void;
    session: { setPermissionRequestHandler: ReturnType<typeof vi.fn>; setPermissionCheckHandler: ReturnType<typeof vi.fn> };
  };
  contents.setWindowOpenHandler = (handler) => {
    contents.openHandler = handler;
  };
  contents.session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  return contents;
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

function hardened() {
  const contents = fakeWebContents();
  const openExternal = vi.fn().mockResolvedValue(true);
  hardenWebContents(contents as unknown as WebContents, openExternal);
  return { contents, openExternal };
}

describe('isAllowedNavigation', () => {
  it.each(['app://calma/index.html', 'app://calma/', 'app://calma/index.html#/incidents/1', 'app://calma/index.html?lang=es'])(
    'allows reloading the app: %s',
    (url) => expect(isAllowedNavigation(url)).toBe(true),
  );

  it.each([
    'https://example.com',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://calma/other.html',
    'app://calma/assets/index.js',
    'app://evil/index.html',
    'app://calma.evil/index.html',
    'app://user@calma/index.html',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedNavigation(url)).toBe(false));
});

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another site is prevented', (eventName) => {
    const { contents } = hardened();
    const event = navigationEvent('https://example.com/');
    contents.emit(eventName, event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s within the app document is let through', (eventName) => {
    const { contents } = hardened();
    const event = navigationEvent('app://calma/index.html#/answers');
    contents.emit(eventName, event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every new window and hands its URL to the external-link function', () => {
    const { contents, openExternal } = hardened();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // The allow-list (not this guard) decides what actually opens.
    expect(openExternal.mock.calls).toEqual([['https://example.com/'], ['file:///etc/passwd']]);
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = hardened();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it("denies every permission of the contents' session", () => {
    const { contents } = hardened();
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(contents.session.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and every permission check', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    denyAllPermissions(session);
    const requestHandler = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const checkHandler = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(checkHandler({}, permission, 'app://calma', {})).toBe(false);
    }
  });
});

describe('installNavigationGuards', () => {
  it('hardens every WebContents the app creates', () => {
    const app = new EventEmitter();
    installNavigationGuards(app as unknown as App, vi.fn());
    const contents = fakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const event = navigationEvent('https://example.com/');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler).toBeTypeOf('function');
  });
});
