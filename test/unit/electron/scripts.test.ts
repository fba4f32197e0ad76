import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { executableInDist, findElectronBinary } from '../../../scripts/electron-binary.mjs';
import { DEFAULT_PORT, portFromEnvironment, startRendererServer } from '../../../scripts/serve-renderer.mjs';

let sandbox: string;

beforeAll(() => {
  sandbox = mkdtempSync(join(tmpdir(), 'calma-scripts-'));
});

afterAll(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

function fakeRepo(name: string, { pathTxt, binary }: { pathTxt?: string; binary?: string } = {}) {
  const repoRoot = join(sandbox, name);
  const electronDir = join(repoRoot, 'node_modules', 'electron');
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  if (pathTxt !== undefined) writeFileSync(join(electronDir, 'path.txt'), pathTxt);
  if (binary !== undefined) {
    const path = join(electronDir, 'dist', binary);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
  }
  return repoRoot;
}

describe('findElectronBinary', () => {
  it('explains that the postinstall download did not run when there is no binary', () => {
    const result = findElectronBinary({ repoRoot: fakeRepo('empty'), env: {}, platform: 'linux' });
    expect(result).toMatchObject({ found: false, looked: [] });
    expect(result.found ? '' : result.reason).toMatch(/path\.txt is missing.*postinstall.*ELECTRON_OVERRIDE_DIST_PATH/s);
  });

  it('finds the binary the electron package downloaded', () => {
    const repoRoot = fakeRepo('installed', { pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary({ repoRoot, env: {}, platform: 'linux' })).toEqual({
      found: true,
      path: join(repoRoot, 'node_modules', 'electron', 'dist', 'electron'),
      source: 'node_modules/electron/dist',
      resolvableByElectronPackage: true,
    });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH, a folder holding the executable', () => {
    const dist = join(sandbox, 'override-dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(dist, 'electron'), 0o755);
    const result = findElectronBinary({ repoRoot: fakeRepo('override'), env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' });
    expect(result).toMatchObject({ found: true, path: join(dist, 'electron'), source: 'ELECTRON_OVERRIDE_DIST_PATH' });
  });

  it('says where it looked when the override is wrong', () => {
    const result = findElectronBinary({
      repoRoot: fakeRepo('wrong-override'),
      env: { ELECTRON_OVERRIDE_DIST_PATH: join(sandbox, 'nowhere') },
      platform: 'linux',
    });
    expect(result).toMatchObject({ found: false, looked: [join(sandbox, 'nowhere', 'electron')] });
  });

  it('knows the executable name of each platform', () => {
    expect(executableInDist('linux')).toBe('electron');
    expect(executableInDist('win32')).toBe('electron.exe');
    expect(executableInDist('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });
});

describe('startRendererServer', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startRendererServer>>;

  beforeAll(async () => {
    root = join(sandbox, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Calma</title>');
    writeFileSync(join(root, 'assets', 'index.js'), 'export {}');
    writeFileSync(join(sandbox, 'secret.txt'), 'do not serve');
    server = await startRendererServer({ root, port: 0 });
  });

  afterAll(async () => {
    await server.close();
  });

  /** A raw request, so the path reaches the server exactly as written (fetch would normalize it). */
  function rawGet(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('listens on 127.0.0.1 and serves index.html with the CSP header', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript, without a CSP header', async () => {
    const response = await fetch(new URL('assets/index.js', server.url));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.has('content-security-policy')).toBe(false);
  });

  it.each(['', 'assets/index.js'])('sends the cross-origin isolation headers on /%s', async (path) => {
    const response = await fetch(new URL(path, server.url));
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..%5csecret.txt', '//etc/passwd'])(
    'refuses %s with 404',
    async (path) => {
      const response = await rawGet(path);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain('do not serve');
    },
  );

  it('answers 404 for files that do not exist and 405 for POST', async () => {
    expect((await fetch(new URL('missing.js', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('falls back to a free port when the one asked for is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const fallback = await startRendererServer({ root, port: taken });
    try {
      expect(fallback.port).not.toBe(taken);
      expect((await fetch(fallback.url)).status).toBe(200);
      await expect(startRendererServer({ root, port: taken, strictPort: true })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await fallback.close();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('portFromEnvironment', () => {
  it.each([
    [undefined, DEFAULT_PORT],
    ['', DEFAULT_PORT],
    ['8080', 8080],
    ['0', 0],
    ['http', DEFAULT_PORT],
    ['70000', DEFAULT_PORT],
    ['-1', DEFAULT_PORT],
  ])('%j → %i', (value, port) => {
    expect(portFromEnvironment(value)).toBe(port);
  });
});
