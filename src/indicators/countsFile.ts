import { DteError } from '../domain/errors.js';
import type { PartitionCounts } from './tally.js';
import { TallyRows, type TallyRowsFile } from './tallyRows.js';

/** The format a partition's counts file is written in; a file of another is refused. */
const FORMAT = 'tally-rows-1';

/**
 * A partition's counts as classify leaves them for aggregate: each table's codes and its numbers in
 * one list, which is written, read and summed without making an object per code and partition.
 */
export interface CountsFile {
  format: typeof FORMAT;
  categories: string[];
  provinces: TallyRowsFile;
  legacy: TallyRowsFile;
  communes: TallyRowsFile;
}

/** The three tables of a partition, or of a whole run once partitions are added in. */
export class CountsTables {
  readonly provinces: TallyRows;
  readonly legacy: TallyRows;
  readonly communes: TallyRows;

  constructor(private readonly categories: readonly string[]) {
    this.provinces = new TallyRows(categories);
    this.legacy = new TallyRows(categories);
    this.communes = new TallyRows(categories);
  }

  /** The tallies by code, made once. */
  counts(): PartitionCounts {
    return {
      provinces: this.provinces.toTable(),
      legacy: this.legacy.toTable(),
      communes: this.communes.toTable(),
    };
  }

  file(): CountsFile {
    return {
      format: FORMAT,
      categories: [...this.categories],
      provinces: this.provinces.toFile(),
      legacy: this.legacy.toFile(),
      communes: this.communes.toFile(),
    };
  }

  /** Adds a partition's counts file (parsed JSON), refusing one of another format or other categories. */
  addFile(value: unknown, key: string): void {
    const file = value as Partial<CountsFile> | null;
    const categories = file?.categories ?? [];
    if (
      file?.format !== FORMAT ||
      categories.length !== this.categories.length ||
      categories.some((c, i) => c !== this.categories[i])
    ) {
      throw new DteError('a counts file of another format or other categories', { key });
    }
    this.provinces.addFile(file.provinces!);
    this.legacy.addFile(file.legacy!);
    this.communes.addFile(file.communes!);
  }
}
