import type { PipelineContext } from '../context/context.js';
import { CSV_BOM, csvLine } from '../csv/index.js';
import type { ColumnDef } from '../dictionary/index.js';
import { indicatorHistory, targetsHistory } from '../history/index.js';
import { listPublished } from '../snapshot/catalog.js';
import { historyKeys } from '../snapshot/layout.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import { contentType } from './aggregate.js';
import { putParquetOf } from './parquetTwins.js';

export interface HistoryFile {
  key: string;
  rows: number;
  sha256: string;
}

interface HistoryTable {
  csv: string;
  parquet: string;
  build: () => Promise<{ columns: ColumnDef[]; lines: string[] }>;
}

/** What the history is a function of: the published run of every date. */
function fingerprint(published: readonly SnapshotPointer[]): string {
  return published.map((p) => `${p.as_of}/${p.run_id}`).join(',');
}

/**
 * Rewrites `history/*.csv` and their Parquet twins from every published snapshot: the same
 * published snapshots give the same bytes, whichever date was published last. Two after-publish
 * jobs may overlap on BullMQ, so a writer that sees a newer set of snapshots once it is done writes again.
 */
export async function writeHistory(ctx: PipelineContext): Promise<HistoryFile[]> {
  let published = await listPublished(ctx.store);
  for (let attempt = 0; ; attempt++) {
    const files = await writeHistoryOf(ctx, published);
    const now = await listPublished(ctx.store);
    if (fingerprint(now) === fingerprint(published) || attempt >= MAX_REWRITES) return files;
    published = now;
  }
}

const MAX_REWRITES = 5;

async function writeHistoryOf(ctx: PipelineContext, published: SnapshotPointer[]): Promise<HistoryFile[]> {
  if (published.length === 0) return [];
  const tables: HistoryTable[] = [
    {
      csv: historyKeys.provincesCsv,
      parquet: historyKeys.provincesParquet,
      build: () => indicatorHistory(ctx.store, published, 'provinces'),
    },
    {
      csv: historyKeys.legacyCsv,
      parquet: historyKeys.legacyParquet,
      build: () => indicatorHistory(ctx.store, published, 'legacy_provinces'),
    },
    {
      csv: historyKeys.targetsCsv,
      parquet: historyKeys.targetsParquet,
      build: () => targetsHistory(ctx, published),
    },
  ];
  const files: HistoryFile[] = [];
  for (const t of tables) {
    const { columns, lines } = await t.build();
    const put = await ctx.store.put(t.csv, CSV_BOM + csvLine(columns.map((c) => c.name)) + lines.join(''), {
      contentType: contentType(t.csv),
    });
    files.push({ key: t.csv, rows: lines.length, sha256: put.sha256 });
    const twin = await putParquetOf(ctx.store, t.csv, t.parquet, columns);
    files.push({ key: t.parquet, rows: twin.rows, sha256: twin.sha256 });
  }
  return files;
}
