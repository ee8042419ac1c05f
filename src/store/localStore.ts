import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { NotFoundError } from '../domain/errors.js';
import { HashingCounter, toReadable } from './bodies.js';
import { assertSafeKey } from './keys.js';
import type { Body, ObjectInfo, ObjectStore, PutResult, WrittenObject } from './objectStore.js';
import { storageError } from './storageError.js';

const TEMP_MARK = '.tmp-';

/** A directory as an object store: the embedded default (`file:./var/store`). */
export class LocalStore implements ObjectStore {
  readonly url: string;
  /** The absolute directory the store lives in. */
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.url = `file:${root}`;
  }

  private pathOf(key: string): string {
    return path.join(this.root, ...assertSafeKey(key).split('/'));
  }

  async put(key: string, body: Body): Promise<PutResult> {
    const counter = new HashingCounter();
    await this.write(key, body, counter);
    return { key, bytes: counter.bytes, sha256: counter.digest() };
  }

  async putUnhashed(key: string, body: Body): Promise<WrittenObject> {
    return { key, bytes: await this.write(key, body) };
  }

  /** Writes the bytes beside the target then renames, so a reader never sees half an object; returns their size. */
  private async write(key: string, body: Body, counter?: HashingCounter): Promise<number> {
    const target = this.pathOf(key);
    const temp = `${target}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
    let file: WriteStream | undefined;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      file = createWriteStream(temp);
      if (counter) await pipeline(toReadable(body), counter, file);
      else await pipeline(toReadable(body), file);
      await rename(temp, target);
      return file.bytesWritten;
    } catch (error) {
      // A body that fails at once can beat the file's opening: removed before it is closed, it would stay.
      if (file && !file.closed) await once(file, 'close').catch(() => undefined);
      await rm(temp, { force: true });
      throw storageError('put', key, error);
    }
  }

  async putIfAbsent(key: string, body: string): Promise<boolean> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      // `wx` fails when the file exists: the file system decides which of two writers was first.
      await writeFile(target, body, { flag: 'wx' });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new NotFoundError(`no object at ${key} in ${this.url}`, { key });
    return createReadStream(file);
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const info = await stat(this.pathOf(key)).catch(() => null);
    return info?.isFile() ? { key, size: info.size } : null;
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    const keys: ObjectInfo[] = [];
    // Walk only below the prefix's folder part: listing one snapshot must not read the whole store.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    const start =
      folder === '' ? this.root : path.join(this.root, ...assertSafeKey(folder.slice(0, -1)).split('/'));
    await this.walk(start, folder, keys);
    keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const info of keys) if (info.key.startsWith(prefix)) yield info;
  }

  private async walk(dir: string, keyPrefix: string, out: ObjectInfo[]): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const key = `${keyPrefix}${entry.name}`;
      if (entry.isDirectory()) await this.walk(full, `${key}/`, out);
      else if (entry.isFile() && !entry.name.includes(TEMP_MARK)) {
        const info = await stat(full);
        out.push({ key, size: info.size, modified: info.mtime.toISOString() });
      }
    }
  }

  async removeTemporary(prefix: string, olderThanMs: number): Promise<{ files: number; bytes: number }> {
    const removed = { files: 0, bytes: 0 };
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : '';
    const start =
      folder === '' ? this.root : path.join(this.root, ...assertSafeKey(folder.slice(0, -1)).split('/'));
    const cutoff = Date.now() - olderThanMs;
    const entries = await readdir(start, { withFileTypes: true, recursive: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.includes(TEMP_MARK)) continue;
      const full = path.join(entry.parentPath, entry.name);
      const key = path.relative(this.root, full).split(path.sep).join('/');
      const info = await stat(full).catch(() => null);
      if (!key.startsWith(prefix) || !info || info.mtimeMs > cutoff) continue;
      await rm(full, { force: true });
      removed.files++;
      removed.bytes += info.size;
    }
    return removed;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async presignGet(): Promise<string | null> {
    return null;
  }

  async close(): Promise<void> {}
}
