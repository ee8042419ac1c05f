import {
  type BrokenRecord,
  cutToBytes,
  DEFAULT_LIMITS,
  type InputLimits,
  overBytes,
  tooLong,
} from './limits.js';
import { LineScanner, quotesIn } from './lines.js';

/**
 * RFC 4180 records from text, one physical line at a time, with the physical line number of each
 * record's first line (header = 1). Records are handed on as text: splitting them into cells is
 * left to whoever validates them, which may be another thread. Written here rather than taken from csv-parse because a
 * quarantine must account for every row: after a broken quote csv-parse stays in quoted mode and
 * swallows the rows that follow, where this reader rejects the one row and goes on with the next line.
 */

export interface RecordHandler {
  /** One record's text (its lines joined by `\n`), not yet split: `splitRecord` does that. */
  record(text: string, line: number): void;
  /**
   * A row whose quoted cell never closes (its first line's text), or one past the record limit (its
   * text cut to the limit), with its first line's number.
   */
  malformed(raw: string, line: number, problem: BrokenRecord): void;
}

/** A quoted cell may span lines, but not without end: past this a quote is taken as broken. */
const MAX_RECORD_LINES = 200;

/** Splits one record's text into cells, or null when its quoting is broken. */
export function splitRecord(text: string, delimiter: string): string[] | null {
  let quote = text.indexOf('"');
  if (quote < 0) return splitPlain(text, delimiter);
  const cells: string[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    if (quote >= 0 && quote < i) quote = text.indexOf('"', i);
    if (quote === i) {
      let value = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(value);
      if (i === n) return cells;
      if (text[i] !== delimiter) return null;
      i++;
    } else {
      const d = text.indexOf(delimiter, i);
      const end = d < 0 ? n : d;
      // The next quote is known: an unquoted cell holding one is broken, without scanning the cell again.
      if (quote >= 0 && quote < end) return null;
      cells.push(text.slice(i, end));
      if (d < 0) return cells;
      i = d + 1;
    }
  }
}

/** A record without quotes: its cells between delimiters (a third faster than `split`, on a million rows). */
function splitPlain(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let from = 0;
  for (let d = text.indexOf(delimiter); d >= 0; d = text.indexOf(delimiter, from)) {
    cells.push(text.slice(from, d));
    from = d + 1;
  }
  cells.push(text.slice(from));
  return cells;
}

/** Whether a record's text so far leaves a quoted cell open (an odd number of quotes). */
function openQuote(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) count++;
  return count % 2 === 1;
}

