import type { IndicatorRow, IndicatorTables, LegacyIndicatorRow } from '../indicators/build.js';
import { CSV_BOM, type CsvValue, csvLine } from './cell.js';

export interface TableMeta {
  asOf: string;
  ruleSetId: string;
  categories: readonly string[];
}

export function header(categories: readonly string[]): string[] {
  return [
    'code',
    'name',
    'enterprises_active',
    'dte_active',
    'dte_share_pct',
    ...categories.map((c) => `dte_${c}`),
    'dte_founded_ytd',
    'dte_converted',
    'dte_ceased',
    'digital_secondary',
    'dependent_units',
  ];
}

export function cells(r: IndicatorRow, categories: readonly string[]): CsvValue[] {
  return [
    r.code,
    r.name,
    r.enterprises_active,
    r.dte_active,
    r.dte_share_pct === null ? null : r.dte_share_pct.toFixed(2),
    ...categories.map((c) => r.dte_by_category[c] ?? 0),
    r.dte_founded_ytd,
    r.dte_converted,
    r.dte_ceased,
    r.digital_secondary,
    r.dependent_units,
  ];
}

/** `provinces.csv`: the 34 provinces in code order, then the national row `VN`. */
export function provincesCsv(tables: IndicatorTables, categories: readonly string[]): string {
  const rows = [...tables.provinces, tables.national].map((r) => csvLine(cells(r, categories)));
  return CSV_BOM + csvLine(header(categories)) + rows.join('');
}

/** `legacy_provinces.csv`: the 63 pre-2025 provinces with their successor and coverage. */
export function legacyProvincesCsv(tables: IndicatorTables, categories: readonly string[]): string {
  const legacy: LegacyIndicatorRow[] = tables.legacy ?? [];
  const head = csvLine([...header(categories), 'successor_code', 'coverage_pct']);
  const rows = legacy.map((r) =>
    csvLine([
      ...cells(r, categories),
      r.successor_code,
      r.coverage_pct === null ? null : r.coverage_pct.toFixed(2),
    ]),
  );
  return CSV_BOM + head + rows.join('');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function provincesJson(tables: IndicatorTables, meta: TableMeta): string {
  return json({
    as_of: meta.asOf,
    rule_set_id: meta.ruleSetId,
    categories: meta.categories,
    provinces: tables.provinces,
    national: tables.national,
  });
}

export function legacyProvincesJson(tables: IndicatorTables, meta: TableMeta): string {
  return json({
    as_of: meta.asOf,
    rule_set_id: meta.ruleSetId,
    categories: meta.categories,
    provinces: tables.legacy ?? [],
  });
}
