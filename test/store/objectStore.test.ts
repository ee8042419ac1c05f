import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DteError, NotFoundError, UsageError } from '../../src/domain/errors.js';
import { readAll } from '../../src/store/bodies.js';
import { LocalStore } from '../../src/store/localStore.js';
import type { ObjectStore } from '../../src/store/objectStore.js';
import { S3Store } from '../../src/store/s3Store.js';
import { tempDir } from '../support/pipelineContext.js';
import { startS3, type TestS3 } from '../support/s3server.js';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
}, 30_000);
afterAll(async () => {
  await s3?.close();
});

const stores: Array<[string, () => Promise<ObjectStore>]> = [
  ['local directory', async () => new LocalStore(path.join(await tempDir('dte-store-'), 'store'))],
  [
    'S3 (s3rver on loopback)',
    async () =>
      new S3Store(`s3://${s3.bucket}/suite-${Math.random().toString(36).slice(2)}`, {
        endpoint: s3.endpoint,
        forcePathStyle: true,
        pageSize: 3,
      }),
  ],
];

const text = async (store: ObjectStore, key: string) =>
  (await readAll(await store.get(key))).toString('utf8');

describe.each(stores)('object store: %s', (_name, open) => {
  it('puts, gets, heads and deletes, with the bytes and sha256 of what it wrote', async () => {
    const store = await open();
    const put = await store.put('a/b/hello.txt', 'xin chào', { contentType: 'text/plain' });
    expect(put).toEqual({
      key: 'a/b/hello.txt',
      bytes: Buffer.byteLength('xin chào'),
      sha256: createHash('sha256').update('xin chào').digest('hex'),
    });
    expect(await text(store, 'a/b/hello.txt')).toBe('xin chào');
    expect(await store.head('a/b/hello.txt')).toEqual({ key: 'a/b/hello.txt', size: put.bytes });
    await store.put('a/b/hello.txt', Readable.from([Buffer.from('lần '), Buffer.from('hai')]));
    expect(await text(store, 'a/b/hello.txt')).toBe('lần hai');
    await store.delete('a/b/hello.txt');
    expect(await store.head('a/b/hello.txt')).toBeNull();
    await store.delete('a/b/hello.txt');
    await store.close();
  });

  it('writes work files unhashed, with their size, the same bytes, and a failing body leaving nothing', async () => {
    const store = await open();
    const body = Readable.from([Buffer.from('dòng 1\n'), Buffer.from('dòng 2\n')]);
    const put = await store.putUnhashed('work/x/part-00.ndjson', body, {
      contentType: 'application/x-ndjson',
    });
    expect(put).toEqual({ key: 'work/x/part-00.ndjson', bytes: Buffer.byteLength('dòng 1\ndòng 2\n') });
    expect(await text(store, 'work/x/part-00.ndjson')).toBe('dòng 1\ndòng 2\n');
    const failing = new Readable({
      read() {
        this.destroy(new Error('source broke'));
      },
    });
    await expect(store.putUnhashed('work/x/broken.ndjson', failing)).rejects.toThrow();
    expect(await store.head('work/x/broken.ndjson')).toBeNull();
    // Nor a half-written temp file, though the body failed before the file was even open.
    expect((await store.removeTemporary('work/x/', 0)).files).toBe(0);
    await expect(store.putUnhashed('../outside.txt', 'x')).rejects.toBeInstanceOf(UsageError);
    await store.close();
  });

  it('answers a missing key with NotFoundError and refuses keys that escape the root', async () => {
    const store = await open();
    await expect(store.get('nope/missing.csv')).rejects.toBeInstanceOf(NotFoundError);
    await expect(store.put('../outside.txt', 'x')).rejects.toBeInstanceOf(UsageError);
    await expect(store.get('/etc/passwd')).rejects.toBeInstanceOf(UsageError);
    await store.close();
  });

  it('lists every key under a prefix in key order, across pages', async () => {
    const store = await open();
    const keys = [
      's/2025-01-02/x',
      's/2025-01-01/b',
      's/2025-01-01/a',
      's/2025-01-10/z',
      's/2025-01-03/y',
      't/other',
    ];
    for (const k of keys) await store.put(k, k);
    const listed: string[] = [];
    for await (const info of store.list('s/')) listed.push(info.key);
    expect(listed).toEqual(keys.filter((k) => k.startsWith('s/')).sort());
    await store.close();
  });
});

describe('S3 store specifics', () => {
  it('hands out a presigned URL that plain fetch can read; the local store has none', async () => {
    const store = new S3Store(`s3://${s3.bucket}/presign`, { endpoint: s3.endpoint, forcePathStyle: true });
    await store.put('file.csv', 'a,b\r\n1,2\r\n', { contentType: 'text/csv' });
    const url = await store.presignGet('file.csv', 60);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('a,b\r\n1,2\r\n');
    const local: ObjectStore = new LocalStore(await tempDir());
    expect(await local.presignGet('file.csv', 60)).toBeNull();
  });

  it('streams a 72 MB object up in parts without holding it in memory, and back unchanged', async () => {
    const store = new S3Store(`s3://${s3.bucket}/big`, { endpoint: s3.endpoint, forcePathStyle: true });
    const size = 72 * 1024 * 1024;
    const chunk = 1024 * 1024;
    const hash = createHash('sha256');
    let produced = 0;
    let acknowledged = 0;
    let lead = 0;
    async function* body() {
      for (let i = 0; i < size / chunk; i++) {
        const piece = Buffer.alloc(chunk, i % 251);
        piece.writeUInt32BE(i, 0);
        hash.update(piece);
        produced += chunk;
        lead = Math.max(lead, produced - acknowledged);
        yield piece;
      }
    }
    const put = await store.put('export.bin', Readable.from(body()), {
      onProgress: (sent) => (acknowledged = sent),
    });
    expect(put.bytes).toBe(size);
    expect(put.sha256).toBe(hash.digest('hex'));
    // The source is read only as parts go out (8 MB parts, two in flight): it never runs far ahead.
    expect(acknowledged).toBe(size);
    expect(lead).toBeLessThan(40 * 1024 * 1024);
    const back = createHash('sha256');
    for await (const piece of await store.get('export.bin')) back.update(piece as Buffer);
    expect(back.digest('hex')).toBe(put.sha256);
  }, 120_000);

  it('says clearly that a bucket does not exist', async () => {
    const store = new S3Store('s3://no-such-bucket/x', {
      endpoint: s3.endpoint,
      forcePathStyle: true,
      maxAttempts: 1,
    });
    await expect(store.put('a.txt', 'x')).rejects.toThrow(/bucket no-such-bucket does not exist/);
  });

  it('retries an endpoint that is down, then fails with a clear error and writes nothing', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const store = new S3Store(`s3://${s3.bucket}/down`, {
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      maxAttempts: 3,
    });
    const failure = store.put('a.txt', 'x');
    await expect(failure).rejects.toBeInstanceOf(DteError);
    await expect(failure).rejects.toThrow(/does not answer/);
    const real = new S3Store(`s3://${s3.bucket}/down`, { endpoint: s3.endpoint, forcePathStyle: true });
    expect(await real.head('a.txt')).toBeNull();
  }, 60_000);
});
