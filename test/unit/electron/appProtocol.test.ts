import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { ISOLATION_HEADERS } from '@shared/security/isolation';
import {
  createAppProtocolHandler,
  registerAppScheme,
  serveAppProtocol,
  type ReadFile,
} from '../../../electron/main/security/appProtocol';

const ROOT = resolve('/srv/calma/out/renderer');

const FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Calma</title>',
  'assets/index-1a.js': 'export {}',
  'assets/index-1a.css': 'body{}',
  'library/es/answers.yaml': 'answers: []',
};

const readFile: ReadFile = async (path) => {
  for (const [name, text] of Object.entries(FILES)) {
    if (path === join(ROOT, name)) return new TextEncoder().encode(text);
  }
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};

const handle = createAppProtocolHandler(ROOT, readFile);
const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('registers app: as standard and secure (needed for IndexedDB and workers), with fetch and code cache', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });
});

describe('serveAppProtocol', () => {
  it('handles the app scheme', () => {
    const protocol = { handle: vi.fn() };
    serveAppProtocol(protocol, ROOT, readFile);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('the app:// handler', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await get('app://calma/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(FILES['index.html']);
  });

  it('serves / as index.html', async () => {
    expect(await (await get('app://calma/')).text()).toBe(FILES['index.html']);
  });

  it.each([
    ['app://calma/assets/index-1a.js', 'text/javascript; charset=utf-8'],
    ['app://calma/assets/index-1a.css', 'text/css; charset=utf-8'],
    ['app://calma/library/es/answers.yaml', 'application/yaml; charset=utf-8'],
  ])('serves %s as %s, without a CSP header', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.has('content-security-policy')).toBe(false);
  });

  it.each(['app://calma/index.html', 'app://calma/assets/index-1a.js'])('makes %s cross-origin isolated, so the search worker can share memory', async (url) => {
    const response = await get(url);
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it.each([
    'app://calma/../../etc/passwd',
    'app://calma/%2e%2e/%2e%2e/etc/passwd',
    'app://calma/assets%2f..%2f..%2fetc%2fpasswd',
    'app://calma/..%5c..%5cwindows%5cwin.ini',
    'app://calma/index.html%00.png',
    'app://calma//etc/passwd',
    'app://evil/index.html',
  ])('answers 404 for a refused path: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });

  it('answers 404 for a file that does not exist (there is no SPA fallback)', async () => {
    expect((await get('app://calma/incidents/42')).status).toBe(404);
  });

  it('answers 500, without details, when a file cannot be read', async () => {
    const failing = createAppProtocolHandler(ROOT, async () => {
      throw Object.assign(new Error('EACCES: permission denied, open /srv/secret'), { code: 'EACCES' });
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await failing(new Request('app://calma/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toMatch(/srv|EACCES/);
    error.mockRestore();
  });

  it('answers 405 to anything but GET and HEAD', async () => {
    const response = await get('app://calma/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://calma/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
