import type { ClassifiedRecord } from '../domain/classified.js';
import { enterpriseKeyOfBytes, textOrderOf } from '../domain/enterpriseId.js';
import { DteError } from '../domain/errors.js';
import { csvLine } from './cell.js';

const COLUMNS = [
  'as_of',
  'rule_set_id',
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

/** The date and the rule set that decided the row, before its id (`LEAD_FIELDS`). */
export interface DteLineLead {
  asOf: string;
  ruleSetId: string;
}

/** One DTE of `dte_enterprises.csv`; the id follows the lead fields so that lines sort by it. */
export function dteEnterpriseLine(
  r: ClassifiedRecord,
  names: { province: string; legacy: string | null },
  lead: DteLineLead,
): string {
  return csvLine([
    lead.asOf,
    lead.ruleSetId,
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

/** `as_of` and `rule_set_id` come before the id; neither can hold a comma (an ISO date, a rule set id). */
const LEAD_FIELDS = 2;

/** Where the id of a DTE line starts: after its lead fields, or -1 when the line has fewer. */
function idStart(bytes: Uint8Array, start: number, end: number): number {
  let at = start;
  for (let i = 0; i < LEAD_FIELDS; i++) {
    const comma = bytes.indexOf(0x2c, at);
    if (comma < 0 || comma >= end) return -1;
    at = comma + 1;
  }
  return at;
}

/**
 * Where a DTE line sorts, as a number that orders lines by the text of their id (`textOrderOf`),
 * read from the line's UTF-8 bytes at `start` (up to `end`): the list is put in order without being
 * decoded. A line has its lead fields, then its id and a `,`; anything else is refused.
 */
export function dteLineOrder(bytes: Uint8Array, start = 0, end = bytes.length): number {
  const from = idStart(bytes, start, end);
  const comma = from < 0 ? -1 : bytes.indexOf(0x2c, from);
  const key = comma > from && comma < end ? enterpriseKeyOfBytes(bytes, from, comma) : -1;
  if (key < 0)
    throw new DteError('a DTE line does not start with an enterprise id', {
      line: Buffer.from(bytes.subarray(start, Math.min(end, start + 20))).toString('utf8'),
    });
  return textOrderOf(key);
}
