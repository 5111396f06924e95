/**
 * The one decision for every `next` / `redirect_to` in the app: a return target
 * is accepted only as a path on this host. The value is judged the way a browser
 * or a later decoder could read it: every layer of percent-decoding (up to a
 * few), Unicode compatibility forms (fullwidth `／`, `＼`, `．`) and dot segments
 * (`/a/..//x` resolves to `//x`) are resolved first, and if any reading could
 * leave the host (protocol-relative `//`, a backslash, a scheme, control
 * characters or whitespace that browsers strip) the fallback is returned.
 * The result starts with exactly one `/` and is safe for `redirect()`, a
 * `Location` header, `new URL(path, origin)` and an email link.
 */
const MAX_LENGTH = 2000;
const MAX_DECODE_LAYERS = 4;
const BASE = 'http://return-path.invalid';

export function safeReturnPath(value: unknown, fallback = '/account'): string {
  return checkedReturnPath(value) ?? fallback;
}

/**
 * A `next` a page was given, if it is safe; undefined when it is missing or
 * refused, so the page's own default (lib/auth/home-path.ts) applies rather
 * than a fixed fallback.
 */
export function givenReturnPath(value: unknown): string | undefined {
  return checkedReturnPath(value) ?? undefined;
}

function checkedReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return null;
  // The raw value and every decoded reading of it must be a plain path.
  let layer = value;
  for (let depth = 0; ; depth++) {
    if (!isPlainPath(layer)) return null;
    const decoded = percentDecode(layer);
    if (decoded === layer) break;
    if (depth === MAX_DECODE_LAYERS) return null; // still encoded after that many layers: nobody needs this
    layer = decoded;
  }
  // The canonical form of the raw value (dot segments resolved, characters encoded).
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isPlainPath(path) ? path : null;
}

/** One reading: starts with a single `/`, no backslash, no control or space characters, stays a path after resolution. */
function isPlainPath(candidate: string): boolean {
  for (const reading of new Set([candidate, candidate.normalize('NFKC')])) {
    if (!reading.startsWith('/')) return false;
    if (/[\\\p{Cc}\p{Cf}\p{Z}\s]/u.test(reading)) return false;
    const pathOnly = reading.split(/[?#]/, 1)[0]!;
    if (resolvesOffPath(pathOnly)) return false;
  }
  return true;
}

/** True when dot-segment resolution turns the path into something that is not a same-host path (`//host`). */
function resolvesOffPath(pathOnly: string): boolean {
  let url: URL;
  try {
    url = new URL(pathOnly, BASE);
  } catch {
    return true;
  }
  return url.origin !== BASE || url.pathname.startsWith('//');
}

/**
 * Decodes every valid `%XX` once. Runs of escapes that are not valid UTF-8
 * decode byte by byte (ASCII bytes as themselves), so `%2F` always reads as `/`.
 */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
        const byte = Number.parseInt(hex, 16);
        return byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD';
      });
    }
  });
}
