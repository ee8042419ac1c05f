import type { Readable } from 'node:stream';
import { FileRejectedError } from '../domain/errors.js';
import type { IndustryCodeResolver } from '../domain/industry.js';
import type { IndustryCodesSetting, IngestedRecord } from '../domain/record.js';
import type { RejectedRow } from '../domain/rejects.js';
import { CsvRecordReader } from './csvRecords.js';
import { decodeText } from './decode.js';
import { type ColumnMap, FIELDS, headerName, mapColumns } from './headers.js';
import { ndjsonRow } from './ndjson.js';
import { createRowCaches, type RawRow, type RowContext, validateRow } from './validate.js';

export interface ParseOptions {
  feedId: string;
  fileName: string;
  format: 'canonical-csv' | 'ndjson' | 'vn-dkkd-csv';
  asOf: string;
  industryCodes: IndustryCodesSetting;
  industry: IndustryCodeResolver;
  defaultProvince: string | null;
}

/** Where rows go. `drain()` is awaited between chunks of the file, so a slow sink slows the reading. */
export interface RowSink {
  accept(record: IngestedRecord): void;
  reject(row: RejectedRow): void;
  drain(): Promise<void>;
}

export interface ParseSummary {
  rowsRead: number;
  accepted: number;
  rejected: number;
}

/** Reads one export as a stream, validating every row into the sink (`spec/input.md`). */
export async function parseFeed(
  input: Readable,
  options: ParseOptions,
  sink: RowSink,
): Promise<ParseSummary> {
  const ctx: RowContext = {
    feedId: options.feedId,
    asOf: options.asOf,
    vietnamese: options.format === 'vn-dkkd-csv',
    industryCodes: options.industryCodes,
    industry: options.industry,
    defaultProvince: options.defaultProvince,
    caches: createRowCaches(options.format === 'vn-dkkd-csv'),
  };
  const summary: ParseSummary = { rowsRead: 0, accepted: 0, rejected: 0 };
  const take = (raw: RawRow, cells: string[], line: number) => {
    summary.rowsRead++;
    const outcome = validateRow(raw, line, ctx);
    if (outcome.ok) {
      summary.accepted++;
      sink.accept(outcome.record);
    } else {
      summary.rejected++;
      sink.reject({ line, reason: outcome.reason, message: outcome.message, cells });
    }
  };
  const malformed = (cells: string[], line: number, message: string) => {
    summary.rowsRead++;
    summary.rejected++;
    sink.reject({ line, reason: 'malformed_row', message, cells });
  };
  const reader =
    options.format === 'ndjson'
      ? ndjsonReader(options, take, malformed)
      : csvReader(options, ctx.vietnamese, take, malformed);
  let sawText = false;
  for await (const text of decodeText(input, options)) {
    if (text.length === 0) continue;
    sawText = true;
    reader.push(text);
    await sink.drain();
  }
  reader.end();
  if (!sawText || !reader.sawHeader()) {
    throw new FileRejectedError(`${options.fileName} is empty: no header and no rows`, {
      feed: options.feedId,
      file: options.fileName,
    });
  }
  return summary;
}

interface Reader {
  push(text: string): void;
  end(): void;
  sawHeader(): boolean;
}

type Take = (raw: RawRow, cells: string[], line: number) => void;
type Malformed = (cells: string[], line: number, message: string) => void;

function csvReader(options: ParseOptions, vietnamese: boolean, take: Take, malformed: Malformed): Reader {
  let columns: ColumnMap | null = null;
  const reader = new CsvRecordReader({
    record(cells, line) {
      if (!columns) {
        columns = header(cells, options, vietnamese);
        return;
      }
      if (cells.length !== columns.header.length) {
        malformed(cells, line, `${cells.length} cells where the header has ${columns.header.length}`);
        return;
      }
      const raw = {} as RawRow;
      for (const field of FIELDS) {
        const i = columns.index[field];
        raw[field] = i < 0 ? '' : (cells[i] ?? '');
      }
      take(raw, cells, line);
    },
    malformed(text, line, reason) {
      if (!columns)
        throw new FileRejectedError(`${options.fileName}: the header line has ${reason}`, {
          feed: options.feedId,
          file: options.fileName,
        });
      malformed([text], line, reason);
    },
  });
  return { push: (t) => reader.push(t), end: () => reader.end(), sawHeader: () => columns !== null };
}

function header(cells: string[], options: ParseOptions, vietnamese: boolean): ColumnMap {
  const columns = mapColumns(cells, vietnamese);
  if (columns.missing.length > 0) {
    const names = columns.missing.map((f) => JSON.stringify(headerName(f, vietnamese))).join(', ');
    throw new FileRejectedError(
      `${options.fileName} is not a ${options.format} file: missing required column ${names}`,
      {
        feed: options.feedId,
        file: options.fileName,
      },
    );
  }
  return columns;
}

function ndjsonReader(options: ParseOptions, take: Take, malformed: Malformed): Reader {
  let carry = '';
  let lineNo = 0;
  let seen = false;
  const line = (text: string) => {
    lineNo++;
    if (text.trim().length === 0) return;
    const row = ndjsonRow(text);
    if (!seen && row.ok === false && row.notJson) {
      throw new FileRejectedError(`${options.fileName} is not NDJSON: line ${lineNo} is not a JSON object`, {
        feed: options.feedId,
        file: options.fileName,
        row: lineNo,
      });
    }
    seen = true;
    if (row.ok) take(row.raw, [text], lineNo);
    else malformed([text], lineNo, row.message);
  };
  return {
    push(text) {
      const data = carry + text;
      let start = 0;
      for (let nl = data.indexOf('\n'); nl >= 0; nl = data.indexOf('\n', start)) {
        line(data.slice(start, nl).replace(/\r$/, ''));
        start = nl + 1;
      }
      carry = data.slice(start);
    },
    end() {
      if (carry.length > 0) line(carry);
      carry = '';
    },
    sawHeader: () => seen,
  };
}
