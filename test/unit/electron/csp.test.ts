import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '@shared/security/contentTypes';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '@shared/security/csp';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')];
    }),
  );
}

describe('Content-Security-Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self' https: http://127.0.0.1:* http://localhost:*; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; " +
        "object-src 'none'; frame-ancestors 'none'",
    );
  });

  it.each([CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META])('allows nothing unsafe: %s', (policy) => {
    expect(policy).not.toMatch(/unsafe-/);
    // Other origins only to fetch data from the team server: https anywhere, http on loopback only.
    const others = directives(policy);
    expect(others.get('connect-src')).toBe("'self' https: http://127.0.0.1:* http://localhost:*");
    others.delete('connect-src');
    const rest = [...others].map(([name, sources]) => `${name} ${sources}`).join('; ');
    expect(rest).not.toMatch(/\*/);
    expect(rest).not.toMatch(/\b(https?|ws|wss|blob|filesystem):/);
    expect(directives(policy).get('default-src')).toBe("'none'");
    expect(directives(policy).get('object-src')).toBe("'none'");
  });

  it('leaves out of the meta tag the directives a meta policy ignores, and only those', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1a.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.PNG', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['pglite.wasm', 'application/wasm'],
    ['library/answers.yaml', 'application/yaml; charset=utf-8'],
    ['README', 'application/octet-stream'],
    ['x.exe', 'application/octet-stream'],
    ['x.constructor', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
