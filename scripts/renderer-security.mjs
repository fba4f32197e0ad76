// The security pieces of the built renderer's web server, for scripts that run in plain Node.
//
// Node 20 cannot import TypeScript, so this file mirrors four modules of shared/security/:
// csp.ts (the header policy), isolation.ts (cross-origin isolation headers), appPath.ts (the
// path-traversal guard) and contentTypes.ts.
// test/unit/electron/rendererSecurityMirror.test.ts fails if the mirror and the originals disagree,
// so change both together.

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; " +
  "object-src 'none'; frame-ancestors 'none'";

/** See shared/security/isolation.ts: makes the console cross-origin isolated. */
export const ISOLATION_HEADERS = Object.freeze({
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

export const DEFAULT_DOCUMENT = 'index.html';

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 255;
const FORBIDDEN_IN_SEGMENT = /[\u0000-\u001f\u007f/\\:%]/;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** See shared/security/appPath.ts: refuses, never normalizes, and checks each raw segment. */
export function safeRelativePath(rawPath) {
  if (!rawPath.startsWith('/') || rawPath.length > MAX_PATH_LENGTH) return null;
  if (rawPath === '/') return DEFAULT_DOCUMENT;

  const segments = [];
  for (const rawSegment of rawPath.slice(1).split('/')) {
    let segment;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return null;
    }
    const safe =
      segment.length > 0 &&
      segment.length <= MAX_SEGMENT_LENGTH &&
      !segment.startsWith('.') &&
      !FORBIDDEN_IN_SEGMENT.test(segment) &&
      !WINDOWS_DEVICE_NAME.test(segment);
    if (!safe) return null;
    segments.push(segment);
  }
  return segments.join('/');
}

export const CONTENT_TYPES = Object.freeze({
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  yaml: 'application/yaml; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
});

export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export function contentTypeFor(filePath) {
  const dot = filePath.lastIndexOf('.');
  const extension = dot === -1 ? '' : filePath.slice(dot + 1).toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, extension) ? CONTENT_TYPES[extension] : FALLBACK_CONTENT_TYPE;
}
