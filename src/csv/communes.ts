import type { ProvinceCommunes } from '../indicators/communes.js';
import { CSV_BOM, csvLine } from './cell.js';
import { cells, header, LEAD_HEADER, leadCells, type TableMeta, withLead } from './provinces.js';

/** `communes.csv`: every 2025 commune with any enterprise, in commune code order, with its province. */
export function communesCsv(provinces: readonly ProvinceCommunes[], meta: TableMeta): string {
  const { categories } = meta;
  const lead = leadCells(meta);
  const [code, name, ...indicators] = header(categories);
  const head = csvLine([...LEAD_HEADER, code!, name!, 'province_code', 'province_name', ...indicators]);
  const rows = provinces
    .flatMap((p) => p.communes)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((r) => {
      const [c, n, ...values] = cells(r, categories);
      return csvLine([...lead, c ?? null, n ?? null, r.province_code, r.province_name, ...values]);
    });
  return CSV_BOM + head + rows.join('');
}

/** `communes.json`: each current province with its `commune_coverage_pct` and its communes (`docs/notes/address.md`). */
export function communesJson(provinces: readonly ProvinceCommunes[], meta: TableMeta): string {
  const value = {
    as_of: meta.asOf,
    rule_set_id: meta.ruleSetId,
    categories: meta.categories,
    provinces: provinces.map((p) => ({
      ...withLead(p, meta),
      communes: p.communes.map((c) => withLead(c, meta)),
    })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The rows of `communes.csv`. */
export function communeCount(provinces: readonly ProvinceCommunes[]): number {
  return provinces.reduce((n, p) => n + p.communes.length, 0);
}
