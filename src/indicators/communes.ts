import { type IndicatorRow, row } from './build.js';
import { percent } from './ratio.js';
import { emptyTally, type PartitionCounts } from './tally.js';

/** One row of `communes.csv`: a 2025 commune with any enterprise, the indicators of a province. */
export interface CommuneIndicatorRow extends IndicatorRow {
  province_code: string;
  province_name: string;
}

/** A province's block of `communes.json`: how many of its enterprises have a known commune, and those communes. */
export interface ProvinceCommunes {
  code: string;
  name: string;
  enterprises_active: number;
  /** Active enterprises whose 2025 commune is known. */
  commune_known_active: number;
  /** 100 × `commune_known_active` / `enterprises_active`, 2 decimals; null when the province has none active. */
  commune_coverage_pct: number | null;
  communes: CommuneIndicatorRow[];
}

export interface CommuneBuildOptions {
  categories: readonly string[];
  hasPrevious: boolean;
  provinces: ReadonlyArray<{ code: string; name: string }>;
  communes: ReadonlyArray<{ code: string; type: string; name: string; province_code: string }>;
}

/** Every current province in code order, each with its communes that have a row, in code order. */
export function buildCommunes(counts: PartitionCounts, options: CommuneBuildOptions): ProvinceCommunes[] {
  const { categories, hasPrevious } = options;
  const byProvince = new Map<string, CommuneIndicatorRow[]>();
  const names = new Map(options.provinces.map((p) => [p.code, p.name]));
  for (const c of [...options.communes].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const tally = counts.communes[c.code];
    if (!tally) continue;
    const rows = byProvince.get(c.province_code) ?? [];
    const province_name = names.get(c.province_code) ?? '';
    const indicators = row(c.code, `${c.type} ${c.name}`, tally, categories, hasPrevious, null);
    rows.push({ ...indicators, province_code: c.province_code, province_name });
    byProvince.set(c.province_code, rows);
  }
  return [...options.provinces]
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((p) => {
      const tally = counts.provinces[p.code] ?? emptyTally(categories);
      return {
        code: p.code,
        name: p.name,
        enterprises_active: tally.enterprises_active,
        commune_known_active: tally.commune_known_active,
        commune_coverage_pct: percent(tally.commune_known_active, tally.enterprises_active),
        communes: byProvince.get(p.code) ?? [],
      };
    });
}
