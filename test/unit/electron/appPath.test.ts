import { join, relative, resolve, sep } from 'node:path';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { safeRelativePath } from '@shared/security/appPath';
import { resolveAppPath } from '../../../electron/main/security/appProtocol';
import { safeRelativePath as mirroredSafeRelativePath } from '../../../scripts/renderer-security.mjs';
import { resolveStaticPath } from '../../../scripts/serve-renderer.mjs';

// The same cases run against the guard (shared/security/appPath.ts), its plain-Node mirror
// (scripts/renderer-security.mjs), the app:// resolver and the static server's resolver.
const ROOT = resolve('/srv/calma/out/renderer');

const ALLOWED: Array<[path: string, file: string]> = [
  ['/', 'index.html'],
  ['/index.html', 'index.html'],
  ['/assets/index-3f2a9c.js', 'assets/index-3f2a9c.js'],
  ['/assets/search.worker-91ab.js', 'assets/search.worker-91ab.js'],
  ['/fonts/Inter%20Variable.woff2', 'fonts/Inter Variable.woff2'],
  ['/library/es/respuestas.yaml', 'library/es/respuestas.yaml'],
];

const REFUSED: Array<[why: string, path: string]> = [
  ['parent segment', '/../etc/passwd'],
  ['parent segment in the middle', '/assets/../../etc/passwd'],
  ['current-directory segment', '/./index.html'],
  ['encoded dots', '/%2e%2e/etc/passwd'],
  ['mixed-case encoded dots', '/%2E%2e/etc/passwd'],
  ['half-encoded dots', '/.%2e/etc/passwd'],
  ['encoded slash', '/assets%2f..%2f..%2fetc%2fpasswd'],
  ['encoded slash, upper case', '/..%2F..%2Fetc%2Fpasswd'],
  ['encoded backslash', '/..%5c..%5cwindows%5cwin.ini'],
  ['backslash', '/..\\..\\windows\\win.ini'],
  ['backslash inside a segment', '/assets\\index.js'],
  ['NUL byte', '/index.html\u0000.png'],
  ['encoded NUL byte', '/index.html%00.png'],
  ['control character', '/index%0a.html'],
  ['double encoding', '/%252e%252e/etc/passwd'],
  ['malformed percent-encoding', '/%E0%A4%A'],
  ['empty segment (absolute path smuggled in)', '//etc/passwd'],
  ['directory (trailing slash)', '/assets/'],
  ['Windows drive letter', '/C:/Windows/win.ini'],
  ['encoded drive colon', '/C%3a/Windows/win.ini'],
  ['alternate data stream', '/index.html::$DATA'],
  ['Windows device name', '/con'],
  ['Windows device name with extension', '/assets/NUL.txt'],
  ['hidden file', '/.env'],
  ['relative path', 'index.html'],
  ['empty path', ''],
  ['very long path', `/${'a/'.repeat(600)}index.html`],
];

describe.each([
  ['shared/security/appPath.ts', safeRelativePath],
  ['scripts/renderer-security.mjs', mirroredSafeRelativePath],
])('safeRelativePath (%s)', (_name, guard) => {
  it.each(ALLOWED)('serves %s as %s', (path, file) => {
    expect(guard(path)).toBe(file);
  });

  it.each(REFUSED)('refuses a %s: %j', (_why, path) => {
    expect(guard(path)).toBeNull();
  });
});

describe('resolveAppPath', () => {
  it.each(ALLOWED)('maps app://calma%s to a file under the root', (path, file) => {
    expect(resolveAppPath(ROOT, `app://calma${path}`)).toBe(join(ROOT, file));
  });

  it('ignores the query and fragment', () => {
    expect(resolveAppPath(ROOT, 'app://calma/index.html?lang=es#/incidents')).toBe(join(ROOT, 'index.html'));
  });

  it.each(REFUSED.filter(([, path]) => path.startsWith('/')))('refuses a %s', (_why, path) => {
    expect(resolveAppPath(ROOT, `app://calma${path}`)).toBeNull();
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['a host that starts like ours', 'app://calma.evil/index.html'],
    ['credentials', 'app://user@calma/index.html'],
    ['a host hidden behind credentials', 'app://calma@evil/index.html'],
    ['a port', 'app://calma:8080/index.html'],
    ['another scheme', 'file:///srv/calma/out/renderer/index.html'],
    ['https', 'https://calma/index.html'],
    ['no path', 'app://calma'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  propertyTest.prop([fc.string({ unit: 'binary', maxLength: 80 })])(
    'never resolves outside the root, whatever the path',
    (path) => {
      const file = resolveAppPath(ROOT, `app://calma/${path}`);
      if (file !== null) {
        const fromRoot = relative(ROOT, file);
        expect(fromRoot.startsWith('..')).toBe(false);
        expect(file.startsWith(ROOT + sep)).toBe(true);
      }
    },
  );
});

describe('resolveStaticPath (the browser build server)', () => {
  it.each(ALLOWED)('maps %s to a file under the root', (path, file) => {
    expect(resolveStaticPath(ROOT, path)).toBe(join(ROOT, file));
  });

  it.each(REFUSED)('refuses a %s', (_why, path) => {
    expect(resolveStaticPath(ROOT, path)).toBeNull();
  });

  it('refuses absolute-form request targets', () => {
    expect(resolveStaticPath(ROOT, 'http://127.0.0.1/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath(ROOT, '*')).toBeNull();
  });
});
