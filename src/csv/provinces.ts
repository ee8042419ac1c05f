import type { IndicatorRow, IndicatorTables, LegacyIndicatorRow } from '../indicators/build.js';
import { CSV_BOM, type CsvValue, csvLine } from './cell.js';

export interface TableMeta {
  asOf: string;
  ruleSetId: string;
  categories: readonly string[];
}

/** The first columns of every indicator table: the date and the rule sets that decided its counts. */
export const LEAD_HEADER = ['as_of', 'rule_set_id'];

export function leadCells(meta: TableMeta): CsvValue[] {
  return [meta.asOf, meta.ruleSetId];
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

/** The population columns, after every other column of a file (`spec/indicators.md`). */
const POPULATION_HEADER = ['dte_per_1000_people', 'population', 'population_year', 'dte_converted_pct'];

function populationCells(r: IndicatorRow): CsvValue[] {
  return [
    r.dte_per_1000_people === null ? null : r.dte_per_1000_people.toFixed(2),
    r.population,
    r.population_year,
    r.dte_converted_pct === null ? null : r.dte_converted_pct.toFixed(2),
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
export function provincesCsv(tables: IndicatorTables, meta: TableMeta): string {
  const { categories } = meta;
  const lead = leadCells(meta);
  const rows = [...tables.provinces, tables.national].map((r) =>
    csvLine([...lead, ...cells(r, categories), ...populationCells(r)]),
  );
  return CSV_BOM + csvLine([...LEAD_HEADER, ...header(categories), ...POPULATION_HEADER]) + rows.join('');
}

/** `legacy_provinces.csv`: the 63 pre-2025 provinces with their successor and coverage. */
export function legacyProvincesCsv(tables: IndicatorTables, meta: TableMeta): string {
  const { categories } = meta;
  const lead = leadCells(meta);
  const legacy: LegacyIndicatorRow[] = tables.legacy ?? [];
  const head = csvLine([
    ...LEAD_HEADER,
    ...header(categories),
    'successor_code',
    'coverage_pct',
    ...POPULATION_HEADER,
  ]);
  const rows = legacy.map((r) =>
    csvLine([
      ...lead,
      ...cells(r, categories),
      r.successor_code,
      r.coverage_pct === null ? null : r.coverage_pct.toFixed(2),
      ...populationCells(r),
    ]),
  );
  return CSV_BOM + head + rows.join('');
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A JSON row with the date and rule sets first, so that rows taken out of their file still say which snapshot they are. */
export function withLead<T extends object>(
  row: T,
  meta: TableMeta,
): { as_of: string; rule_set_id: string } & T {
  return { as_of: meta.asOf, rule_set_id: meta.ruleSetId, ...row };
}

export function provincesJson(tables: IndicatorTables, meta: TableMeta): string {
  return json({
    as_of: meta.asOf,
    rule_set_id: meta.ruleSetId,
    categories: meta.categories,
    provinces: tables.provinces.map((r) => withLead(r, meta)),
    national: withLead(tables.national, meta),
  });
}

export function legacyProvincesJson(tables: IndicatorTables, meta: TableMeta): string {
  return json({
    as_of: meta.asOf,
    rule_set_id: meta.ruleSetId,
    categories: meta.categories,
    provinces: (tables.legacy ?? []).map((r) => withLead(r, meta)),
  });
}
