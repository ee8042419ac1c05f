import { createHash } from 'node:crypto';

/**
 * A webhook URL fit for a log line or a stored object: chat services put their credentials in the
 * path or the query, so only the scheme and host are kept, with a short hash to tell URLs apart.
 */
export function redactUrl(url: string): string {
  const hash = createHash('sha256').update(url).digest('hex').slice(0, 8);
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/…#${hash}`;
  } catch {
    return `(webhook #${hash})`;
  }
}

/** `text` with every occurrence of `secret` (and its URL-encoded form) replaced by `replacement`. */
export function scrub(text: string, secret: string, replacement: string): string {
  if (!secret) return text;
  return text.replaceAll(secret, replacement).replaceAll(encodeURI(secret), replacement);
}
