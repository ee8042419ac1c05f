import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { splitRecord } from '../../src/input/csvRecords.js';

export interface WorkbookExportOptions {
  /** Shared strings as Excel writes them (default), or inline strings as some exporters do. */
  sharedStrings?: boolean;
  /** Sheet name (default `Danh sách`). */
  sheet?: string;
}

/** The title merged across the header's width, as offices put one above their lists. */
export const WORKBOOK_TITLE = 'DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ';
/** Rows above the header: the title and a blank row. */
export const TITLE_ROWS = 2;

const VN_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `dd/MM/yyyy` as Excel's serial day (from 1900-03-01 on), null for text that is no such date. */
function serialOf(text: string): number | null {
  const m = VN_DATE.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
  const back = new Date(ms);
  if (back.getUTCDate() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1) return null;
  return (ms - EXCEL_EPOCH) / 86_400_000;
}

/**
 * The cells of a `vn-dkkd-csv` row as a person's Excel would hold them after opening the CSV:
 * 10-digit ids and 4-digit codes as numbers (leading zeros lost), `dd/MM/yyyy` dates as serials
 * (every seventh row's kept as text, as pasted text stays), whole capitals as numbers. A 5-digit
 * code stays text: as a number its lost zero could not be told (see README, Decisions).
 */
export function workbookCells(cells: readonly string[], rowIndex: number): Array<string | number> {
  return cells.map((cell, i) => {
    if (i === 0 && /^\d{10}$/.test(cell)) return Number(cell);
    if ((i === 4 || i === 10) && rowIndex % 7 !== 0) return serialOf(cell) ?? cell;
    if (i === 5 && /^\d{4}$/.test(cell)) return Number(cell);
    if (i === 9 && /^\d{1,3}(\.\d{3})*$/.test(cell)) return Number(cell.replaceAll('.', ''));
    return cell;
  });
}

/**
 * Writes a `vn-dkkd-csv` export as an `.xlsx` of the same rows under a merged title, with
 * exceljs's streaming writer (a million rows never sit in memory, bar the shared strings).
 */
export async function writeWorkbookFromCsv(
  csvFile: string,
  xlsxFile: string,
  options: WorkbookExportOptions = {},
): Promise<{ rows: number }> {
  await mkdir(path.dirname(xlsxFile), { recursive: true });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsxFile,
    useSharedStrings: options.sharedStrings ?? true,
    useStyles: true,
  });
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(options.sheet ?? 'Danh sách');
  let rows = 0;
  let width = 0;
  const lines = createInterface({
    input: createReadStream(csvFile, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const raw of lines) {
    const line = rows === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line === '') continue;
    const cells = splitRecord(line, ',') ?? [line];
    if (rows === 0) {
      width = cells.length;
      const title = sheet.addRow([WORKBOOK_TITLE]);
      sheet.mergeCells(1, 1, 1, width);
      title.commit();
      sheet.addRow([]).commit();
      const header = sheet.addRow(cells);
      header.font = { bold: true };
      header.commit();
    } else {
      const row = sheet.addRow(workbookCells(cells, rows));
      for (const i of [5, 11]) row.getCell(i).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    rows++;
  }
  sheet.commit();
  await workbook.commit();
  return { rows: Math.max(0, rows - 1) };
}
