/** Days from 1970-01-01 to Excel's day 0 in each date system. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/**
 * An Excel serial date as `yyyy-MM-dd`, or null when the number is no date. The time of day (the
 * fraction) is dropped. In the 1900 system, serials below 61 are shifted by Excel's fictitious
 * 1900-02-29, which makes days 1–59 one day later than a plain count from 1899-12-30.
 */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const day = Math.floor(serial);
  if (!date1904 && day === 60) return null;
  const offset = !date1904 && day < 60 ? day + 1 : day;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + offset * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}
