import { PassThrough, type Readable, type Transform } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { PutOptions, WrittenObject } from '../store/objectStore.js';
import { LineBuffer } from './lineBuffer.js';

const LANE_BYTES = 256 * 1024;

/**
 * How each partition's object is written: `store.put` where its sha256 is recorded (a published
 * part), `store.putUnhashed` for work files.
 */
export type PartitionPut<R extends WrittenObject> = (
  key: string,
  body: Readable,
  options: PutOptions,
) => Promise<R>;

interface Lane<R extends WrittenObject> {
  /** Where lines are written: the upload's body, or a gzip in front of it. */
  body: Transform;
  lines: LineBuffer;
  /** Waiting for the stream to drain. */
  full: boolean;
  upload: Promise<R>;
}

export interface PartitionWriterOptions {
  contentType: string;
  /** Gzip each object at this level, on libuv's thread pool while the caller goes on. */
  gzipLevel?: number;
}

/**
 * Streams lines into one object per partition. Lines are gathered per partition and written in
 * pieces of about 256 KiB; `drain()` waits for every lane whose stream is full, so memory stays bounded
 * however large the export. Staged rows are work files, read once: by default not compressed.
 */
export class PartitionWriter<R extends WrittenObject = WrittenObject> {
  private readonly lanes: Lane<R>[];
  private readonly waiting = new Set<Promise<void>>();
  private readonly compressed: boolean;
  /** Rejects with the first upload that fails, so that a writer waiting for room stops waiting. */
  private readonly failed: Promise<never>;

  constructor(
    put: PartitionPut<R>,
    keyOf: (partition: number) => string,
    partitions: number,
    options: PartitionWriterOptions = { contentType: 'application/x-ndjson' },
  ) {
    this.compressed = options.gzipLevel !== undefined;
    this.lanes = Array.from({ length: partitions }, (_, p) => {
      const upload = new PassThrough({ highWaterMark: 1024 * 1024 });
      // A failed upload rejects its promise (below); the stream's own error event must not go unheard.
      upload.on('error', () => undefined);
      let body: Transform = upload;
      if (options.gzipLevel !== undefined) {
        // 256 KiB output pieces: with the default 16 KiB, a part took thousands of callbacks and writes.
        // 1 MiB of input may wait: with the default 16 KiB every piece written waited for its own
        // compression, so the caller and the compression took turns instead of running side by side.
        const gzip = { level: options.gzipLevel, chunkSize: 256 * 1024, writableHighWaterMark: 1024 * 1024 };
        body = createGzip(gzip);
        body.on('error', (error) => upload.destroy(error));
        body.pipe(upload);
      }
      return {
        body,
        lines: new LineBuffer(LANE_BYTES),
        full: false,
        upload: put(keyOf(p), upload, { contentType: options.contentType }),
      };
    });
    this.failed = new Promise<never>((_, reject) => {
      for (const lane of this.lanes) lane.upload.catch(reject);
    });
    this.failed.catch(() => undefined);
  }

  /** A lane's buffer with room for a line of at most `room` bytes, to write in place (`LineBuffer.space`). */
  lineSpace(partition: number, room: number): LineBuffer {
    const lane = this.lanes[partition]!;
    if (lane.lines.length + room > LANE_BYTES) this.flushLane(lane);
    return lane.lines;
  }

  /**
   * Lines already encoded (each ending in `\n`), after whatever the lane holds, in a buffer the
   * caller hands over and never touches again: written as it is, since copying it into lane pieces
   * only adds buffers for V8 to collect.
   */
  writeBytes(partition: number, bytes: Uint8Array): void {
    const lane = this.lanes[partition]!;
    this.flushLane(lane);
    this.push(lane, bytes);
  }

  private flushLane(lane: Lane<R>): void {
    if (lane.lines.length === 0) return;
    const bytes = lane.lines.take();
    // Gzip has read a piece once its write is done, so the lane may fill the same buffer again;
    // an upload body may still hold it, so without gzip every piece is a buffer of its own.
    this.push(lane, bytes, this.compressed ? () => lane.lines.recycle(bytes) : undefined);
  }

  private push(lane: Lane<R>, bytes: Uint8Array, written?: () => void): void {
    // One wait per lane: writes go on until the caller drains, and each would add a listener.
    if (!lane.body.write(bytes, written) && !lane.full) {
      lane.full = true;
      const wait = new Promise<void>((resolve) => lane.body.once('drain', () => resolve()));
      this.waiting.add(wait);
      void wait.then(() => {
        lane.full = false;
        this.waiting.delete(wait);
      });
    }
  }

  async drain(): Promise<void> {
    if (this.waiting.size > 0) await Promise.race([Promise.all([...this.waiting]), this.failed]);
  }

  async close(): Promise<R[]> {
    for (const lane of this.lanes) {
      this.flushLane(lane);
      lane.body.end();
    }
    return Promise.all(this.lanes.map((lane) => lane.upload));
  }

  /** Abandons the uploads (after a failed parse); the partial objects are overwritten by a retry. */
  destroy(): void {
    for (const lane of this.lanes) {
      lane.upload.catch(() => undefined);
      lane.body.destroy();
    }
  }
}
