import type { Field } from '../../domain/fields.js';
import { numberText, restoreEnterpriseId, restoreIndustryCode, restoreProvinceCode } from './numericCells.js';
import { serialToIso } from './serialDates.js';

/** What a cell of a sheet holds once read (`sheetRows.ts`): shared strings already resolved. */
export type RawCell = string | number | boolean | null | undefined;

/** How the cells of one column are read: the field it feeds and the workbook's date system. */
export interface CellReading {
  field: Field | null;
  date1904: boolean;
}

/**
 * A cell's text as the CSV reader would have it: text as written, numbers restored where the
 * field says what they were (dates from serials, ids and codes with their leading zeros).
 */
export function cellText(value: RawCell, reading: CellReading): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberFor(value, reading);
  return value ? 'TRUE' : 'FALSE';
}

function numberFor(value: number, reading: CellReading): string {
  switch (reading.field) {
    case 'registration_date':
    case 'updated_at':
      return serialToIso(value, reading.date1904) ?? numberText(value);
    case 'enterprise_id':
      return restoreEnterpriseId(value);
    case 'main_industry_code':
    case 'secondary_industry_codes':
      return restoreIndustryCode(value);
    case 'province':
    case 'legacy_province':
      return restoreProvinceCode(value);
    default:
      return numberText(value);
  }
}
