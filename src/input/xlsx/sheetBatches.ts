import type { Readable } from 'node:stream';
import type { Field } from '../../domain/fields.js';
import type { ColumnMap } from '../headers.js';
import { type BrokenRecord, cutToBytes, DEFAULT_LIMITS, overBytes, tooLong } from '../limits.js';
import type { ParseOptions } from '../options.js';
import { BATCH_CHARS, type RecordBatch } from '../records.js';
import type { CellReading } from './cellText.js';
import { WorkbookRejectedError } from './errors.js';
import { HEADER_SCAN_ROWS, type HeaderSearch, headerOf, missingNames } from './header.js';
import { recordText, rowCells } from './rowText.js';
import { SharedStrings } from './sharedStrings.js';
import { type SheetRow, sheetRows } from './sheetRows.js';
import { openWorkbook, type SheetEntry } from './workbook.js';

/**
 * Rows per batch of a sheet: fewer than a CSV batch, so that a batch's texts, which live while
 * the XML of its rows is parsed, are collected young instead of piling up in the old generation.
 */
export const SHEET_BATCH_ROWS = 128;

/** Whether the headers to look for are the Vietnamese ones (`vn-dkkd-*`) or the canonical field names. */
function isVietnamese(options: ParseOptions): boolean {
  return options.format.startsWith('vn-dkkd');
}

/** Sheet names compare as Excel compares them: case does not matter. */
function sameSheet(a: string, b: string): boolean {
  return a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();
}

/** The best header candidate of the sheets passed over, for the message when none has one. */
interface Miss {
  sheet: string;
  row: number;
  missing: Field[];
}

/**
 * Reads an `.xlsx` export as record batches of the CSV layout (`spec/input.md` plus issue 19): the
 * sheet named by `sheet`, else the first with the header; rows above the header (titles) skipped;
 * each row's number in the sheet is its line. Whole-workbook failures reject the file.
 */
export async function* readWorkbookBatches(
  input: Readable,
  options: ParseOptions,
): AsyncGenerator<RecordBatch> {
  const strings = new SharedStrings();
  let sheetName: string | undefined;
  let miss: Miss | null = null;
  let opened: Awaited<ReturnType<typeof openWorkbook>> | null = null;
  try {
    opened = await openWorkbook(input, strings);
    const { facts, archive } = opened;
    for (const sheet of facts.sheets) {
      if (options.sheet && !sameSheet(sheet.name, options.sheet)) continue;
      sheetName = sheet.name;
      const stream = await archive.read(sheet.member);
      if (!stream) throw new Error(`sheet ${JSON.stringify(sheet.name)} is not in the archive`);
      const reader = new SheetBatches(sheet, sheetRows(stream, strings), options, facts.date1904);
      const header = await reader.header();
      if (header.found) {
        yield* reader.batches(header.found.columns);
        return;
      }
      stream.destroy();
      if (options.sheet || options.headerRow) reader.noHeader(header);
      if (header.best && (miss === null || header.best.missing.length < miss.missing.length))
        miss = { sheet: sheet.name, ...header.best };
    }
    sheetName = undefined;
    noSheet(
      options,
      facts.sheets.map((s) => s.name),
      miss,
    );
  } catch (error) {
    throw workbookFailure(error, options, sheetName);
  } finally {
    strings.close();
    await opened?.archive.close();
  }
}

function noSheet(options: ParseOptions, names: string[], miss: Miss | null): never {
  const where = { feed: options.feedId, file: options.fileName };
  const list = names.map((n) => JSON.stringify(n)).join(', ') || 'none';
  if (options.sheet)
    throw new WorkbookRejectedError(
      `${options.fileName} has no sheet ${JSON.stringify(options.sheet)} (its sheets: ${list})`,
      { ...where, sheet: options.sheet },
    );
  const closest = miss
    ? ` (closest: sheet ${JSON.stringify(miss.sheet)} row ${miss.row}, missing ${missingNames(miss.missing, isVietnamese(options))})`
    : '';
  throw new WorkbookRejectedError(
    `${options.fileName} is not a ${options.format} workbook: no sheet has a header row with the required columns in its first ${HEADER_SCAN_ROWS} rows${closest}; its sheets: ${list}`,
    where,
  );
}

