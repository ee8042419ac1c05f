import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { DteError, FileRejectedError, InvalidEncodingError } from '../domain/errors.js';
import { CsvRecordReader, type RecordHandler } from './csvRecords.js';
import { openExport, readFailure } from './decode.js';
import { type BrokenRecord, DEFAULT_LIMITS, type InputLimits, tooLong } from './limits.js';
import type { ParseOptions } from './options.js';
import {
  BATCH_CHARS,
  BATCH_ROWS,
  CsvSplitter,
  type RecordBatch,
  type RecordLayout,
  readRecordBatches,
  workbookBatches,
} from './records.js';
import { sniffWorkbook } from './xlsx/index.js';

/**
 * Whole lines of a UTF-8 CSV export, as read: cut where no quoted cell is open, so that a reader
 * starting at the batch reads the same records as one reading the whole file. A batch crosses into
 * a worker thread as bytes (handed over, not copied), and the thread decodes and splits it: the
 * thread that reads the file then only finds line breaks and counts quotes, instead of decoding
 * every row and copying each one's text into the thread.
 */
export interface ByteBatch {
  layout: Extract<RecordLayout, { format: 'csv' }>;
  bytes: Uint8Array;
  /** The number of the batch's first line (header = 1). */
  firstLine: number;
  /** The records the batch holds, as counted where it was cut: its reader must find as many. */
  records: number;
}

/** A batch of an export: its bytes (`ByteBatch`), or its record texts where bytes cannot go. */
export type ExportBatch = { bytes: ByteBatch } | { records: RecordBatch };

/**
 * An export's batches: as bytes when `bytes` is asked for and the file is UTF-8 CSV (after its
 * header, which is read here), else as record texts (`readRecordBatches`). Both give the same
 * records, line numbers and whole-file failures.
 */
