import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DteError } from '../domain/errors.js';

export interface Spooled {
  file: string;
  sha256: string;
  bytes: number;
  remove(): Promise<void>;
}

/**
 * Copies a download to a temporary file while hashing and counting it, so that the archive key can
 * carry its sha256 and a body over `maxBytes` is cut off as it streams, never held in memory.
 */
export async function spool(
  body: Readable,
  maxBytes: number,
  context: { feed: string; source: string },
): Promise<Spooled> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dte-fetch-'));
  const file = path.join(dir, randomBytes(6).toString('hex'));
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        done(new DteError(`download is larger than max_bytes ${maxBytes}`, { ...context, maxBytes }));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { file, sha256: hash.digest('hex'), bytes, remove: () => rm(dir, { recursive: true, force: true }) };
}
