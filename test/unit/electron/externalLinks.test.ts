import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, openExternalLink } from '../../../electron/main/security/externalLinks';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/path?q=1#frag',
    'HTTPS://EXAMPLE.COM/',
    'https://sub.example.co.uk:8443/x',
    'https://xn--bcher-kva.example/',
    'mailto:prensa@example.com',
    'mailto:prensa@example.com?subject=Comunicado',
    'tel:+34910000000',
    'tel:112',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://example.com'],
    ['credentials', 'https://user:pass@example.com'],
    ['a user name that looks like a host', 'https://bank.example@evil.example/'],
    ['an empty user name', 'https://@example.com'],
    ['credentials without slashes', 'https:user@example.com'],
    ['credentials after backslashes', 'https:\\\\bank.example@evil.example'],
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file:///C:/Windows/System32/calc.exe'],
    ['UNC share (leaks NTLM hashes)', 'smb://attacker.example/share'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript in upper case', 'JAVASCRIPT:alert(1)'],
    ['javascript split by a newline', 'java\nscript:alert(1)'],
    ['javascript split by a tab', 'java\tscript:alert(1)'],
    ['vbscript', 'vbscript:msgbox(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['blob', 'blob:https://example.com/1234'],
    ['about', 'about:blank'],
    ['the app itself', 'app://calma/index.html'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['another custom scheme', 'slack://open'],
    ['ftp', 'ftp://example.com/file'],
    ['ws', 'wss://example.com/socket'],
    ['chrome internals', 'chrome://settings'],
    ['devtools', 'devtools://devtools/bundled/inspector.html'],
    ['protocol-relative', '//evil.example'],
    ['relative', '/index.html'],
    ['no scheme', 'example.com'],
    ['leading space', ' https://example.com'],
    ['trailing space', 'https://example.com '],
    ['a NUL byte', 'https://example.com/\u0000'],
    ['a C1 control character', 'https://example.com/\u0085'],
    ['CRLF (header injection in mailto)', 'mailto:a@example.com?subject=x\r\nBcc: b@example.com'],
    ['an empty mailto', 'mailto:'],
    ['an empty tel', 'tel:'],
    ['an empty string', ''],
    ['malformed', 'https://'],
    ['malformed host', 'https://exa mple.com'],
    ['too long', `https://example.com/${'a'.repeat(2048)}`],
  ])('refuses %s', (_why, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['https://example.com']])('refuses a non-string: %j', (value) => {
    expect(isAllowedExternalUrl(value as unknown as string)).toBe(false);
  });
});

describe('openExternalLink', () => {
  it('opens an allowed link, in its normalized form', async () => {
    const shell = { openExternal: vi.fn().mockResolvedValue(undefined) };
    await expect(openExternalLink('HTTPS://Example.com', shell)).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'http://example.com'])('never hands %s to the OS', async (url) => {
    const shell = { openExternal: vi.fn() };
    await expect(openExternalLink(url, shell)).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
