import { FIELDS, type Field, REQUIRED } from '../domain/fields.js';
import { vnDkkd } from '../reference/vocabulary.js';

/** Headers are matched after NFC, trimming and case folding. */
export function headerKey(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The canonical formats name their columns by field; `province_code` and friends are accepted too. */
const CANONICAL_ALIASES: Partial<Record<string, Field>> = {
  province_code: 'province',
  legacy_province_code: 'legacy_province',
};

export interface ColumnMap {
  /** Column index of each field present, -1 when absent. */
  index: Record<Field, number>;
  missing: Field[];
  header: string[];
}

export function mapColumns(header: string[], vietnamese: boolean): ColumnMap {
  const byKey = new Map<string, Field>();
  for (const field of FIELDS) {
    const names = vietnamese ? vnDkkd.headers[field] : [field];
    for (const name of names) byKey.set(headerKey(name), field);
  }
  if (!vietnamese) for (const [alias, field] of Object.entries(CANONICAL_ALIASES)) byKey.set(alias, field!);
  const index = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<Field, number>;
  header.forEach((cell, i) => {
    const field = byKey.get(headerKey(cell.replace(/^\uFEFF/, '')));
    if (field && index[field] === -1) index[field] = i;
  });
  return { index, missing: REQUIRED.filter((f) => index[f] === -1), header };
}

export function headerName(field: Field, vietnamese: boolean): string {
  return vietnamese ? vnDkkd.headers[field][0]! : field;
}
