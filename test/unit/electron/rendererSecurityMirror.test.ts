import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, contentTypeFor, FALLBACK_CONTENT_TYPE } from '@shared/security/contentTypes';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';
import { ISOLATION_HEADERS } from '@shared/security/isolation';
import * as mirror from '../../../scripts/renderer-security.mjs';

// scripts/renderer-security.mjs copies shared/security for plain Node (which cannot import .ts).
// These tests are what keeps the copy honest; the path guard is compared in appPath.test.ts.
describe('scripts/renderer-security.mjs mirrors shared/security', () => {
  it('has the same Content-Security-Policy header', () => {
    expect(mirror.CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY);
  });

  it('has the same cross-origin isolation headers', () => {
    expect({ ...mirror.ISOLATION_HEADERS }).toEqual({ ...ISOLATION_HEADERS });
  });

  it('has the same content types', () => {
    expect({ ...mirror.CONTENT_TYPES }).toEqual({ ...CONTENT_TYPES });
    expect(mirror.FALLBACK_CONTENT_TYPE).toBe(FALLBACK_CONTENT_TYPE);
  });

  it.each(['index.html', 'a/b.JS', 'x.mjs', 'y.wasm', 'z.yaml', 'no-extension', 'x.constructor', 'x.__proto__'])(
    'gives %s the same content type',
    (file) => {
      expect(mirror.contentTypeFor(file)).toBe(contentTypeFor(file));
    },
  );
});
