import type { Tally } from './tally.js';

/** Where each count of a tally sits in its row of `TallyRows.values`; the categories follow. */
export const SLOT = {
  enterprises_active: 0,
  dte_active: 1,
  dte_founded_ytd: 2,
  dte_converted: 3,
  dte_ceased: 4,
  digital_secondary: 5,
  dependent_units: 6,
  legacy_known_active: 7,
  non_dte_active_before: 8,
  commune_known_active: 9,
} as const;

const FIRST_CATEGORY = 10;

/** One table of a partition's counts file: a row of `width` numbers per code, in `codes`' order. */
export interface TallyRowsFile {
  codes: string[];
  values: number[];
  /** Counts of categories outside the rules' list, by code (`dte_category` null counts as `''`). */
  other?: Record<string, Record<string, number>>;
}
/** Codes of up to this many digits find their row through a typed index by their value. */
const MAX_INDEXED_DIGITS = 5;

/**
 * The rows of a number per count of a unit (a province, a commune), in one typed array, a row per
 * code some record reached, in the order first reached: a partition's counting indexes numbers
 * instead of looking up an object of thousands of keys per record, and its tallies are made once.
 */
export class TallyRows {
  values: Int32Array;
  readonly width: number;
  private readonly codes: string[] = [];
  private readonly byLength: Array<Int32Array | undefined> = [];
  private readonly byText = new Map<string, number>();
  private readonly categorySlot = new Map<string, number>();
  /** Counts of categories outside the list, by row: none in a run, whose categories are the rules'. */
  private readonly otherCategories = new Map<number, Record<string, number>>();

  constructor(private readonly categories: readonly string[]) {
    this.width = FIRST_CATEGORY + categories.length;
    for (let i = 0; i < categories.length; i++) this.categorySlot.set(categories[i]!, FIRST_CATEGORY + i);
    this.values = new Int32Array(this.width * 64);
  }

  /** Where the code's row starts in `values`, the row made on first use (`values` may be replaced then). */
  at(code: string): number {
    const row = this.rowOf(code);
    return (row >= 0 ? row : this.add(code)) * this.width;
  }

  /** `n` more enterprises (one unless told) of a category in the row at `at`. */
  countCategory(at: number, category: string, n = 1): void {
    const slot = this.categorySlot.get(category);
    if (slot !== undefined) {
      this.values[at + slot]! += n;
      return;
    }
    const row = at / this.width;
    const other = this.otherCategories.get(row) ?? {};
    other[category] = (other[category] ?? 0) + n;
    this.otherCategories.set(row, other);
  }

  /** The rows as tallies by code, in the order first reached, fields in `emptyTally`'s order. */
  toTable(): Record<string, Tally> {
    const table: Record<string, Tally> = {};
    for (let row = 0; row < this.codes.length; row++) table[this.codes[row]!] = this.tally(row);
    return table;
  }

  /** The rows as the counts file holds them: codes, then every row's numbers in one list. */
  toFile(): TallyRowsFile {
    const file: TallyRowsFile = {
      codes: [...this.codes],
      values: Array.from(this.values.subarray(0, this.codes.length * this.width)),
    };
    if (this.otherCategories.size > 0)
      file.other = Object.fromEntries([...this.otherCategories].map(([row, c]) => [this.codes[row]!, c]));
    return file;
  }

  /** Adds the rows of a counts file written with the same categories (`toFile`). */
  addFile(file: TallyRowsFile): void {
    const { width } = this;
    for (let row = 0; row < file.codes.length; row++) {
      const at = this.at(file.codes[row]!);
      const v = this.values;
      const from = row * width;
      for (let i = 0; i < width; i++) v[at + i]! += file.values[from + i]!;
    }
    for (const [code, counts] of Object.entries(file.other ?? {})) {
      const at = this.at(code);
      for (const [category, n] of Object.entries(counts)) this.countCategory(at, category, n);
    }
  }

  private tally(row: number): Tally {
    const v = this.values;
    const at = row * this.width;
    const dte_by_category: Record<string, number> = {};
    for (let i = 0; i < this.categories.length; i++)
      dte_by_category[this.categories[i]!] = v[at + FIRST_CATEGORY + i]!;
    Object.assign(dte_by_category, this.otherCategories.get(row));
    return {
      enterprises_active: v[at + SLOT.enterprises_active]!,
      dte_active: v[at + SLOT.dte_active]!,
      dte_by_category,
      dte_founded_ytd: v[at + SLOT.dte_founded_ytd]!,
      dte_converted: v[at + SLOT.dte_converted]!,
      dte_ceased: v[at + SLOT.dte_ceased]!,
      digital_secondary: v[at + SLOT.digital_secondary]!,
      dependent_units: v[at + SLOT.dependent_units]!,
      legacy_known_active: v[at + SLOT.legacy_known_active]!,
      non_dte_active_before: v[at + SLOT.non_dte_active_before]!,
      commune_known_active: v[at + SLOT.commune_known_active]!,
    };
  }

  private rowOf(code: string): number {
    const key = digitsValue(code);
    if (key < 0) return this.byText.get(code) ?? -1;
    const index = this.byLength[code.length];
    return index === undefined ? -1 : index[key]! - 1;
  }

  private add(code: string): number {
    const row = this.codes.length;
    this.codes.push(code);
    const key = digitsValue(code);
    if (key < 0) this.byText.set(code, row);
    else {
      let index = this.byLength[code.length];
      if (index === undefined) {
        index = new Int32Array(10 ** code.length);
        this.byLength[code.length] = index;
      }
      index[key] = row + 1;
    }
    if ((row + 1) * this.width > this.values.length) this.grow();
    return row;
  }

  private grow(): void {
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }
}

/** A code of 1 to `MAX_INDEXED_DIGITS` digits as its number; else -1. */
function digitsValue(code: string): number {
  const n = code.length;
  if (n === 0 || n > MAX_INDEXED_DIGITS) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
