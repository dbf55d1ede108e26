/** The longest path we send back in a Location header; anything longer falls back. */
export const MAX_REDIRECT_LENGTH = 2048;

// A base no request can name: resolving against it tells a path on this site
// from anything a browser would take to another origin.
const BASE = 'http://x.invalid';

/**
 * A same-site path to go back to; anything else falls back. Browsers strip
 * tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` or
 * `/\evil.example` would leave the site: any control character, whitespace or
 * backslash is refused outright, then the value must resolve to a path on our
 * own origin. The answer is the parsed path, query and fragment, so what goes
 * out is exactly what a browser would follow.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > MAX_REDIRECT_LENGTH) return fallback;
  // A relative path on this site, never `//host` or a scheme.
  if (!to.startsWith('/') || to.startsWith('//')) return fallback;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f\\\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/.test(to)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const out = url.pathname + url.search + url.hash;
  // The normalised path must still be a path, not `//host` (e.g. from `/.//evil`).
  if (!out.startsWith('/') || out.startsWith('//') || out.length > MAX_REDIRECT_LENGTH) return fallback;
  return out;
}
