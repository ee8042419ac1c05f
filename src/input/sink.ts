import type { IngestedRecord } from '../domain/record.js';
import type { RejectedRow, WarnedRow } from '../domain/rejects.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ParseOptions } from './options.js';
import { createRowCaches, type RowContext } from './validate.js';

/** Where rows go. `drain()` is awaited between batches of the file, so a slow sink slows the reading. */
export interface RowSink {
  accept(record: IngestedRecord): void;
  reject(row: RejectedRow): void;
  /** An accepted row also listed as a warning (`address_conflict`). */
  warn?(row: WarnedRow): void;
  drain(): Promise<void>;
}

export interface ParseSummary {
  rowsRead: number;
  accepted: number;
  rejected: number;
  /** Accepted rows also listed as warnings (`address_conflict`). */
  warnings: number;
}

/** The context rows of one feed are validated in; its caches live as long as the parse. */
export function rowContext(options: ParseOptions): RowContext {
  return {
    feedId: options.feedId,
    asOf: options.asOf,
    vietnamese: options.format.startsWith('vn-dkkd'),
    industryCodes: options.industryCodes,
    industry: options.industry,
    defaultProvince: options.defaultProvince,
    maxCellBytes: (options.limits ?? DEFAULT_LIMITS).maxCellBytes,
    caches: createRowCaches(options.format.startsWith('vn-dkkd'), options.asOf),
  };
}
