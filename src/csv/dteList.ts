import type { ClassifiedRecord } from '../domain/classified.js';
import { enterpriseKeyOfBytes, textOrderOf } from '../domain/enterpriseId.js';
import { DteError } from '../domain/errors.js';
import { csvLine } from './cell.js';

const COLUMNS = [
  'enterprise_id',
  'name',
  'province_code',
  'province_name',
  'legacy_province_code',
  'legacy_province_name',
  'dte_category',
  'dte_matched_code',
  'registration_date',
  'status',
  'industry_system',
] as const;

export function dteEnterprisesHeader(): string {
  return csvLine(COLUMNS);
}

/** One DTE of `dte_enterprises.csv`; the id comes first so that lines sort by it. */
export function dteEnterpriseLine(
  r: ClassifiedRecord,
  names: { province: string; legacy: string | null },
): string {
  return csvLine([
    r.enterprise_id,
    r.name,
    r.province_code,
    names.province,
    r.legacy_province_code,
    names.legacy,
    r.dte_category,
    r.dte_matched_code,
    r.registration_date,
    r.status,
    r.main_industry_system,
  ]);
}

/**
 * Where a DTE line sorts, as a number that orders lines as their text does (`textOrderOf`), read
 * from the line's UTF-8 bytes at `start` (up to `end`): the list is put in order without being
 * decoded. A line starts with its id and a `,`; anything else is refused.
 */
export function dteLineOrder(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const comma = bytes.indexOf(0x2c, start);
  const key = comma > start && comma < end ? enterpriseKeyOfBytes(bytes, start, comma) : -1;
  if (key < 0)
    throw new DteError('a DTE line does not start with an enterprise id', {
      line: Buffer.from(bytes.subarray(start, Math.min(end, start + 20))).toString('utf8'),
    });
  return textOrderOf(key);
}
