/**
 * Lines encoded as UTF-8 straight into one buffer, each ending in `\n`, written in place by their
 * encoders (`space`, then `commit`) rather than joined into a string and encoded again.
 */
export class LineBuffer {
  private bytes: Buffer = EMPTY;
  private used = 0;
  /** Buffers handed back after their lines were consumed (`recycle`), ready for new lines. */
  private readonly spare: Buffer[] = [];

  /** `size`: the bytes set aside at first, and again after each `take()`. */
  constructor(private readonly size: number) {}

  get length(): number {
    return this.used;
  }

  /**
   * For a line written in place: the buffer, with `room` bytes free from `length` on. The writer
   * then says with `commit` where its bytes (its `\n` included) end.
   */
  space(room: number): Buffer {
    this.reserve(room);
    return this.bytes;
  }

  commit(end: number): void {
    this.used = end;
  }

  /** The lines so far, in a buffer of their own (transferable to another thread); then starts afresh. */
  take(): Uint8Array {
    const lines = this.bytes.subarray(0, this.used);
    this.bytes = EMPTY;
    this.used = 0;
    return lines;
  }

  /**
   * Takes back the memory of lines returned by `take()` once their reader is done with them. A
   * buffer allocated per piece made classify threads' V8 count hundreds of megabytes of buffers
   * and mark its whole heap again every few pieces; reused, the same few buffers serve a partition.
   */
  recycle(lines: Uint8Array): void {
    // Only a whole buffer of the first size, as `reserve` allocates it; a grown one is left to the GC.
    if (lines.byteOffset !== 0 || lines.buffer.byteLength !== this.size || this.spare.length >= SPARE) return;
    this.spare.push(Buffer.from(lines.buffer, 0, this.size));
  }

  private reserve(room: number): void {
    if (this.used + room <= this.bytes.length) return;
    if (this.used === 0 && room <= this.size) {
      const spare = this.spare.pop();
      if (spare) {
        this.bytes = spare;
        return;
      }
    }
    const grown = Buffer.allocUnsafeSlow(Math.max(this.size, this.bytes.length * 2, this.used + room));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }
}

const EMPTY = Buffer.alloc(0);
/** Buffers kept for reuse: as many as may wait for compression at once, and one being filled. */
const SPARE = 8;
