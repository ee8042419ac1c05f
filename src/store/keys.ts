import { UsageError } from '../domain/errors.js';

/** Refuses keys that could escape the store's root: absolute, `..`, empty segments, backslashes, NUL. */
export function assertSafeKey(key: string): string {
  const bad =
    key.length === 0 ||
    key.startsWith('/') ||
    key.includes('\\') ||
    key.includes('\0') ||
    key.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
  if (bad) throw new UsageError(`unsafe object key: ${JSON.stringify(key)}`, { key });
  return key;
}
