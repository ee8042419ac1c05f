import { createHash } from 'node:crypto';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PartitionWriter } from '../../src/staging/partitionWriter.js';
import { readAll } from '../../src/store/bodies.js';
import { LocalStore } from '../../src/store/localStore.js';
import { writeToPartition } from '../support/lines.js';
import { tempDir } from '../support/pipelineContext.js';

async function objectText(store: LocalStore, key: string, gzip = false): Promise<string> {
  const bytes = await readAll(await store.get(key));
  return (gzip ? gunzipSync(bytes) : bytes).toString('utf8');
}

describe('partition writers', () => {
  it('keep each partition in the order written, whether lines come as text, in place or as encoded bytes', async () => {
    const store = new LocalStore(path.join(await tempDir('dte-parts-'), 'store'));
    const writer = new PartitionWriter(
      (k, b) => store.putUnhashed(k, b),
      (p) => `parts/${p}.ndjson`,
      2,
    );
    writeToPartition(writer, 0, 'Hàm Rồng');
    writer.writeBytes(0, Buffer.from('encoded 1\nencoded 2\n'));
    writeToPartition(writer, 1, 'other partition');
    writeToPartition(writer, 0, 'after the bytes');
    const big = `${'x'.repeat(300 * 1024)}\n`; // larger than a lane's piece
    writer.writeBytes(1, Buffer.from(big));
    const lines = writer.lineSpace(1, 16);
    lines.commit(lines.space(16).write('in place\n', lines.length) + lines.length);
    await writer.drain();
    const [first, second] = await writer.close();
    expect(await objectText(store, 'parts/0.ndjson')).toBe(
      'Hàm Rồng\nencoded 1\nencoded 2\nafter the bytes\n',
    );
    expect(await objectText(store, 'parts/1.ndjson')).toBe(`other partition\n${big}in place\n`);
    expect(first!.bytes).toBe(Buffer.byteLength('Hàm Rồng\nencoded 1\nencoded 2\nafter the bytes\n'));
    expect(second!.bytes).toBe(Buffer.byteLength(`other partition\n${big}in place\n`));
  });

  it('gzip each partition when asked, with the same lines inside, hashed when written by put', async () => {
    const store = new LocalStore(path.join(await tempDir('dte-parts-'), 'store'));
    const writer = new PartitionWriter(
      (k, b) => store.put(k, b),
      () => 'part.ndjson.gz',
      1,
      {
        contentType: 'application/gzip',
        gzipLevel: 1,
      },
    );
    for (let i = 0; i < 20_000; i++) writeToPartition(writer, 0, `{"line":${i},"name":"Công ty ${i}"}`);
    writer.writeBytes(0, Buffer.from('last\n'));
    const [written] = await writer.close();
    const gzipped = await readAll(await store.get('part.ndjson.gz'));
    expect(written!.sha256).toBe(createHash('sha256').update(gzipped).digest('hex'));
    const text = await objectText(store, 'part.ndjson.gz', true);
    const lines = text.split('\n');
    expect(lines).toHaveLength(20_002);
    expect(lines[12_345]).toBe('{"line":12345,"name":"Công ty 12345"}');
    expect(lines.at(-2)).toBe('last');
  });
});
