import { PassThrough, type Transform } from 'node:stream';
import { createGzip } from 'node:zlib';
import type { ObjectStore, PutResult } from '../store/objectStore.js';

const FLUSH_AT = 256 * 1024;

interface Lane {
  /** Where lines are written: the upload's body, or a gzip in front of it. */
  body: Transform;
  buffered: string[];
  size: number;
  upload: Promise<PutResult>;
}

export interface PartitionWriterOptions {
  contentType: string;
  /** Gzip each object at this level, on libuv's thread pool while the caller goes on. */
  gzipLevel?: number;
}

/**
 * Streams lines into one object per partition. Lines are gathered per partition and written in
 * 256 KiB pieces; `drain()` waits for every lane whose stream is full, so memory stays bounded
 * however large the export. Staged rows are work files, read once: by default not compressed.
 */
export class PartitionWriter {
  private readonly lanes: Lane[];
  private readonly waiting = new Set<Promise<void>>();

  constructor(
    store: ObjectStore,
    keyOf: (partition: number) => string,
    partitions: number,
    options: PartitionWriterOptions = { contentType: 'application/x-ndjson' },
  ) {
    this.lanes = Array.from({ length: partitions }, (_, p) => {
      const upload = new PassThrough({ highWaterMark: 1024 * 1024 });
      let body: Transform = upload;
      if (options.gzipLevel !== undefined) {
        body = createGzip({ level: options.gzipLevel });
        body.on('error', (error) => upload.destroy(error));
        body.pipe(upload);
      }
      return {
        body,
        buffered: [],
        size: 0,
        upload: store.put(keyOf(p), upload, { contentType: options.contentType }),
      };
    });
  }

  write(partition: number, line: string): void {
    const lane = this.lanes[partition]!;
    lane.buffered.push(line);
    lane.size += line.length;
    if (lane.size >= FLUSH_AT) this.flushLane(lane);
  }

  private flushLane(lane: Lane): void {
    if (lane.buffered.length === 0) return;
    const ok = lane.body.write(`${lane.buffered.join('\n')}\n`);
    lane.buffered = [];
    lane.size = 0;
    if (!ok) {
      const wait = new Promise<void>((resolve) => lane.body.once('drain', () => resolve()));
      this.waiting.add(wait);
      void wait.then(() => this.waiting.delete(wait));
    }
  }

  async drain(): Promise<void> {
    if (this.waiting.size > 0) await Promise.all([...this.waiting]);
  }

  async close(): Promise<PutResult[]> {
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
