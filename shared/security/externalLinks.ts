/**
 * The only way a URL leaves Calma for the operating system. `shell.openExternal` hands its
 * argument to whatever the OS registered for the scheme, so anything but a plain web, mail or phone
 * link could start a program (file:, smb:, ms-msdt:, custom app schemes…).
 */

const MAX_URL_LENGTH = 2048;
/**
 * Whitespace and control characters: the URL parser silently strips some of them ("java\nscript:"
 * parses as "javascript:"), so a URL that contains any is refused outright.
 */
const SPACE_OR_CONTROL = /[\u0000-\u0020\u007f-\u009f]/;

/** https: without credentials, mailto: and tel:. Everything else is refused, including http:. */
export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH) return false;
  if (SPACE_OR_CONTROL.test(url)) return false;

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }

  switch (parsed.protocol) {
    case 'https:':
      // "https://bank.example@evil.example" reads as bank.example but goes to evil.example.
      return parsed.hostname !== '' && !hasUserInfo(url);
    case 'mailto:':
    case 'tel:':
      return parsed.pathname !== '';
    default:
      return false;
  }
}

/**
 * Whether the authority part of the raw URL has an "@". Checked on the raw string because the
 * parser drops an empty user part ("https://@example.com") that is still meant to mislead.
 */
function hasUserInfo(url: string): boolean {
  const afterScheme = url.slice(url.indexOf(':') + 1).replace(/^[/\\]*/, '');
  const authority = afterScheme.split(/[/\\?#]/, 1)[0] ?? '';
  return authority.includes('@');
}
