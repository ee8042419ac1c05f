import ExcelJS from 'exceljs';

/** A cell as a test writes it: text, a number (ids, serial dates, capital), a date, or nothing. */
export type TestCell = string | number | Date | null;

export interface TestSheet {
  name: string;
  rows: TestCell[][];
  /** Ranges merged, such as a title row across the header (`A1:L1`). */
  merges?: string[];
  /** Number formats by column letter (`E: 'dd/mm/yyyy'`), as Excel shows a serial date. */
  formats?: Record<string, string>;
}

/**
 * An `.xlsx` as Excel writes one, with exceljs's in-memory writer (shared strings, styles), or with
 * its streaming writer and inline strings: the two layouts a reader meets.
 */
export async function workbookBytes(
  sheets: TestSheet[],
  layout: 'shared' | 'inline' = 'shared',
): Promise<Buffer> {
  if (layout === 'inline') return inlineWorkbook(sheets);
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) sheet.addRow(row);
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    for (const [column, format] of Object.entries(spec.formats ?? {}))
      sheet.getColumn(column).numFmt = format;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function inlineWorkbook(sheets: TestSheet[]): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    for (const row of spec.rows) sheet.addRow(row);
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    sheet.commit();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}
