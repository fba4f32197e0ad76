import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_META } from '@shared/security/csp';
import { REPO_ROOT } from './paths';

// Reads the real build output: the policy that ships is the one in out/renderer/index.html.
const BUILT_HTML = join(REPO_ROOT, 'out', 'renderer', 'index.html');

function builtHtml(): string {
  if (!existsSync(BUILT_HTML)) {
    throw new Error(`${BUILT_HTML} does not exist: run \`npm run build\` first (the test runner builds before unit tests).`);
  }
  return readFileSync(BUILT_HTML, 'utf8');
}

describe('built out/renderer/index.html', () => {
  it('carries the CSP as a meta tag, exactly the policy, before anything it governs', () => {
    const html = builtHtml();
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)];
    expect(metas).toHaveLength(1);
    const content = metas[0]?.[1]?.replaceAll('&#39;', "'").replaceAll('&apos;', "'");
    expect(content).toBe(CONTENT_SECURITY_POLICY_META);
    expect(content).not.toMatch(/unsafe-/);

    // The first script, stylesheet or preload comes after the policy.
    const policyAt = metas[0]?.index ?? Infinity;
    const firstGoverned = html.search(/<(script|link|style)\b/i);
    expect(firstGoverned === -1 || policyAt < firstGoverned).toBe(true);
  });

  it('has no inline script, inline style or inline event handler', () => {
    const html = builtHtml();
    for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(attributes).toMatch(/\ssrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});