/** Picks the delimiter the header line uses most: `,`, `;` or tab (Excel in a Vietnamese locale writes `;`). */
export function detectDelimiter(header: string): string {
  const outside = header.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: outside.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/** What a reader keeps of a record past the limit while it looks for the record's end. */
interface Overlong {
  /** The record's first line number, and its first line (cut to the limit, when `firstLong`). */
  start: number;
  first: string;
  firstLong: boolean;
  /** The record's text so far, as much as the limit keeps. */
  head: string;
  /** The lines after the first, while they fit in the limit (to be read again); null past it. */
  after: string[] | null;
  afterChars: number;
  quotes: number;
  lines: number;
}

export class CsvRecordReader {
  private lineNo = 0;
  private pending: string[] = [];
  private pendingChars = 0;
  private pendingStart = 0;
  /** A record past the limit: what is kept of it, while the rest is skipped to its end. */
  private overlong: Overlong | null = null;
  private readonly scanner: LineScanner;
  private readonly limit: number;
  delimiter: string | null = null;

  /**
   * `start`: where a reader takes over from another at a record boundary (`byteBatches.ts`): the
   * delimiter its header set and the number of the last line already read.
   */
  constructor(
    private readonly handler: RecordHandler,
    start?: { delimiter: string; lineNo: number },
    limits: InputLimits = DEFAULT_LIMITS,
  ) {
    if (start) {
      this.delimiter = start.delimiter;
      this.lineNo = start.lineNo;
    }
    this.limit = limits.maxRecordBytes;
    this.scanner = new LineScanner(
      { line: (text) => this.line(text), longLine: (head, quotes) => this.longLine(head, quotes) },
      this.limit,
    );
  }

  /** No quoted cell is open: the next line starts a record. */
  get atRecordStart(): boolean {
    return this.pending.length === 0 && this.overlong === null;
  }

  /** One physical line (without its line break), as `push` would hand it on. */
  pushLine(text: string): void {
    this.line(text);
  }

  /** Feeds decoded text; complete lines are handled at once, synchronously. */
  push(text: string): void {
    this.scanner.push(text);
  }

  end(): void {
    this.scanner.end();
    if (this.overlong) this.emitOverlong(false);
    while (this.pending.length > 0) this.flushBroken();
  }

  private line(text: string): void {
    this.lineNo++;
    if (this.overlong) this.continueOverlong(text, quotesIn(text, 0, text.length));
    else this.take(text, this.lineNo);
  }

  private longLine(head: string, quotes: number): void {
    this.lineNo++;
    if (this.overlong) {
      this.continueOverlong(null, quotes);
      return;
    }
    if (this.pending.length === 0) {
      this.startOverlong({ start: this.lineNo, first: head, firstLong: true, head, after: [] }, quotes);
      return;
    }
    const before = this.pending;
    this.pending = [];
    const joined = `${before.join('\n')}\n${head}`;
    const quotesBefore = quotesIn(joined, 0, joined.length - head.length);
    const record = {
      start: this.pendingStart,
      first: before[0]!,
      firstLong: false,
      head: joined,
      after: null,
    };
    this.startOverlong(record, quotesBefore + quotes, before.length + 1);
  }

  private take(text: string, lineNo: number): void {
    if (this.pending.length > 0) {
      this.pending.push(text);
      this.pendingChars += text.length + 1;
      const joined = this.pending.join('\n');
      if (this.pendingChars > this.limit) {
        const [first, ...after] = this.pending;
        this.pending = [];
        const kept = this.pendingChars - first!.length <= this.limit ? after : null;
        const record = {
          start: this.pendingStart,
          first: first!,
          firstLong: false,
          head: joined,
          after: kept,
        };
        this.startOverlong(record, quotesIn(joined, 0, joined.length), after.length + 1);
        return;
      }
      if (!openQuote(joined)) {
        this.pending = [];
        this.emit(joined, this.pendingStart);
      } else if (this.pending.length >= MAX_RECORD_LINES) {
        this.flushBroken();
      }
      return;
    }
    if (text.length === 0 || text.trim().length === 0) return;
    if (this.delimiter === null) this.delimiter = detectDelimiter(text);
    if (text.includes('"') && openQuote(text)) {
      this.pending = [text];
      this.pendingChars = text.length;
      this.pendingStart = lineNo;
      return;
    }
    this.emit(text, lineNo);
  }

  private emit(text: string, lineNo: number): void {
    if (!overBytes(text, this.limit)) {
      this.handler.record(text, lineNo);
      return;
    }
    const record = { start: lineNo, first: text, firstLong: true, head: text, after: [] };
    this.startOverlong(record, quotesIn(text, 0, text.length));
  }

  /**
   * A record past the limit ends where its quotes balance at a line break. One whose quote never
   * closes is, as any broken quote, its first line alone, and the lines after it are read again
   * when they were few enough to keep; past the limit they are part of the reject.
   */
  private startOverlong(
    record: Omit<Overlong, 'quotes' | 'lines' | 'afterChars'>,
    quotes: number,
    lines = 1,
  ): void {
    if (this.delimiter === null) this.delimiter = detectDelimiter(record.first.slice(0, 4096));
    const afterChars = record.after?.reduce((n, line) => n + line.length + 1, 0) ?? 0;
    this.overlong = { ...record, quotes, lines, afterChars };
    if (quotes % 2 === 0) this.emitOverlong(true);
    else if (lines >= MAX_RECORD_LINES) this.emitOverlong(false);
  }

  /** `text`: the line, or null for one past the limit, which cannot be kept. */
  private continueOverlong(text: string | null, quotes: number): void {
    const overlong = this.overlong!;
    overlong.quotes += quotes;
    overlong.lines++;
    if (overlong.after && (text === null || overlong.afterChars + text.length + 1 > this.limit))
      overlong.after = null;
    if (overlong.after && text !== null) {
      overlong.after.push(text);
      overlong.afterChars += text.length + 1;
    }
    if (overlong.quotes % 2 === 0) this.emitOverlong(true);
    else if (overlong.lines >= MAX_RECORD_LINES) this.emitOverlong(false);
  }

  /** `closed`: the record's quotes balance, so all its lines are one reject. */
  private emitOverlong(closed: boolean): void {
    const { start, first, firstLong, head, after } = this.overlong!;
    this.overlong = null;
    const tooLongRecord = tooLong('record', this.limit);
    if (closed || after === null) {
      this.handler.malformed(cutToBytes(head, this.limit), start, tooLongRecord);
      return;
    }
    const problem: BrokenRecord = firstLong
      ? tooLongRecord
      : { reason: 'malformed_row', message: 'a quoted cell is never closed' };
    this.handler.malformed(cutToBytes(first, this.limit), start, problem);
    after.forEach((text, i) => {
      this.take(text, start + 1 + i);
    });
  }

  /** An open quote that never closed: its first line is the broken row; the lines after it are read again. */
  private flushBroken(): void {
    if (this.pending.length === 0) return;
    const [first, ...rest] = this.pending;
    const start = this.pendingStart;
    this.pending = [];
    this.handler.malformed(first ?? '', start, {
      reason: 'malformed_row',
      message: 'a quoted cell is never closed',
    });
    rest.forEach((text, i) => {
      this.take(text, start + 1 + i);
    });
  }
}
