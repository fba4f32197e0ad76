/**
 * The path-traversal guard for every server of the built renderer (the app:// protocol in the main
 * process and the plain-browser static server): it turns the path part of a request into a
 * relative file path under the web root, or refuses it.
 *
 * It refuses rather than normalizes. A request for `/a/../b` is not a request a correct page
 * makes, so there is no reason to work out what it "means". The raw, still percent-encoded path is
 * examined segment by segment, so an encoded `..` (%2e%2e), an encoded separator (%2f, %5c) or a
 * NUL (%00) cannot slip through a decode that happens after the check.
 *
 * A mirror of this function lives in scripts/renderer-security.mjs (plain Node cannot import .ts);
 * test/unit/electron/appPath.test.ts runs the same cases against both.
 */

/** What `/` serves: the single document of the app (there is no SPA fallback). */
export const DEFAULT_DOCUMENT = 'index.html';

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;
/** Control characters, separators, drive/stream colons and a second round of percent-encoding. */
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f/\\:%]/;
/** Names Windows maps to devices whatever the folder or extension ("nul.txt" is the NUL device). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * @param rawPath the path of the request URL exactly as received, starting with "/", without its
 *   query or fragment, still percent-encoded.
 * @returns a relative path such as "assets/index-3f2a.js" (segments joined with "/"), or null.
 */
export function safeRelativePath(rawPath: string): string | null {
  if (!rawPath.startsWith('/') || rawPath.length > MAX_PATH_LENGTH) return null;
  if (rawPath === '/') return DEFAULT_DOCUMENT;

  const segments: string[] = [];
  for (const rawSegment of rawPath.slice(1).split('/')) {
    const segment = decodeSegment(rawSegment);
    if (segment === null || !isSafeSegment(segment)) return null;
    segments.push(segment);
  }
  return segments.join('/');
}

function decodeSegment(rawSegment: string): string | null {
  try {
    return decodeURIComponent(rawSegment);
  } catch {
    return null; // malformed percent-encoding
  }
}

function isSafeSegment(segment: string): boolean {
  return (
    segment.length > 0 && // "//" (an absolute path smuggled in) or a trailing "/" (a directory)
    segment.length <= MAX_SEGMENT_LENGTH &&
    !segment.startsWith('.') && // ".", ".." and hidden files; the build emits none
    !FORBIDDEN_IN_SEGMENT.test(segment) &&
    !WINDOWS_DEVICE_NAME.test(segment)
  );
}
