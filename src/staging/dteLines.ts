import { dteLineOrder } from '../csv/index.js';
import { DteError } from '../domain/errors.js';

const CRLF = Buffer.from('\r\n');

/** The lines of the texts read, each with its CRLF, and the order of each (`dteLineOrder`). */
export class DteLines {
  private readonly lines: Buffer[] = [];
  private readonly order: number[] = [];

  get count(): number {
    return this.lines.length;
  }

  add(read: Buffer): void {
    // A text whose last line has no CRLF gets one, so that every line is cut with its own.
    const text = read.length === 0 || read.subarray(-2).equals(CRLF) ? read : Buffer.concat([read, CRLF]);
    for (let start = 0; start < text.length; ) {
      const end = text.indexOf(CRLF, start);
      if (end > start) {
        this.lines.push(text.subarray(start, end + 2));
        this.order.push(dteLineOrder(text, start, end));
      }
      start = end + 2;
    }
  }

  /** `head`, then every line in id order; an id twice is refused. */
  inOrder(head: Buffer): Buffer {
    const { lines, order } = this;
    // Numbers sorted natively in a typed array, then found again by value: faster than a comparator
    // over the lines' indices. Orders are unique but for the twins refused below.
    const sorted = Float64Array.from(order).sort();
    const lineOf = new Map<number, Buffer>();
    for (let i = 0; i < order.length; i++) lineOf.set(order[i]!, lines[i]!);
    const out: Buffer[] = [head];
    for (let k = 0; k < sorted.length; k++) {
      const line = lineOf.get(sorted[k]!)!;
      if (k > 0 && sorted[k] === sorted[k - 1])
        throw new DteError('an enterprise is twice in the DTE list', { line: line.toString('utf8', 0, 20) });
      out.push(line);
    }
    return Buffer.concat(out);
  }
}

/** A partition's DTE text in id order: classify writes it so, and aggregate merges the partitions' as streams. */
export function dteTextInOrder(text: Buffer): Buffer {
  const lines = new DteLines();
  lines.add(text);
  return lines.inOrder(Buffer.alloc(0));
}
