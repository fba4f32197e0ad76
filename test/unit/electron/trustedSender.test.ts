import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { createSenderCheck } from '../../../electron/main/security/trustedSender';

const ownContents = { id: 1 } as WebContents;
const otherContents = { id: 2 } as WebContents;
const isTrustedSender = createSenderCheck((contents) => contents.id === ownContents.id);

function event(
  frame: { url: string; parent: object | null } | null,
  sender: WebContents = ownContents,
): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('createSenderCheck', () => {
  it("accepts the main frame of Calma's window showing app://calma", () => {
    expect(isTrustedSender(event({ url: 'app://calma/index.html', parent: null }))).toBe(true);
    expect(isTrustedSender(event({ url: 'app://calma/index.html#/incidents', parent: null }))).toBe(true);
  });

  it.each([
    ['a frame that is gone', null, ownContents],
    ['an iframe', { url: 'app://calma/index.html', parent: {} }, ownContents],
    ['a window Calma did not create', { url: 'app://calma/index.html', parent: null }, otherContents],
    ['a page from the web', { url: 'https://example.com/', parent: null }, ownContents],
    ['a page from file://', { url: 'file:///tmp/index.html', parent: null }, ownContents],
    ['a look-alike host', { url: 'app://calma.evil/index.html', parent: null }, ownContents],
    ['another app host', { url: 'app://evil/index.html', parent: null }, ownContents],
    ['a dev server', { url: 'http://localhost:5173/', parent: null }, ownContents],
    ['about:blank', { url: 'about:blank', parent: null }, ownContents],
    ['an empty URL', { url: '', parent: null }, ownContents],
  ])('refuses %s', (_why, frame, sender) => {
    expect(isTrustedSender(event(frame, sender))).toBe(false);
  });
});
