import { dteLineOrder, wholeLines } from '../csv/index.js';
import { DteError } from '../domain/errors.js';

/** Two partitions' DTE lines that do not merge into one list in strict id order. */
export class DteListOrderError extends DteError {}

const CRLF = Buffer.from('\r\n');

/** The lines of one sorted DTE text, read a piece at a time: the line at hand and its order. */
class DteCursor {
  line: Buffer = CRLF;
  order = 0;
  private piece: Buffer = Buffer.alloc(0);
  private at = 0;

  constructor(private readonly pieces: AsyncIterator<Buffer>) {}

  /** Moves to the next line that is not empty; false at the end of the text. */
  async next(): Promise<boolean> {
    for (;;) {
      while (this.at >= this.piece.length) {
        const read = await this.pieces.next();
        if (read.done) return false;
        this.piece = read.value;
        this.at = 0;
      }
      const { piece, at } = this;
      const lf = piece.indexOf(0x0a, at);
      const stop = lf < 0 ? piece.length : lf + 1;
      this.at = stop;
      const crlf = lf > at && piece[lf - 1] === 0x0d;
      const end = crlf ? lf - 1 : lf < 0 ? stop : lf;
      if (end === at) continue;
      // A line without its CRLF (the last, if so written) gets one, so that every line ends with its own.
      this.line = crlf ? piece.subarray(at, stop) : Buffer.concat([piece.subarray(at, end), CRLF]);
      this.order = dteLineOrder(piece, at, end);
      return true;
    }
  }
}

/**
 * The lines of DTE texts each already in id order (classify sorts its partition's), merged into one
 * id order as they are read, each with its CRLF: the whole list is never held. An id twice, or a
 * text out of order, is refused.
 */
export async function* mergeDteLines(texts: readonly AsyncIterable<Buffer>[]): AsyncGenerator<Buffer> {
  const cursors: DteCursor[] = [];
  for (const text of texts) {
    const cursor = new DteCursor(wholeLines(text)[Symbol.asyncIterator]());
    if (await cursor.next()) cursors.push(cursor);
  }
  let last = Number.NEGATIVE_INFINITY;
  while (cursors.length > 0) {
    let least = 0;
    for (let i = 1; i < cursors.length; i++) if (cursors[i]!.order < cursors[least]!.order) least = i;
    const cursor = cursors[least]!;
    if (cursor.order <= last)
      throw new DteListOrderError(
        cursor.order === last ? 'an enterprise is twice in the DTE list' : 'a DTE text is not in id order',
        { line: cursor.line.toString('utf8', 0, 20) },
      );
    last = cursor.order;
    yield cursor.line;
    if (!(await cursor.next())) cursors.splice(least, 1);
  }
}

/** What `dteListChunks` has given so far. */
export interface DteListCount {
  lines: number;
}

/**
 * `head`, then the merged lines of `texts` (`mergeDteLines`) gathered into chunks of at least `size`
 * bytes (the last may be smaller), so that the stream they make is not one write per line; `count`
 * holds the lines given so far.
 */
export async function* dteListChunks(
  head: Buffer,
  texts: readonly AsyncIterable<Buffer>[],
  count: DteListCount,
  size = 64 * 1024,
): AsyncGenerator<Buffer> {
  let held: Buffer[] = [head];
  let bytes = head.length;
  for await (const line of mergeDteLines(texts)) {
    count.lines++;
    held.push(line);
    bytes += line.length;
    if (bytes >= size) {
      yield Buffer.concat(held, bytes);
      held = [];
      bytes = 0;
    }
  }
  if (bytes > 0) yield Buffer.concat(held, bytes);
}