export async function* readExportBatches(
  input: Readable,
  options: ParseOptions,
  bytes: boolean,
): AsyncGenerator<ExportBatch> {
  if (!bytes || options.format === 'ndjson' || options.format === 'vn-dkkd-xlsx') {
    for await (const records of readRecordBatches(input, options)) yield { records };
    return;
  }
  const sniffed = await sniffWorkbook(input);
  if (sniffed.workbook) {
    for await (const records of workbookBatches(sniffed, options)) yield { records };
    return;
  }
  input = sniffed.stream;
  let encoding = 'UTF-8';
  try {
    const opened = await openExport(input);
    encoding = opened.encoding.name;
    if (opened.encoding.label !== 'utf-8') {
      // Past gzip already, BOM still in place: the record reader decodes these bytes itself.
      for await (const records of readRecordBatches(opened.bytes, options)) yield { records };
      return;
    }
    const cutter = new ByteCutter(options);
    for await (const chunk of opened.bytes) yield* cutter.push(chunk as Buffer);
    await opened.done;
    yield* cutter.end();
  } catch (error) {
    throw readFailure(error, options, encoding);
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/** Cuts an export's bytes into batches of whole records (see `ByteBatch`). */
class ByteCutter {
  /** The header, read as text by the same splitter as every other file, until its record ends. */
  private header: CsvSplitter | null;
  private layout: ByteBatch['layout'] | null = null;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Follows the record reader's state from each line's quotes alone, counting the records it would find. */
  private mirror: CsvRecordReader | null = null;
  private records = 0;
  private lineNo = 0;
  private firstLine = 1;
  private lines = 0;
  /** The batch so far: whole lines, and the start of the next. */
  private segments: Buffer[] = [];
  private segmentBytes = 0;
  /** The bytes of a line begun in an earlier chunk. */
  private partial: Buffer | null = null;
  private first = true;
  /** The last chunk ended in CR: a LF that starts this one belongs to the same line break. */
  private afterCr = false;
  /** Where the record under way starts in the batch: the bytes, lines and records before it. */
  private recordAt = { bytes: 0, lines: 0, records: 0 };
  /** After a record past the limit, the rest of the file is read as text (see `fallBack`). */
  private tail: TextTail | null = null;
  private readonly limits: InputLimits;

  constructor(private readonly options: ParseOptions) {
    this.header = new CsvSplitter(options);
    this.limits = options.limits ?? DEFAULT_LIMITS;
  }

  *push(chunk: Buffer): Generator<ExportBatch> {
    if (this.tail) return yield* this.tail.push(chunk);
    let data = chunk;
    if (this.first) {
      this.first = false;
      if (data.length >= 3 && data[0] === BOM[0] && data[1] === BOM[1] && data[2] === BOM[2])
        data = data.subarray(3);
    }
    let start = 0; // where this chunk's part of the batch starts
    let lineStart = 0;
    if (this.afterCr && data.length > 0) {
      this.afterCr = false;
      if (data[0] === 0x0a) {
        lineStart = 1;
        if (this.header === null && this.lines === 0 && this.segments.length === 0) start = 1;
      }
    }
    // Quotes and line breaks are found by forward searches kept until passed, never byte by byte.
    let quote = data.indexOf(0x22, lineStart);
    let lf = data.indexOf(0x0a, lineStart);
    let cr = data.indexOf(0x0d, lineStart);
    while (lf >= 0 || cr >= 0) {
      const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      let next = end + 1;
      const crAtEnd = end === cr && next === data.length;
      if (end === cr && !crAtEnd && data[next] === 0x0a) next++;
      const headerLine = this.header !== null;
      let quotes = 0;
      for (; quote >= 0 && quote < end; quote = data.indexOf(0x22, quote + 1)) quotes++;
      if (this.partial) {
        const line = Buffer.concat([this.partial, data.subarray(0, end)]);
        this.line(line, 0, line.length, quotes + quotesIn(this.partial));
        this.partial = null;
      } else this.line(data, lineStart, end, quotes);
      lineStart = next;
      if (lf >= 0 && lf < next) lf = data.indexOf(0x0a, next);
      if (cr >= 0 && cr < next) cr = data.indexOf(0x0d, next);
      this.afterCr = crAtEnd;
      if (headerLine) {
        start = lineStart; // the header's lines are part of no batch
        continue;
      }
      const at = this.segmentBytes + lineStart - start; // the batch's bytes up to this line's end
      if (at - this.recordAt.bytes > this.limits.maxRecordBytes) {
        this.addSegment(data.subarray(start));
        return yield* this.fallBack();
      }
      if (!this.mirror!.atRecordStart) continue;
      // A batch never ends between the CR and LF of one line break.
      if ((this.lines >= BATCH_ROWS || at >= BATCH_CHARS) && !crAtEnd) {
        this.addSegment(data.subarray(start, lineStart));
        yield this.cut();
        start = lineStart;
      } else this.recordAt = { bytes: at, lines: this.lines, records: this.records };
    }
    if (start < data.length && this.header === null) this.addSegment(data.subarray(start));
    if (lineStart < data.length) {
      const rest = data.subarray(lineStart);
      this.partial = this.partial ? Buffer.concat([this.partial, rest]) : rest;
      if (this.header && this.partial.length > this.limits.maxRecordBytes) this.headerTooLong();
      if (!this.header && this.segmentBytes - this.recordAt.bytes > this.limits.maxRecordBytes)
        yield* this.fallBack();
    }
  }

  *end(): Generator<ExportBatch> {
    if (this.tail) return yield* this.tail.end();
    if (this.partial) {
      const line = this.partial;
      this.partial = null;
      this.line(line, 0, line.length, quotesIn(line));
    }
    if (this.header) {
      this.header.end();
      if (!this.header.sawHeader()) {
        throw new FileRejectedError(`${this.options.fileName} is empty: no header and no rows`, {
          feed: this.options.feedId,
          file: this.options.fileName,
        });
      }
      // The header was the file's last record (or the file ended inside it): no rows follow.
      this.layout = headerLayout(this.header);
      this.header = null;
      return;
    }
    this.mirror!.end();
    if (this.lines > 0 || this.segments.length > 0) yield this.cut();
  }

  /** `quotes`: how many `"` the line holds. */
  private line(bytes: Buffer, start: number, end: number, quotes: number): void {
    this.lineNo++;
    if (this.header) {
      this.header.push(`${this.decoder.decode(bytes.subarray(start, end))}\n`);
      if (this.header.sawHeader() && this.header.atRecordStart()) this.startBatches();
      return;
    }
    this.lines++;
    // A line the record reader would read the same way: blank, or opening or not a quoted cell.
    this.mirror!.pushLine(isBlank(bytes, start, end, this.decoder) ? '' : quotes % 2 === 1 ? '"' : 'x');
  }

  private startBatches(): void {
    this.layout = headerLayout(this.header!);
    this.header = null;
    this.firstLine = this.lineNo + 1;
    this.mirror = new CsvRecordReader(
      { record: () => this.records++, malformed: () => this.records++ },
      { delimiter: ',', lineNo: this.lineNo },
    );
  }

  private addSegment(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.segments.push(bytes);
    this.segmentBytes += bytes.length;
  }

  /**
   * A record past the limit (whose bytes the mirror cannot judge): the batch before it goes as bytes,
   * and from its first line on the record reader itself reads the rest of the file, as text.
   */
  private *fallBack(): Generator<ExportBatch> {
    const all = Buffer.concat(this.segments);
    const { bytes, lines, records } = this.recordAt;
    const lineNo = this.firstLine + lines - 1;
    this.segments = [];
    this.segmentBytes = 0;
    this.partial = null;
    if (lines > 0) {
      this.addSegment(all.subarray(0, bytes));
      this.lines = lines;
      this.records = records;
      yield this.cut();
    }
    this.tail = new TextTail(this.layout!, lineNo, this.limits);
    yield* this.tail.push(all.subarray(bytes));
  }

  private headerTooLong(): never {
    const { message } = tooLong('record', this.limits.maxRecordBytes);
    throw new FileRejectedError(`${this.options.fileName}: the header line: ${message}`, {
      feed: this.options.feedId,
      file: this.options.fileName,
    });
  }

  private cut(): ExportBatch {
    // A buffer of its own, never a slice of Node's shared pool: it is handed over to another thread.
    const bytes = Buffer.allocUnsafeSlow(this.segmentBytes);
    let at = 0;
    for (const segment of this.segments) {
      bytes.set(segment, at);
      at += segment.length;
    }
    this.segments = [];
    this.segmentBytes = 0;
    this.recordAt = { bytes: 0, lines: 0, records: 0 };
    if (!isUtf8(bytes)) throw new InvalidEncodingError('a batch of the export is not valid UTF-8');
    const batch: ByteBatch = {
      layout: this.layout!,
      bytes,
      firstLine: this.firstLine,
      records: this.records,
    };
    this.firstLine += this.lines;
    this.lines = 0;
    this.records = 0;
    return { bytes: batch };
  }
}

/** The rest of a UTF-8 export after a record past the limit, read as text into record batches. */
class TextTail {
  private readonly records = new RecordCollector();
  private readonly reader: CsvRecordReader;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly layout: ByteBatch['layout'],
    lineNo: number,
    limits: InputLimits,
  ) {
    this.reader = new CsvRecordReader(this.records, { delimiter: layout.delimiter, lineNo }, limits);
  }

  *push(bytes: Uint8Array): Generator<ExportBatch> {
    this.reader.push(this.decoder.decode(bytes, { stream: true }));
    if (this.records.full()) yield this.take();
  }

  *end(): Generator<ExportBatch> {
    this.reader.push(this.decoder.decode());
    this.reader.end();
    if (this.records.texts.length > 0) yield this.take();
  }

  private take(): ExportBatch {
    const { texts, lines, broken } = this.records.take();
    return { records: { layout: this.layout, texts, lines, broken } };
  }
}

function headerLayout(header: CsvSplitter): ByteBatch['layout'] {
  const layout = header.take().layout;
  if (layout.format !== 'csv') throw new DteError('a CSV header gave no CSV layout', {});
  return layout;
}

/**
 * Whether `trim()` would leave nothing of the line: it stops at the first byte that is neither white
 * space nor part of a multi-byte character (for most lines the first), and decodes only a line of
 * white space and such characters, to ask `trim()` itself.
 */
function isBlank(
  bytes: Buffer,
  start: number,
  end: number,
  decoder: { decode(input: Uint8Array): string },
): boolean {
  let unsure = false;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) unsure = true;
    else if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return !unsure || decoder.decode(bytes.subarray(start, end)).trim().length === 0;
}

