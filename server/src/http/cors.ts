/**
 * The browser origins allowed to call the API: exact origins, or an origin whose port is `*`
 * (the console in a browser runs on whatever loopback port it was given). Anything else gets no
 * CORS headers, so a browser refuses to hand it the answer.
 */
export function originMatcher(allowed: readonly string[]): (origin: string) => string | null {
  const patterns = allowed.map((entry) => {
    if (!entry.endsWith(':*')) return (origin: string) => origin === entry;
    const base = entry.slice(0, -2);
    return (origin: string) => origin.startsWith(`${base}:`) && /^\d{1,5}$/.test(origin.slice(base.length + 1));
  });
  return (origin) => (origin && patterns.some((matches) => matches(origin)) ? origin : null);
}
