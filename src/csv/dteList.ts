import type { ClassifiedRecord } from '../domain/classified.js';
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
