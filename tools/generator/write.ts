import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

export interface SinkOptions {
  gzip?: boolean;
  encoding?: 'utf8' | 'utf8-bom' | 'utf16le';
}

/** A text file written in pieces, with backpressure, optionally gzipped and in UTF-16LE. */
export class TextSink {
  private readonly out: Writable;
  private readonly done: Promise<unknown>;
  bytes = 0;
  private pending: string[] = [];
  private size = 0;

  private constructor(
    file: string,
    private readonly options: SinkOptions,
  ) {
    const fileStream = createWriteStream(file);
    this.done = once(fileStream, 'close');
    if (options.gzip) {
      const gzip = createGzip({ level: 6 });
      gzip.pipe(fileStream);
      this.out = gzip;
    } else {
      this.out = fileStream;
    }
    if (options.encoding === 'utf8-bom') this.out.write(Buffer.from([0xef, 0xbb, 0xbf]));
    if (options.encoding === 'utf16le') this.out.write(Buffer.from([0xff, 0xfe]));
  }

  static async open(file: string, options: SinkOptions): Promise<TextSink> {
    await mkdir(path.dirname(file), { recursive: true });
    return new TextSink(file, options);
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.size += text.length;
    if (this.size > 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(
      this.pending.join(''),
      this.options.encoding === 'utf16le' ? 'utf16le' : 'utf8',
    );
    this.pending = [];
    this.size = 0;
    this.bytes += chunk.length;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await this.done;
  }
}
