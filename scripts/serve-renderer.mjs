// A small static server for the built renderer (out/renderer), so the same console runs in a plain
// browser: `npm start` falls back to it when there is no Electron binary, and browser end-to-end
// tests start it with startRendererServer().
//
// It applies what the app:// protocol applies in Electron: the path-traversal guard, exact content
// types with nosniff, the cross-origin isolation headers, and the Content-Security-Policy header
// on HTML (renderer-security.mjs).
// Node's http module only: no dependency.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY, ISOLATION_HEADERS, contentTypeFor, safeRelativePath } from './renderer-security.mjs';

/** The port `npm start` uses for the browser build unless CALMA_PORT says otherwise. */
export const DEFAULT_PORT = 5178;

/** CALMA_PORT if it is a valid port number, else DEFAULT_PORT. */
export function portFromEnvironment(value) {
  const port = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : DEFAULT_PORT;
}

/**
 * The file under `root` a request target ("/assets/x.js?v=1") asks for, or null if refused.
 * Pure: it touches no file.
 */
export function resolveStaticPath(root, requestTarget) {
  // Only origin-form targets ("/path"); absolute-form ("http://host/path") and "*" are refused.
  if (typeof requestTarget !== 'string' || !requestTarget.startsWith('/')) return null;
  const rawPath = requestTarget.split(/[?#]/, 1)[0];
  const relativePath = safeRelativePath(rawPath);
  if (relativePath === null) return null;

  const rootDir = resolve(root);
  const filePath = resolve(rootDir, relativePath);
  const fromRoot = relative(rootDir, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return filePath;
}

async function respond(root, request, response) {
  const send = (status, body, headers) => {
    response.writeHead(status, { 'X-Content-Type-Options': 'nosniff', ...headers });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const sendText = (status, text, headers = {}) =>
    send(status, text, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const filePath = resolveStaticPath(root, request.url);
  if (filePath === null) {
    sendText(404, 'Not found');
    return;
  }

  let body;
  try {
    body = await readFile(filePath);
  } catch (error) {
    if (['ENOENT', 'EISDIR', 'ENOTDIR'].includes(error?.code)) sendText(404, 'Not found');
    else sendText(500, 'Could not read the file');
    return;
  }
  const contentType = contentTypeFor(filePath);
  const headers = { ...ISOLATION_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-cache' };
  if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  send(200, body, headers);
}

/**
 * Serves `root` on http://host:port/. If `port` is taken (and not 0), falls back to a free port
 * unless `strictPort` is set.
 *
 * @param {{ root: string, port?: number, host?: string, strictPort?: boolean }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startRendererServer({ root, port = 0, host = '127.0.0.1', strictPort = false }) {
  const server = createServer((request, response) => {
    respond(root, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  try {
    await listen(server, port, host);
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' || strictPort || port === 0) throw error;
    await listen(server, 0, host);
  }

  const { port: actualPort } = server.address();
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

function listen(server, port, host) {
  return new Promise((resolveListen, rejectListen) => {
    const onError = (error) => {
      server.off('listening', onListening);
      rejectListen(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolveListen();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

// `node scripts/serve-renderer.mjs`: serve out/renderer on CALMA_PORT (default 5178).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = fileURLToPath(new URL('../out/renderer/', import.meta.url));
  const { url } = await startRendererServer({ root, port: portFromEnvironment(process.env.CALMA_PORT) });
  console.log(`Calma (browser build) at ${url}`);
}
