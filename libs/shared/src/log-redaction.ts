/**
 * What never reaches a log line: credentials (Authorization, cookies, passwords, JWTs), link tokens (manage
 * links, portal sign-in links and any later token-bearing route) and personal identifiers (passport numbers).
 * Every process's logger (api, worker, all-in-one, cli) runs its output through these functions, so a new route
 * is covered by rule, not by remembering to list it.
 *
 * The rules:
 * - a path segment after a known token prefix (`/book/manage/`, `/api/public/bookings/`, `/api/calendar/`) is
 *   replaced;
 * - any other path segment that looks random (20+ URL-safe characters mixing letters and digits, not a UUID)
 *   is replaced too: that is what every token this system issues looks like (32 random bytes, base64url);
 * - under `/portal/` (the client portal, its pages and its API), any segment longer than a UUID is replaced,
 *   whatever its characters: a sign-in token may happen to hold no digit, or come with more pasted after it;
 * - a query value is replaced when its key names a secret (`token`, `secret`, `password`, `passport`, `key`,
 *   `code`, `signature`) or when the value is a JWT;
 * - in free text (messages, stack traces): `Bearer …`, JWTs and URL paths as above;
 * - in objects: values under secret-looking keys, and a failed query's `parameters`.
 */

export const REDACTED = '[redacted]';

/**
 * Path prefixes whose next segment is a secret whatever it looks like. A calendar feed's segment ends in `.ics`,
 * so it would not pass for a random segment by shape alone.
 */
const TOKEN_PREFIXES = ['/book/manage/', '/api/public/bookings/', '/api/calendar/'];

/** Keys whose value is a secret or personal identifier, in query strings and logged objects. */
const SECRET_KEY = /token|secret|passw|passport|authoriz|cookie|api[-_]?key|signature/i;
/** In a query string a few short names also carry secrets (`?key=`, `?code=`, `?sig=`). */
const SECRET_QUERY_KEY =
  /token|secret|passw|passport|authoriz|cookie|api[-_]?key|signature|^key$|^code$|^sig$/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.?[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
/** A path inside free text: starts at a `/`, runs to whitespace, a quote or a closing bracket. */
const PATH_IN_TEXT = /\/[^\s"'`<>()[\]{},]*/g;

/** 20+ URL-safe characters with at least one letter and one digit, and not a UUID (ids are fine in logs). */
export function looksRandom(segment: string): boolean {
  return (
    segment.length >= 20 &&
    /^[A-Za-z0-9_-]+$/.test(segment) &&
    /[0-9]/.test(segment) &&
    /[A-Za-z]/.test(segment) &&
    !UUID.test(segment)
  );
}

/** Longer than a UUID: under `/portal/` no id or word is that long, so it may only be (or hold) a token. */
const PORTAL_MAX_SEGMENT = 36;

function redactPath(path: string): string {
  for (const prefix of TOKEN_PREFIXES) {
    const at = path.indexOf(prefix);
    if (at >= 0) {
      const start = at + prefix.length;
      const end = path.indexOf('/', start);
      // `:token` is a route pattern (Nest's start-up log), not a value.
      if (end !== start && path[start] !== ':' && path[start] !== '[') {
        path = `${path.slice(0, start)}${REDACTED}${end < 0 ? '' : path.slice(end)}`;
      }
    }
  }
  const portalAt = path.indexOf('/portal/');
  return path
    .split('/')
    .map((segment, index, segments) => {
      const inPortal = portalAt >= 0 && segments.slice(0, index).join('/').length > portalAt;
      return looksRandom(segment) ||
        segment.startsWith('eyJ') ||
        (inPortal && segment.length > PORTAL_MAX_SEGMENT)
        ? REDACTED
        : segment;
    })
    .join('/');
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) {
        return pair;
      }
      const key = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      return SECRET_QUERY_KEY.test(decodeSafely(key)) || value.startsWith('eyJ')
        ? `${key}=${REDACTED}`
        : pair;
    })
    .join('&');
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Worth a closer look: a query string, a run of 20+ URL-safe characters (a token, a JWT, also a UUID) or a
 * token prefix. One pass over the characters, no regular expression: this runs on every request.
 */
function mayHoldSecret(url: string): boolean {
  let run = 0;
  for (let i = 0; i < url.length; i += 1) {
    const c = url.charCodeAt(i);
    if (c === 63 /* ? */) {
      return true;
    }
    const urlSafe =
      (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
    run = urlSafe ? run + 1 : 0;
    if (run >= 20) {
      return true;
    }
  }
  return TOKEN_PREFIXES.some((prefix) => url.includes(prefix));
}

/** A request URL (path and query) as it may be logged. Cheap when there is nothing to hide. */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url || !mayHoldSecret(url)) {
    return url;
  }
  const q = url.indexOf('?');
  return q < 0 ? redactPath(url) : `${redactPath(url.slice(0, q))}?${redactQuery(url.slice(q + 1))}`;
}

/** A log message, error message or stack trace with credentials, tokens and token-bearing paths removed. */
export function redactText(text: string): string {
  if (text.length === 0) {
    return text;
  }
  let out = text;
  if (out.includes('Bearer') || out.includes('Basic') || out.includes('bearer') || out.includes('basic')) {
    out = out.replace(BEARER, `$1 ${REDACTED}`);
  }
  if (out.includes('eyJ')) {
    out = out.replace(JWT, REDACTED);
  }
  if (out.includes('/')) {
    out = out.replace(PATH_IN_TEXT, (path) => redactUrl(path) ?? path);
  }
  return out;
}

/**
 * A copy of a logged value (an error, a context object) with secret-keyed values, query parameters and
 * secrets inside strings removed. Depth- and size-limited: it runs on error paths, not on every request.
 */
export function redactValue(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') {
    return redactText(value);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (seen.has(value) || depth > 6) {
    return '[…]';
  }
  seen.add(value);
  if (Array.isArray(value)) {
    return value.slice(0, 100).map((item) => redactValue(item, depth + 1, seen));
  }
  if (value instanceof Date || Buffer.isBuffer(value)) {
    return value;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A failed query's bound values (passport numbers, emails, token hashes): never worth their risk in a log.
    out[key] = SECRET_KEY.test(key) || key === 'parameters' ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}

/** For tests and log scanners: would this key's value be redacted? */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
