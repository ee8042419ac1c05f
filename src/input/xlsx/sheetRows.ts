import type { Readable } from 'node:stream';
import type { SaxesTagPlain } from 'saxes';
import type { RawCell } from './cellText.js';
import type { SharedStrings } from './sharedStrings.js';
import { parseXml, unescapeOoxml } from './xmlEvents.js';

/** One row of a streamed sheet: its number in the sheet and its cells by column (1-based). */
export interface SheetRow {
  number: number;
  values: RawCell[];
}

/** `AB12` → 28: the column of a cell reference, 1-based; 0 when the reference has none. */
export function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  return column;
}

/** The cell being read: its column, its type (`t`) and the text of its value so far. */
interface OpenCell {
  column: number;
  type: string;
  value: string;
  /** Inside `<v>`, or inside the `<t>` of an inline string. */
  reading: boolean;
}

/**
 * A sheet's rows in order, from `<sheetData>`: shared strings resolved, numbers as numbers,
 * booleans as booleans, errors and formula strings as their text (a formula's cached value, not
 * the formula). Rows come out a chunk of XML at a time.
 */
export async function* sheetRows(stream: Readable, strings: SharedStrings): AsyncGenerator<SheetRow> {
  let ready: SheetRow[] = [];
  let row: SheetRow | null = null;
  let cell: OpenCell | null = null;
  let lastRow = 0;
  let lastColumn = 0;
  const events = parseXml(stream, {
    open(tag: SaxesTagPlain) {
      const name = tag.name;
      if (name === 'c' && row) {
        const ref = tag.attributes.r;
        const column = typeof ref === 'string' && ref !== '' ? columnOf(ref) : lastColumn + 1;
        lastColumn = column;
        const type = tag.attributes.t;
        cell = { column, type: typeof type === 'string' ? type : 'n', value: '', reading: false };
      } else if ((name === 'v' || name === 't') && cell) cell.reading = true;
      else if (name === 'row') {
        const r = Number(tag.attributes.r);
        lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
        lastColumn = 0;
        row = { number: lastRow, values: [] };
      }
    },
    text(text) {
      if (cell?.reading) cell.value += text;
    },
    close(name) {
      if ((name === 'v' || name === 't') && cell) cell.reading = false;
      else if (name === 'c' && cell && row) {
        row.values[cell.column] = cellValue(cell, strings);
        cell = null;
      } else if (name === 'row' && row) {
        ready.push(row);
        row = null;
      }
    },
  });
  for await (const _ of events) {
    if (ready.length === 0) continue;
    const out = ready;
    ready = [];
    yield* out;
  }
  yield* ready;
}

function cellValue(cell: OpenCell, strings: SharedStrings): RawCell {
  const { type, value } = cell;
  switch (type) {
    case 's': {
      const index = Number(value);
      return Number.isInteger(index) ? (strings.get(index) ?? '') : '';
    }
    case 'inlineStr':
    case 'str':
      return unescapeOoxml(value);
    case 'b':
      return value === '1' || value === 'true';
    case 'e':
      return value;
    case 'd':
      return value.slice(0, 10);
    default: {
      if (value.trim() === '') return null;
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
  }
}
