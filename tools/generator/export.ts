import { addressOf, placeOf } from './addresses.js';
import { toDays } from './dates.js';
import { DIRT, type Dirt, spoilCells } from './dirty.js';
import { type Enterprise, enterprise, type PopulationOptions } from './enterprise.js';
import { cellsOf, csvLine, type ExportFormat, headerLine, jsonLine } from './formats.js';
import { entityPrng, type Prng } from './prng.js';
import { branchOf, type Row, rowOf } from './rows.js';
import { type SinkOptions, TextSink } from './write.js';

export interface ExportOptions extends SinkOptions {
  rows: number;
  seed: number;
  asOf: string;
  format: ExportFormat;
  /** Share of rows spoiled in one of the ways the validator rejects (default 1%). */
  dirtyShare?: number;
  delimiter?: ',' | ';' | '\t';
  /** Rows of a merged province that carry the pre-2025 column after the merger (default 0.15). */
  legacyShare?: number;
  /** Write the head-office address column (default true); the bench compares runs with and without. */
  addresses?: boolean;
}

/** Writes rows of one export: real rows, branches, a few duplicates and the dirty share. */
export class ExportWriter {
  rows = 0;
  private constructor(
    private readonly sink: TextSink,
    private readonly options: {
      asOf: string;
      format: ExportFormat;
      delimiter: string;
      dirtyShare: number;
      seed: number;
      addresses: boolean;
    },
  ) {}

  static async open(file: string, options: ExportOptions): Promise<ExportWriter> {
    const sink = await TextSink.open(file, options);
    const delimiter = options.delimiter ?? ',';
    const writer = new ExportWriter(sink, {
      asOf: options.asOf,
      format: options.format,
      delimiter,
      dirtyShare: options.dirtyShare ?? 0.01,
      seed: options.seed,
      addresses: options.addresses ?? true,
    });
    await sink.write(headerLine(options.format, delimiter, writer.options.addresses));
    return writer;
  }

  /** The enterprise's row (and its branch), perhaps spoiled, perhaps repeated with a later update. */
  async enterprise(
    e: Enterprise,
    legacy: { share: number; always?: boolean; clean?: boolean; certainPlace?: boolean },
    limit = Number.POSITIVE_INFINITY,
  ): Promise<void> {
    const row = rowOf(e, { asOf: this.options.asOf, legacyShare: legacy.share, legacyAlways: legacy.always });
    if (this.options.addresses)
      row.address = addressOf(e, placeOf(e, this.options.seed, legacy.certainPlace), this.options.asOf);
    const rng = entityPrng(this.options.seed, e.index, toDays(this.options.asOf));
    const dirty = !legacy.clean && rng.chance(this.options.dirtyShare);
    await this.row(row, dirty ? rng.pick(DIRT) : null, rng);
    if (e.branch && this.rows < limit) await this.row(branchOf(row), null, rng);
    if (rng.chance(0.003) && this.rows < limit) {
      // The same enterprise twice: the later update wins in the pipeline.
      await this.row(
        // biome-ignore lint/complexity/useMathMinMax: dates as text, which Math.max would make NaN
        { ...row, updated: row.updated >= this.options.asOf ? row.updated : this.options.asOf },
        null,
        rng,
      );
    }
  }

  private async row(row: Row, dirt: Dirt | null, rng: Prng): Promise<void> {
    const { format, delimiter, asOf } = this.options;
    const clean = cellsOf(row, format, this.options.addresses);
    const cells = dirt ? spoilCells(clean, dirt, rng, asOf, format === 'vn-dkkd-csv') : clean;
    this.rows++;
    if (format === 'ndjson')
      await this.sink.write(
        dirt === 'malformed_row' ? `{"enterprise_id": "${row.id}", "name": \n` : jsonLine(cells),
      );
    else await this.sink.write(csvLine(cells, delimiter));
  }

  async close(): Promise<{ rows: number; bytes: number }> {
    await this.sink.close();
    return { rows: this.rows, bytes: this.sink.bytes };
  }
}

/**
 * A national export of exactly `rows` rows, as of a date, deterministic for a seed, streamed to
 * disk (1M rows never sit in memory).
 */
export async function writeExport(
  file: string,
  options: ExportOptions,
): Promise<{ rows: number; bytes: number }> {
  const writer = await ExportWriter.open(file, options);
  const population: PopulationOptions = { seed: options.seed, horizon: options.asOf };
  for (let i = 0; writer.rows < options.rows; i++) {
    await writer.enterprise(enterprise(i, population), { share: options.legacyShare ?? 0.15 }, options.rows);
  }
  return writer.close();
}
