import { REASON_VI, REJECT_REASONS, WARNING_REASONS } from '../domain/rejects.js';
import { CSV_BOM, csvLine } from './cell.js';

const ORDER: readonly string[] = [...REJECT_REASONS, ...WARNING_REASONS];

export interface FeedReasons {
  feedId: string;
  /** Rows of the feed's rejects file by reason. */
  reasons: Readonly<Record<string, number>>;
}

/** The reasons of a feed in the order the spec lists them, each with its rows. */
export function reasonRows(reasons: Readonly<Record<string, number>>): Array<[string, number]> {
  return ORDER.filter((r) => (reasons[r] ?? 0) > 0).map((r) => [r, reasons[r]!]);
}

export type SummaryRow = {
  as_of: string;
  feed_id: string;
  reason: string;
  reason_vi: string;
  rows: number;
};

/** A row per feed and reason with rows, feeds in id order: `rejects_summary.csv` and the workbook's sheet. */
export function rejectsSummaryRows(asOf: string, feeds: readonly FeedReasons[]): SummaryRow[] {
  return [...feeds]
    .sort((a, b) => (a.feedId < b.feedId ? -1 : 1))
    .flatMap((f) =>
      reasonRows(f.reasons).map(([reason, rows]) => ({
        as_of: asOf,
        feed_id: f.feedId,
        reason,
        reason_vi: REASON_VI[reason as keyof typeof REASON_VI],
        rows,
      })),
    );
}

const SUMMARY_COLUMNS = ['as_of', 'feed_id', 'reason', 'reason_vi', 'rows'] as const;

export function rejectsSummaryCsv(
  asOf: string,
  feeds: readonly FeedReasons[],
): { text: string; rows: number } {
  const rows = rejectsSummaryRows(asOf, feeds);
  const lines = rows.map((r) => csvLine(SUMMARY_COLUMNS.map((c) => r[c])));
  return { text: CSV_BOM + csvLine(SUMMARY_COLUMNS) + lines.join(''), rows: rows.length };
}
