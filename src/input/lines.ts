/** What a `LineScanner` hands on: whole physical lines, or the start of one too long to keep. */
export interface LineHandler {
  /** A whole line, without its line break. */
  line(text: string): void;
  /** A line of more than the limit's characters: its first `limit` of them, and the `"` the whole line holds. */
  longLine(head: string, quotes: number): void;
}

/**
 * Physical lines of text, each ended by LF, CRLF or CR alone (old Mac tools and Excel for Mac write
 * CR), in any mix. Holds at most `limit` characters of a line: past that, the rest of the line is
 * only counted for quotes, so that one endless line cannot fill the memory.
 */
export class LineScanner {
  private carry = '';
  /** The last text ended in CR: a LF that starts the next belongs to the same line break. */
  private afterCr = false;
  private long: { head: string; quotes: number } | null = null;

  constructor(
    private readonly handler: LineHandler,
    private readonly limit: number,
  ) {}

  push(text: string): void {
    let start = 0;
    if (this.afterCr && text.length > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === 10) start = 1;
    }
    // Both searches are kept until passed: a file without CR searches for one only once.
    let lf = text.indexOf('\n', start);
    let cr = text.indexOf('\r', start);
    while (lf >= 0 || cr >= 0) {
      const end = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
      let next = end + 1;
      if (end === cr) {
        if (next === text.length) this.afterCr = true;
        else if (text.charCodeAt(next) === 10) next++;
      }
      this.finish(text, start, end);
      start = next;
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
    }
    if (start < text.length) this.keep(text, start);
  }

  end(): void {
    if (this.long) this.emitLong();
    else if (this.carry.length > 0) this.handler.line(this.carry);
    this.carry = '';
  }

  private finish(text: string, start: number, end: number): void {
    if (this.long) {
      this.long.quotes += quotesIn(text, start, end);
      this.emitLong();
      return;
    }
    const line = this.carry.length > 0 ? this.carry + text.slice(start, end) : text.slice(start, end);
    this.carry = '';
    if (line.length > this.limit)
      this.handler.longLine(line.slice(0, this.limit), quotesIn(line, 0, line.length));
    else this.handler.line(line);
  }

  /** The start of a line whose end is in a later text. */
  private keep(text: string, start: number): void {
    if (this.long) {
      this.long.quotes += quotesIn(text, start, text.length);
      return;
    }
    this.carry += text.slice(start);
    if (this.carry.length > this.limit) {
      this.long = {
        head: this.carry.slice(0, this.limit),
        quotes: quotesIn(this.carry, 0, this.carry.length),
      };
      this.carry = '';
    }
  }

  private emitLong(): void {
    const { head, quotes } = this.long!;
    this.long = null;
    this.handler.longLine(head, quotes);
  }
}

/** How many `"` the text holds between `start` and `end`. */
export function quotesIn(text: string, start: number, end: number): number {
  let count = 0;
  for (let q = text.indexOf('"', start); q >= 0 && q < end; q = text.indexOf('"', q + 1)) count++;
  return count;
}
