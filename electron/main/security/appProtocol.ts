import { isAbsolute, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';
import { APP_ORIGIN, APP_SCHEME } from '@shared/security/appOrigin';
import { safeRelativePath } from '@shared/security/appPath';
import { contentTypeFor } from '@shared/security/contentTypes';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { ISOLATION_HEADERS } from '@shared/security/isolation';

/**
 * The app:// protocol: the renderer's files, served from the build output (never file://).
 */

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URL
 * resolution, `secure` makes it a secure context; without both, IndexedDB and Web Workers are not
 * available to the page. `supportFetchAPI` lets the page fetch its own files, `codeCache` keeps
 * V8's compiled code between launches.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/**
 * The file under `rootDir` that `requestUrl` asks for, or null if the URL is not on app://calma or
 * its path is refused by the traversal guard. Pure: it touches no file.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  // Compared as a string, not through URL parsing: a parser would resolve "..", "%2e%2e" and "\"
  // before the guard could see them, and an unexpected host, port or user part must not match.
  const prefix = `${APP_ORIGIN}/`;
  if (!requestUrl.startsWith(prefix)) return null;

  const pathAndRest = requestUrl.slice(APP_ORIGIN.length);
  const rawPath = pathAndRest.split(/[?#]/, 1)[0] ?? '';
  const relativePath = safeRelativePath(rawPath);
  if (relativePath === null) return null;

  // Defence in depth: whatever the guard let through must still land inside the root.
  const root = resolve(rootDir);
  const filePath = resolve(root, relativePath);
  const fromRoot = relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return filePath;
}

export type ReadFile = (filePath: string) => Promise<Uint8Array>;

/** Answers one app:// request. Exported for tests; the app uses serveAppProtocol. */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    }
    const filePath = resolveAppPath(rootDir, request.url);
    if (filePath === null) return textResponse(404, 'Not found');

    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch (error) {
      if (isMissingFile(error)) return textResponse(404, 'Not found');
      console.error(`app:// could not read ${filePath}`, error);
      return textResponse(500, 'Could not read the file');
    }

    const contentType = contentTypeFor(filePath);
    const headers: Record<string, string> = {
      ...ISOLATION_HEADERS,
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      // Files are read from the app's own build: a stale copy would only hide a new version.
      'Cache-Control': 'no-cache',
    };
    if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    // A file read into memory is backed by a plain ArrayBuffer, never a SharedArrayBuffer.
    const payload = body as Uint8Array<ArrayBuffer>;
    return new Response(request.method === 'HEAD' ? null : payload, { status: 200, headers });
  };
}

/** Serves `rootDir` (the built renderer) on app://calma/. Call once the app is ready. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string, readFile: ReadFile): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, readFile));
}

function textResponse(status: number, text: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extraHeaders },
  });
}

function isMissingFile(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}