function quotesIn(bytes: Buffer): number {
  let quotes = 0;
  for (let q = bytes.indexOf(0x22); q >= 0; q = bytes.indexOf(0x22, q + 1)) quotes++;
  return quotes;
}

/**
 * A byte batch's records, read as the whole file's reader would read them from its first line on.
 * Runs in whichever thread validates the batch; fails if it finds another count than was cut.
 */
export function recordsOfBytes(batch: ByteBatch, limits: InputLimits = DEFAULT_LIMITS): RecordBatch {
  const records = new RecordCollector();
  const reader = new CsvRecordReader(
    records,
    { delimiter: batch.layout.delimiter, lineNo: batch.firstLine - 1 },
    limits,
  );
  reader.push(new TextDecoder('utf-8', { fatal: true }).decode(batch.bytes));
  reader.end();
  const { texts, lines, broken } = records.take();
  if (texts.length !== batch.records) {
    throw new DteError('a batch of an export holds other records than were counted where it was cut', {
      line: batch.firstLine,
      counted: batch.records,
      read: texts.length,
    });
  }
  return { layout: batch.layout, texts, lines, broken };
}

/**
 * A batch's records as the reader hands them on; a class (docs/performance.md, "A class, not a
 * closure").
 */
class RecordCollector implements RecordHandler {
  texts: string[] = [];
  lines: number[] = [];
  broken: Record<number, BrokenRecord> = {};
  private chars = 0;

  record(text: string, line: number): void {
    this.texts.push(text);
    this.lines.push(line);
    this.chars += text.length;
  }

  malformed(text: string, line: number, problem: BrokenRecord): void {
    this.broken[this.texts.length] = problem;
    this.record(text, line);
  }

  full(): boolean {
    return this.texts.length >= BATCH_ROWS || this.chars >= BATCH_CHARS;
  }

  /** The records so far, leaving the collector empty. */
  take(): Pick<RecordBatch, 'texts' | 'lines' | 'broken'> {
    const taken = { texts: this.texts, lines: this.lines, broken: this.broken };
    this.texts = [];
    this.lines = [];
    this.broken = {};
    this.chars = 0;
    return taken;
  }
}
