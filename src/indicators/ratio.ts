/**
 * `scale` × part / whole rounded half-up to 2 decimals, in integer arithmetic so that no binary
 * fraction tips a .xx5 the wrong way; null when the denominator is 0.
 */
function scaled(part: number, whole: number, scale: number): number | null {
  if (whole === 0) return null;
  const hundredths = Math.floor((200 * scale * part + whole) / (2 * whole));
  return hundredths / 100;
}

/** 100 × part / whole, half-up to 2 decimals; null when the denominator is 0. */
export function percent(part: number, whole: number): number | null {
  return scaled(part, whole, 100);
}

/** 1,000 × part / whole, half-up to 2 decimals (DTEs per 1,000 people); null when the denominator is 0. */
export function perThousand(part: number, whole: number): number | null {
  return scaled(part, whole, 1000);
}
