/**
 * 100 × part / whole rounded half-up to 2 decimals, in integer arithmetic so that no binary
 * fraction tips a .xx5 the wrong way; null when the denominator is 0.
 */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const hundredths = Math.floor((20000 * part + whole) / (2 * whole));
  return hundredths / 100;
}
