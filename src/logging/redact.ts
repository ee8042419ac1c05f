/**
 * Secrets that travel inside URLs: the user and password of `scheme://user:pass@host`, and query
 * values (a token may hide under any spelling of its key: `tok%65n`, `TOKEN`, …). Every query value
 * is blanked, whatever its key, so that no spelling gets through.
 */
const CENSOR = '[redacted]';
// No backslash either: in a JSON log line it starts an escape, which a redaction must not cut in two.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s@"'<>\\]*@/gi;
const QUERY = /\?([^\s"'<>#\\]*)/g;

/** The text with URL credentials and every query value redacted. */
export function redactText(text: string): string {
  if (!text.includes('@') && !text.includes('?')) return text;
  return text
    .replace(USERINFO, `$1${CENSOR}@`)
    .replace(QUERY, (_all, query: string) => `?${redactQuery(query)}`);
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? (part === '' ? part : CENSOR) : `${part.slice(0, eq)}=${CENSOR}`;
    })
    .join('&');
}

/** A request's path for a log line: its query values redacted. */
export function redactPath(url: string | undefined): string {
  return redactText(url ?? '');
}

/**
 * A copy of a log object with `redactText` applied to every string in it (errors included, by
 * their message and stack), to a depth that log objects have.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value instanceof Error) return redactError(value, depth);
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, depth + 1);
  return out;
}

function redactError(error: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.name,
    message: redactText(error.message),
    stack: error.stack === undefined ? undefined : redactText(error.stack),
  };
  for (const [k, v] of Object.entries(error)) out[k] = redactDeep(v, depth + 1);
  if (error.cause !== undefined) out.cause = redactDeep(error.cause, depth + 1);
  return out;
}

/** A URL without its user and password, and those as an `Authorization: Basic` value (or null). */
export function splitCredentials(url: string): { url: string; authorization: string | null } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url, authorization: null };
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return {
    url: parsed.toString(),
    authorization: `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`,
  };
}
