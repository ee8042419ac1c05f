import { FIELDS } from '../domain/fields.js';
import type { RawRow } from './validate.js';

type NdjsonRow = { ok: true; raw: RawRow } | { ok: false; message: string; notJson: boolean };

/** Text of a JSON value as a cell would hold it: lists joined by `;`, null and absent as empty. */
function cellOf(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join(';');
  return null;
}

/** One NDJSON line into the same raw row a CSV line gives, so that both are validated alike. */
export function ndjsonRow(text: string): NdjsonRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the line is not JSON', notJson: true };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'the line is not a JSON object', notJson: true };
  }
  const object = value as Record<string, unknown>;
  const raw = {} as RawRow;
  for (const field of FIELDS) {
    const key =
      field === 'province'
        ? 'province_code' in object
          ? 'province_code'
          : 'province'
        : field === 'legacy_province'
          ? 'legacy_province_code' in object
            ? 'legacy_province_code'
            : 'legacy_province'
          : field;
    const cell = cellOf(object[key]);
    if (cell === null)
      return { ok: false, message: `field ${key} has a value of the wrong type`, notJson: false };
    raw[field] = cell;
  }
  return { ok: true, raw };
}
