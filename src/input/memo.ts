/**
 * Remembers a pure function's results by its text argument. Registry cells repeat endlessly (dates,
 * status words, capital, code lists), so most rows of a national export hit the memory; it stops
 * growing at `limit` entries and then simply computes.
 */
export function memo<T>(fn: (raw: string) => T, limit = 100_000): (raw: string) => T {
  const seen = new Map<string, T>();
  return (raw) => {
    const hit = seen.get(raw);
    if (hit !== undefined || seen.has(raw)) return hit as T;
    if (seen.size >= limit) return fn(raw);
    const key = detach(raw);
    const value = fn(key);
    seen.set(key, value);
    return value;
  };
}

/**
 * A copy of a cell's text that does not pin the decoded chunk it was cut from. V8 makes a substring
 * a view into its parent, so a remembered cell would otherwise keep its whole 64 KiB chunk alive:
 * across a national export that was hundreds of megabytes.
 */
export function detach(text: string): string {
  return ` ${text}`.slice(1);
}