/** A failure of the archive or its XML rejects the file, naming the sheet being read. */
function workbookFailure(error: unknown, options: ParseOptions, sheet: string | undefined): unknown {
  if (error instanceof WorkbookRejectedError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WorkbookRejectedError(
    `cannot read ${options.fileName} as an xlsx workbook: ${message}`,
    { feed: options.feedId, file: options.fileName, sheet },
    { cause: error },
  );
}

/** One sheet's rows: first its header, then batches of its data rows. */
class SheetBatches {
  private readonly rows: AsyncIterator<SheetRow>;
  private readonly vietnamese: boolean;
  private readonly limit: number;
  private readonly other: CellReading;

  constructor(
    private readonly sheet: SheetEntry,
    rows: AsyncIterable<SheetRow>,
    private readonly options: ParseOptions,
    private readonly date1904: boolean,
  ) {
    this.rows = rows[Symbol.asyncIterator]();
    this.vietnamese = isVietnamese(options);
    this.limit = (options.limits ?? DEFAULT_LIMITS).maxRecordBytes;
    this.other = { field: null, date1904 };
  }

  /** The header: the row `header_row` names, else the first of the first rows that names every required column. */
  async header(): Promise<HeaderSearch> {
    let search: HeaderSearch = { found: null, best: null };
    const wanted = this.options.headerRow;
    let seen = 0;
    for (let next = await this.rows.next(); !next.done; next = await this.rows.next()) {
      const row = next.value;
      if (wanted && row.number < wanted) continue;
      if (wanted && row.number > wanted) return search;
      const cells = rowCells(row.values, 0, { byColumn: [], other: this.other });
      if (cells === null) continue;
      search = headerOf(trimEnd(cells), row.number, this.vietnamese, search);
      if (search.found) {
        this.checkColumns(search.found.columns);
        return search;
      }
      if (wanted || ++seen >= HEADER_SCAN_ROWS) return search;
    }
    return search;
  }

  /** No header where one was asked for: the named sheet, or the row `header_row` names. */
  noHeader(search: HeaderSearch): never {
    const what = this.options.headerRow
      ? `row ${this.options.headerRow}`
      : `its first ${HEADER_SCAN_ROWS} rows`;
    const missing = search.best
      ? `: row ${search.best.row} lacks ${missingNames(search.best.missing, this.vietnamese)}`
      : ': nothing there';
    throw new WorkbookRejectedError(
      `${this.options.fileName} sheet ${JSON.stringify(this.sheet.name)} is not a ${this.options.format} sheet: no header with the required columns in ${what}${missing}`,
      {
        feed: this.options.feedId,
        file: this.options.fileName,
        sheet: this.sheet.name,
        row: search.best?.row,
      },
    );
  }

  async *batches(columns: ColumnMap): AsyncGenerator<RecordBatch> {
    const width = columns.header.length;
    const fieldOf = new Map<number, Field>();
    for (const [field, at] of Object.entries(columns.index)) if (at >= 0) fieldOf.set(at, field as Field);
    const byColumn = columns.header.map(
      (_, i): CellReading => ({
        field: fieldOf.get(i) ?? null,
        date1904: this.date1904,
      }),
    );
    const layout = {
      format: 'csv' as const,
      delimiter: ',',
      index: columns.index,
      width,
      header: columns.header.map((cell) => cell.trim()),
    };
    let batch = emptyBatch(layout);
    let chars = 0;
    for (let next = await this.rows.next(); !next.done; next = await this.rows.next()) {
      const cells = rowCells(next.value.values, width, { byColumn, other: this.other });
      if (cells === null) continue;
      const text = recordText(cells);
      this.add(batch, text, next.value.number);
      chars += text.length;
      if (batch.texts.length >= SHEET_BATCH_ROWS || chars >= BATCH_CHARS) {
        yield batch;
        batch = emptyBatch(layout);
        chars = 0;
      }
    }
    if (batch.texts.length > 0) yield batch;
  }

  private add(batch: RecordBatch, text: string, line: number): void {
    if (overBytes(text, this.limit)) {
      const problem: BrokenRecord = tooLong('record', this.limit);
      batch.broken[batch.texts.length] = problem;
      batch.texts.push(cutToBytes(text, this.limit));
    } else batch.texts.push(text);
    batch.lines.push(line);
  }

  private checkColumns(columns: ColumnMap): void {
    if (!columns.duplicate) return;
    const [first, again] = columns.duplicate.map((c) => JSON.stringify(c.trim()));
    const what =
      first === again ? `column ${first} twice` : `column ${first} twice (as ${first} and ${again})`;
    throw new WorkbookRejectedError(
      `${this.options.fileName} sheet ${JSON.stringify(this.sheet.name)}: the header names ${what}: which copy holds the data is unknown`,
      { feed: this.options.feedId, file: this.options.fileName, sheet: this.sheet.name },
    );
  }
}

function emptyBatch(layout: RecordBatch['layout']): RecordBatch {
  return { layout, texts: [], lines: [], broken: {} };
}

/** A header's cells without the empty ones after its last name. */
function trimEnd(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return cells.slice(0, end);
}
