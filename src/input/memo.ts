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
    const value = fn(raw);
    if (seen.size < limit) seen.set(raw, value);
    return value;
  };
}
