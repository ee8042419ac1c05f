import type { Readable } from 'node:stream';
import { FileRejectedError } from '../domain/errors.js';
import { CsvRecordReader, splitRecord } from './csvRecords.js';
import { decodeText } from './decode.js';
import { type ColumnMap, headerName, mapColumns } from './headers.js';
import { type BrokenRecord, cutToBytes, DEFAULT_LIMITS, overBytes, tooLong } from './limits.js';
import { LineScanner } from './lines.js';
import { ndjsonRow } from './ndjson.js';
import type { ParseOptions } from './options.js';
import { readWorkbookBatches, sniffWorkbook, WorkbookRejectedError } from './xlsx/index.js';

/** How a batch's record texts are read: the delimiter and columns of a CSV file, or NDJSON. */
export type RecordLayout =
  | { format: 'ndjson' }
  | {
      format: 'csv';
      delimiter: string;
      index: ColumnMap['index'];
      width: number;
      /** The header's cells as written (trimmed): the columns of the feed's rejects file. */
      header: string[];
    };

/**
 * Rows of a file not yet validated: each record's text (a CSV record, possibly of several lines,
 * or an NDJSON line) and its physical line number. `broken` marks the records whose quote never
 * closed, by position, with the reason. Plain data, so that a batch can go to another thread.
 */
export interface RecordBatch {
  layout: RecordLayout;
  texts: string[];
  lines: number[];
  broken: Record<number, BrokenRecord>;
}

/** Records per batch: large enough that handing a batch to a thread costs little per row. */
export const BATCH_ROWS = 4096;
/** And at most this much text, so that a batch of long records stays small too. */
export const BATCH_CHARS = 16 * 1024 * 1024;

/**
 * Reads one export as a stream of record batches (`spec/input.md`): the encoding, gzip, the
 * delimiter, the header and whole-file failures are settled here; rows are left to validate.
 */
export async function* readRecordBatches(
  input: Readable,
  options: ParseOptions,
): AsyncGenerator<RecordBatch> {
  const sniffed = await sniffWorkbook(input);
  if (sniffed.workbook || options.format === 'vn-dkkd-xlsx') {
    yield* workbookBatches(sniffed, options);
    return;
  }
  yield* textBatches(sniffed.stream, options);
}

/** A workbook by its bytes is read as one whatever the format says; `vn-dkkd-xlsx` must be one. */
export async function* workbookBatches(
  sniffed: { workbook: boolean; stream: Readable },
  options: ParseOptions,
): AsyncGenerator<RecordBatch> {
  if (!sniffed.workbook) {
    sniffed.stream.destroy();
    throw new WorkbookRejectedError(`${options.fileName} is not an xlsx workbook (no zip header)`, {
      feed: options.feedId,
      file: options.fileName,
    });
  }
  yield* readWorkbookBatches(sniffed.stream, options);
}

async function* textBatches(input: Readable, options: ParseOptions): AsyncGenerator<RecordBatch> {
  const splitter = options.format === 'ndjson' ? new NdjsonSplitter(options) : new CsvSplitter(options);
  let sawText = false;
  for await (const text of decodeText(input, options)) {
    if (text.length === 0) continue;
    sawText = true;
    splitter.push(text);
    if (splitter.full()) yield splitter.take();
  }
  splitter.end();
  if (!sawText || !splitter.sawHeader()) {
    throw new FileRejectedError(`${options.fileName} is empty: no header and no rows`, {
      feed: options.feedId,
      file: options.fileName,
    });
  }
  if (splitter.size() > 0) yield splitter.take();
}

/** Gathers records into the batch under way. */
abstract class Splitter {
  protected texts: string[] = [];
  protected lines: number[] = [];
  protected broken: Record<number, BrokenRecord> = {};
  private chars = 0;

  abstract push(text: string): void;
  abstract end(): void;
  abstract sawHeader(): boolean;
  protected abstract layout(): RecordLayout;

  size(): number {
    return this.texts.length;
  }

  /** Whether the batch under way is as large as a batch gets. */
  full(): boolean {
    return this.texts.length >= BATCH_ROWS || this.chars >= BATCH_CHARS;
  }

  take(): RecordBatch {
    const batch = { layout: this.layout(), texts: this.texts, lines: this.lines, broken: this.broken };
    this.texts = [];
    this.lines = [];
    this.broken = {};
    this.chars = 0;
    return batch;
  }

