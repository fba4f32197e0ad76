/**
 * Calma's Content-Security-Policy, the only copy (a mirror for plain-Node scripts is checked
 * against it by a unit test). It is delivered twice, and both are enforced:
 * - as a response header, by the app:// protocol handler and by the static server of the browser
 *   build, with every directive;
 * - as a <meta http-equiv> tag that the build puts first in index.html, so the policy holds even
 *   where no header can be set. A meta policy ignores some directives, so those are left out of it.
 *
 * Nothing inline and nothing evaluated: no 'unsafe-inline', no 'unsafe-eval' (which is why the
 * renderer runs zod with `jitless: true`). Everything comes from the app's own origin; the only
 * other place the console talks to is the team sync server (connect-src).
 */
/**
 * A team server over TLS anywhere, or plain HTTP on this machine. (An IPv6 literal such as [::1]
 * is not valid in a CSP source: Chromium ignores it and logs an error on every load.)
 */
export const TEAM_SERVER_SOURCES = 'https: http://127.0.0.1:* http://localhost:*';

const DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  // The team server's address is typed by people at run time, so it cannot be named here: any
  // https origin, and plain http only on this machine's loopback (a team server run locally, the
  // tests). Nothing can be loaded or run from those origins, only fetched as data.
  ['connect-src', `'self' ${TEAM_SERVER_SOURCES}`],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives that CSP 3 ignores when the policy comes from a <meta> element. */
const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function serialize(directives: ReadonlyArray<readonly [string, string]>): string {
  return directives.map(([directive, sources]) => `${directive} ${sources}`).join('; ');
}

/** For the `Content-Security-Policy` response header. */
export const CONTENT_SECURITY_POLICY = serialize(DIRECTIVES);

/** For `<meta http-equiv="Content-Security-Policy">`: the same policy minus header-only directives. */
export const CONTENT_SECURITY_POLICY_META = serialize(
  DIRECTIVES.filter(([directive]) => !HEADER_ONLY_DIRECTIVES.has(directive)),
);
