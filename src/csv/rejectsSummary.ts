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

/** `rejects_summary.csv`: a row per feed and reason with rows, feeds in id order. */
export function rejectsSummaryCsv(
  asOf: string,
  feeds: readonly FeedReasons[],
): { text: string; rows: number } {
  const lines = [...feeds]
    .sort((a, b) => (a.feedId < b.feedId ? -1 : 1))
    .flatMap((f) =>
      reasonRows(f.reasons).map(([reason, rows]) =>
        csvLine([asOf, f.feedId, reason, REASON_VI[reason as keyof typeof REASON_VI], rows]),
      ),
    );
  const head = csvLine(['as_of', 'feed_id', 'reason', 'reason_vi', 'rows']);
  return { text: CSV_BOM + head + lines.join(''), rows: lines.length };
}
