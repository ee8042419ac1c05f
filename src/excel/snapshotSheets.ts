import { csvTextLines, type FeedReasons, rejectsSummaryRows } from '../csv/index.js';
import {
  communesColumns,
  dteEnterprisesColumns,
  legacyProvincesColumns,
  provincesColumns,
  rejectsSummaryColumns,
} from '../dictionary/index.js';
import type { ProvinceCommunes } from '../indicators/communes.js';
import type { IndicatorRow, IndicatorTables } from '../indicators/index.js';
import { splitRecord } from '../input/csvRecords.js';
import type { SheetSpec } from './workbook.js';

/** What the workbook shows: the tables aggregate has just written as CSV. */
export interface SnapshotTables {
  asOf: string;
  ruleSetId: string;
  categories: readonly string[];
  tables: IndicatorTables;
  communes: readonly ProvinceCommunes[];
  /** Opens `dte_enterprises.csv` as written, when the workbook reaches its sheet. */
  dteCsv: () => Promise<AsyncIterable<Buffer>>;
  feeds: readonly FeedReasons[];
}

type Row = Record<string, unknown>;

function flat(r: IndicatorRow, t: SnapshotTables): Row {
  const byCategory = Object.fromEntries(t.categories.map((c) => [`dte_${c}`, r.dte_by_category[c] ?? 0]));
  return { as_of: t.asOf, rule_set_id: t.ruleSetId, ...r, ...byCategory };
}

/** The guard `csvCell` puts before text a spreadsheet would run: a workbook cell is text already. */
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * The DTE list's rows back from its CSV, whose records are one line each (names hold no line breaks),
 * read a piece at a time: the list is never held whole.
 */
async function* dteRows(open: () => Promise<AsyncIterable<Buffer>>): AsyncGenerator<Row> {
  let columns: string[] | null = null;
  for await (const line of csvTextLines(await open())) {
    if (columns === null) {
      columns = splitRecord(line, ',') ?? [];
      continue;
    }
    const cells = splitRecord(line, ',') ?? [];
    yield Object.fromEntries(columns.map((c, i) => [c, unguard(cells[i] ?? '')]));
  }
}

/** Provinces, old provinces (when any), communes (when any), the DTE list and the rejects by reason. */
export function snapshotSheets(t: SnapshotTables): SheetSpec[] {
  const sheets: SheetSpec[] = [
    {
      name: 'Tỉnh thành',
      file: 'provinces.csv',
      columns: provincesColumns(t.categories),
      rows: [...t.tables.provinces, t.tables.national].map((r) => flat(r, t)),
    },
  ];
  if (t.tables.legacy)
    sheets.push({
      name: 'Tỉnh cũ',
      file: 'legacy_provinces.csv',
      columns: legacyProvincesColumns(t.categories),
      rows: t.tables.legacy.map((r) => flat(r, t)),
    });
  const communes = t.communes
    .flatMap((p) => p.communes)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((r) => flat(r, t));
  if (communes.length > 0)
    sheets.push({
      name: 'Xã phường',
      file: 'communes.csv',
      columns: communesColumns(t.categories),
      rows: communes,
    });
  sheets.push({
    name: 'DNCNS',
    file: 'dte_enterprises.csv',
    columns: dteEnterprisesColumns(),
    rows: dteRows(t.dteCsv),
  });
  sheets.push({
    name: 'Loại bỏ',
    file: 'rejects_summary.csv',
    columns: rejectsSummaryColumns(),
    rows: rejectsSummaryRows(t.asOf, t.feeds),
  });
  return sheets;
}