  protected add(text: string, line: number, broken?: BrokenRecord): void {
    if (broken !== undefined) this.broken[this.texts.length] = broken;
    this.chars += text.length;
    this.texts.push(text);
    this.lines.push(line);
  }
}

export class CsvSplitter extends Splitter {
  private columns: ColumnMap | null = null;
  private readonly reader: CsvRecordReader;

  constructor(private readonly options: ParseOptions) {
    super();
    this.reader = new CsvRecordReader(
      {
        record: (text, line) => {
          if (this.columns) this.add(text, line);
          else this.columns = this.header(text);
        },
        malformed: (text, line, problem) => {
          if (!this.columns) this.rejectFile(`${this.options.fileName}: the header line: ${problem.message}`);
          this.add(text, line, problem);
        },
      },
      undefined,
      options.limits,
    );
  }

  push(text: string): void {
    this.reader.push(text);
  }

  end(): void {
    this.reader.end();
  }

  sawHeader(): boolean {
    return this.columns !== null;
  }

  /** No quoted cell is open: what has been pushed ends at a record's end. */
  atRecordStart(): boolean {
    return this.reader.atRecordStart;
  }

  protected layout(): RecordLayout {
    const columns = this.columns!;
    return {
      format: 'csv',
      delimiter: this.delimiter(),
      index: columns.index,
      width: columns.header.length,
      header: columns.header.map((cell) => cell.replace(/^\uFEFF/, '').trim()),
    };
  }

  private delimiter(): string {
    return this.reader.delimiter ?? ',';
  }

  private header(text: string): ColumnMap {
    const cells = splitRecord(text, this.delimiter());
    if (!cells) return this.rejectFile(`${this.options.fileName}: the header line has broken quoting`);
    const vietnamese = this.options.format === 'vn-dkkd-csv';
    const columns = mapColumns(cells, vietnamese);
    if (columns.duplicate) {
      const [first, again] = columns.duplicate.map((c) => JSON.stringify(c.trim()));
      const what =
        first === again ? `column ${first} twice` : `column ${first} twice (as ${first} and ${again})`;
      this.rejectFile(
        `${this.options.fileName}: the header names ${what}: which copy holds the data is unknown`,
      );
    }
    if (columns.missing.length > 0) {
      const names = columns.missing.map((f) => JSON.stringify(headerName(f, vietnamese))).join(', ');
      this.rejectFile(
        `${this.options.fileName} is not a ${this.options.format} file: missing required column ${names}`,
      );
    }
    return columns;
  }

  private rejectFile(message: string): never {
    throw new FileRejectedError(message, {
      feed: this.options.feedId,
      file: this.options.fileName,
    });
  }
}

class NdjsonSplitter extends Splitter {
  private readonly scanner: LineScanner;
  private readonly limit: number;
  private lineNo = 0;
  private seen = false;

  constructor(private readonly options: ParseOptions) {
    super();
    this.limit = (options.limits ?? DEFAULT_LIMITS).maxRecordBytes;
    this.scanner = new LineScanner(
      { line: (text) => this.line(text), longLine: (head) => this.longLine(head) },
      this.limit,
    );
  }

  push(text: string): void {
    this.scanner.push(text);
  }

  end(): void {
    this.scanner.end();
  }

  sawHeader(): boolean {
    return this.seen;
  }

  protected layout(): RecordLayout {
    return { format: 'ndjson' };
  }

  /** Only the first line is parsed here: a file that does not start with a JSON object is not NDJSON. */
  private line(text: string): void {
    this.lineNo++;
    if (text.trim().length === 0) return;
    if (overBytes(text, this.limit)) {
      this.tooLong(text);
      return;
    }
    if (!this.seen) {
      const row = ndjsonRow(text);
      if (row.ok === false && row.notJson) {
        throw new FileRejectedError(
          `${this.options.fileName} is not NDJSON: line ${this.lineNo} is not a JSON object`,
          { feed: this.options.feedId, file: this.options.fileName, row: this.lineNo },
        );
      }
      this.seen = true;
    }
    this.add(text, this.lineNo);
  }

  private longLine(head: string): void {
    this.lineNo++;
    this.tooLong(head);
  }

  /** A line past the limit is a row rejected whole; a first line so long says nothing of the format. */
  private tooLong(text: string): void {
    this.seen = true;
    this.add(cutToBytes(text, this.limit), this.lineNo, tooLong('record', this.limit));
  }
}
