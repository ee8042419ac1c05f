/**
 * Text of a number as a person reads it: integers in full (never `1e+21`), fractions as they are.
 */
export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/**
 * An enterprise id that Excel stored as a number, as the registry writes it. A Vietnamese id starts
 * with its province's two-digit code (01–99, never 00), so a number loses at most one leading zero:
 * 9 digits become the 10-digit id, 12 or 13 digits the dependent unit `dddddddddd-ddd`. Any other
 * number is left as its digits, for validation to reject.
 */
export function restoreEnterpriseId(value: number): string {
  const digits = numberText(value);
  if (!/^\d+$/.test(digits)) return digits;
  if (digits.length === 9) return `0${digits}`;
  if (digits.length === 12 || digits.length === 13) {
    const full = digits.padStart(13, '0');
    return `${full.slice(0, 10)}-${full.slice(10)}`;
  }
  return digits;
}

/**
 * A VSIC code stored as a number: a 3-digit number is a 4-digit class that lost its leading zero
 * (no VSIC code of 3 digits is read as a class). A 4-digit number is kept as it is, since it may
 * as well be a 5-digit subclass that lost its zero: that one cannot be told apart.
 */
export function restoreIndustryCode(value: number): string {
  const digits = numberText(value);
  return /^\d{3}$/.test(digits) ? `0${digits}` : digits;
}

/** A province code stored as a number: `1` is `01` (codes are two digits). */
export function restoreProvinceCode(value: number): string {
  const digits = numberText(value);
  return /^\d$/.test(digits) ? `0${digits}` : digits;
}
