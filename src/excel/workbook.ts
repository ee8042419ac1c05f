import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import type { ColumnDef } from '../dictionary/index.js';
import { cellOf, numFmtOf } from './cells.js';
import { headerVi } from './headers.js';
import { ROWS_BETWEEN_WAITS, zipCaughtUp } from './zipBacklog.js';
import { fixZipDatesOfFile } from './zipDates.js';

/** One sheet: the table it shows, its columns from the data dictionary, and its rows by column name. */
export interface SheetSpec {
  name: string;
  /** The snapshot file whose columns the sheet has. */
  file: string;
  columns: readonly ColumnDef[];
  rows: Iterable<Readonly<Record<string, unknown>>> | AsyncIterable<Readonly<Record<string, unknown>>>;
}

export interface WorkbookSpec {
  asOf: string;
  categories: readonly string[];
  sheets: readonly SheetSpec[];
}

const EXPLAIN_COLUMNS = [
  'Trang tính / Sheet',
  'Cột / Column header',
  'Tên cột / Column name',
  'Kiểu / Type',
  'Đơn vị / Unit',
  'Định nghĩa (tiếng Việt)',
  'Definition (English)',
];

function widthOf(header: string, column?: ColumnDef): number {
  const wide = column?.type === 'string' && /name|message|reason_vi/.test(column.name) ? 40 : 12;
  return Math.min(60, Math.max(wide, header.length + 2));
}

async function addSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  categories: readonly string[],
): Promise<number> {
  const headers = spec.columns.map((c) => headerVi(c.name, categories));
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = spec.columns.map((c, i) => ({ key: c.name, width: widthOf(headers[i]!, c) }));
  // One style object per column, given to each of its cells: exceljs finds a style it has seen by
  // identity, and a column style copied into every cell made it compare each copy anew.
  const styles = spec.columns.map((c) => ({ numFmt: numFmtOf(c) }));
  const bold = { font: { bold: true } };
  const head = ws.addRow(headers);
  head.eachCell((cell) => {
    cell.style = bold;
  });
  head.commit();
  let rows = 0;
  for await (const row of spec.rows) {
    const added = ws.addRow(spec.columns.map((c) => cellOf(c, row[c.name])));
    added.eachCell((cell, at) => {
      cell.style = styles[at - 1]!;
    });
    added.commit();
    if (++rows % ROWS_BETWEEN_WAITS === 0) await zipCaughtUp(ws);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  ws.commit();
  return rows;
}

/** The last sheet: every column of every other sheet, its Vietnamese header, English name and both definitions. */
function explainSheet(spec: WorkbookSpec): SheetSpec {
  const text = (name: string): ColumnDef => ({ name, type: 'string', unit: '', vi: '', en: '' });
  const columns = EXPLAIN_COLUMNS.map(text);
  const rows = spec.sheets.flatMap((sheet) =>
    sheet.columns.map((c) => ({
      [EXPLAIN_COLUMNS[0]!]: sheet.name,
      [EXPLAIN_COLUMNS[1]!]: headerVi(c.name, spec.categories),
      [EXPLAIN_COLUMNS[2]!]: c.name,
      [EXPLAIN_COLUMNS[3]!]: c.type,
      [EXPLAIN_COLUMNS[4]!]: c.unit,
      [EXPLAIN_COLUMNS[5]!]: c.vi,
      [EXPLAIN_COLUMNS[6]!]: c.en,
    })),
  );
  return { name: 'Giải thích', file: '', columns, rows };
}

/**
 * Writes `dte_<as_of>.xlsx` to `file`: a sheet per table and one explaining every column, by exceljs's
 * streaming writer (rows are not kept; strings inline, so no table of every name is held), its times
 * then fixed in the file to the as-of date so that the same inputs give the same bytes. Its rows are
 * those of the data sheets.
 */
export async function writeSnapshotWorkbook(spec: WorkbookSpec, file: string): Promise<{ rows: number }> {
  const out = createWriteStream(file);
  const written = finished(out);
  // Loaded when a workbook is written: every other command of the CLI starts without it.
  const { default: excel } = await import('exceljs');
  const wb = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const at = new Date(`${spec.asOf}T00:00:00Z`);
  wb.creator = 'dte-pipeline';
  wb.lastModifiedBy = 'dte-pipeline';
  wb.created = at;
  wb.modified = at;
  // Handled here too, so that a failed write waits for the await below instead of failing the process.
  written.catch(() => undefined);
  let rows = 0;
  try {
    for (const sheet of spec.sheets) rows += await addSheet(wb, sheet, spec.categories);
    await addSheet(wb, explainSheet(spec), spec.categories);
    await wb.commit();
  } catch (error) {
    out.destroy();
    throw error;
  }
  await written;
  await fixZipDatesOfFile(file);
  return { rows };
}
