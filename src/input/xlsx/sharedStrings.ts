import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Shared strings kept in memory before the rest go to a temporary file (UTF-16 units, about). */
export const SHARED_STRINGS_IN_MEMORY = 4 * 1024 * 1024;

const WRITE_BUFFER = 1024 * 1024;

/**
 * A workbook's shared-string table. The first strings, which hold the words repeated on every
 * row (statuses, provinces, legal forms), stay in memory; past `memoryUnits` the rest, mostly
 * names and addresses met once, are written to a temporary file and read back by offset, so that
 * a table of millions of strings does not sit in the heap.
 */
export class SharedStrings {
  private readonly memory: string[] = [];
  private units = 0;
  private spilled: { dir: string; fd: number } | null = null;
  private positions = new Float64Array(0);
  private lengths = new Uint32Array(0);
  private count = 0;
  private written = 0;
  private pending = Buffer.alloc(WRITE_BUFFER);
  private pendingBytes = 0;
  private scratch = Buffer.alloc(64 * 1024);

  constructor(private readonly memoryUnits = SHARED_STRINGS_IN_MEMORY) {}

  get size(): number {
    return this.memory.length + this.count;
  }

  add(text: string): void {
    if (this.spilled === null && this.units + text.length <= this.memoryUnits) {
      // A fresh copy: the parser's text is a slice that would keep its whole chunk of XML alive.
      this.memory.push(Buffer.from(text, 'utf8').toString('utf8'));
      this.units += text.length;
      return;
    }
    this.spill(text);
  }

  /** The string at `index`, or null past the table's end (a cell naming a string that is not there). */
  get(index: number): string | null {
    if (index < this.memory.length) return this.memory[index] ?? null;
    const at = index - this.memory.length;
    if (at >= this.count || this.spilled === null) return null;
    this.flush();
    const length = this.lengths[at]!;
    if (length > this.scratch.length) this.scratch = Buffer.alloc(length);
    readSync(this.spilled.fd, this.scratch, 0, length, this.positions[at]!);
    return this.scratch.toString('utf8', 0, length);
  }

  /** Removes the temporary file, if any. */
  close(): void {
    if (this.spilled === null) return;
    closeSync(this.spilled.fd);
    rmSync(this.spilled.dir, { recursive: true, force: true });
    this.spilled = null;
  }

  private spill(text: string): void {
    if (this.spilled === null) {
      const dir = mkdtempSync(path.join(tmpdir(), 'dte-xlsx-'));
      this.spilled = { dir, fd: openSync(path.join(dir, 'shared-strings'), 'w+') };
    }
    if (this.count === this.positions.length) this.grow();
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.pendingBytes + bytes > this.pending.length) this.flush();
    this.positions[this.count] = this.written + this.pendingBytes;
    this.lengths[this.count] = bytes;
    this.count++;
    if (bytes > this.pending.length) {
      writeSync(this.spilled.fd, Buffer.from(text, 'utf8'), 0, bytes, this.written);
      this.written += bytes;
      return;
    }
    this.pending.write(text, this.pendingBytes, 'utf8');
    this.pendingBytes += bytes;
  }

  private flush(): void {
    if (this.pendingBytes === 0 || this.spilled === null) return;
    writeSync(this.spilled.fd, this.pending, 0, this.pendingBytes, this.written);
    this.written += this.pendingBytes;
    this.pendingBytes = 0;
  }

  private grow(): void {
    const size = Math.max(1024, this.positions.length * 2);
    const positions = new Float64Array(size);
    positions.set(this.positions);
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.positions = positions;
    this.lengths = lengths;
  }
}
