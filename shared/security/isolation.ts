/**
 * Response headers that make the console cross-origin isolated, the condition browsers set for
 * sharing memory between the page and its workers (SharedArrayBuffer, Atomics.waitAsync): the
 * search worker answers through shared memory so results reach the screen in the frame of the
 * keystroke (renderer/src/features/search/replySlot.ts).
 *
 * - COOP same-origin: the console shares its browsing context group with no other origin's window.
 * - COEP require-corp: everything the page embeds must agree to it; the console embeds only its own
 *   files (the CSP allows nothing else), and the team server is only fetched with CORS, which
 *   COEP leaves alone.
 * - CORP same-origin on every file: no other origin may embed Calma's files.
 *
 * Sent by the app:// protocol and by the browser build's static server on every file. Mirrored in
 * scripts/renderer-security.mjs (checked by a unit test).
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
});
