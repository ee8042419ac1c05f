import type { ExportBatch, ParseOptions, RowContext } from '../input/index.js';
import { rowContext } from '../input/index.js';
import { batchOf, type StagedBatch, stageBatch, stagedBatchSchema } from '../staging/stageBatch.js';
import { ThreadPool } from '../threads/pool.js';
import type { IngestThreadSetup } from './threads/ingestMessages.js';
import { THREADS_AFTER_ROWS } from './threads/spec.js';

/**
 * Validates an export's batches: in this thread at first, then, once the export proves large (or
 * from the first batch, when its size says so), in a pool of worker threads. Results are promises,
 * taken in submission order by the caller, so the staged bytes are the same however the batches
 * were spread.
 */
export class BatchStager {
  private readonly local: RowContext;
  private pool: ThreadPool | null = null;
  private rows = 0;

  constructor(
    private readonly options: ParseOptions,
    private readonly partitions: number,
    private readonly threads: number,
    /** Threads from the first batch on: the export is known to be large (`THREADS_FROM_BYTES`). */
    private readonly large = false,
  ) {
    this.local = rowContext(options);
  }

  /** Batches worth keeping in flight, so that no thread waits for the next. */
  get depth(): number {
    return this.pool ? this.pool.size * 2 : 1;
  }

  /** Whether batches may come as bytes: they go to threads from the first (see `ByteBatch`). */
  get takesBytes(): boolean {
    return this.large && this.threads > 1;
  }

  /** `rows`: the records the batch holds. */
  stage(batch: ExportBatch, rows: number): Promise<StagedBatch> {
    this.rows += rows;
    if (!this.pool && this.threads > 1 && (this.large || this.rows > THREADS_AFTER_ROWS))
      this.pool = this.openPool();
    if (!this.pool) return Promise.resolve(stageBatch(batchOf(batch), this.local, this.partitions));
    const transfer = 'bytes' in batch ? [batch.bytes.bytes.buffer as ArrayBuffer] : [];
    return this.pool.run(batch, transfer).then((result) => stagedBatchSchema.parse(result));
  }

  private openPool(): ThreadPool | null {
    const { industry: _catalog, ...options } = this.options;
    const setup: IngestThreadSetup = { options, partitions: this.partitions };
    return ThreadPool.open('ingestThread', setup, this.threads);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
