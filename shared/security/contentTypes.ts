/**
 * Content types for the files of the built renderer. They matter for security as much as for
 * correctness: module scripts and workers only run when served with a JavaScript type, and every
 * response is sent with `X-Content-Type-Options: nosniff`, so a wrong type fails loudly instead of
 * being guessed. Mirrored in scripts/renderer-security.mjs (checked by a unit test).
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  yaml: 'application/yaml; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** Anything else is served as opaque bytes, which nosniff keeps from being run or rendered. */
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export function contentTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const extension = dot === -1 ? '' : filePath.slice(dot + 1).toLowerCase();
  // hasOwn: a file named "x.constructor" must not find Object.prototype.constructor.
  return Object.hasOwn(CONTENT_TYPES, extension) ? (CONTENT_TYPES[extension] as string) : FALLBACK_CONTENT_TYPE;
}
