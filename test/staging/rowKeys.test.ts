import { describe, expect, it } from 'vitest';
import { enterpriseKey } from '../../src/domain/enterpriseId.js';
import { LineBuffer } from '../../src/staging/lineBuffer.js';
import { ROW_KEY_BYTES, readRowKeys, writeRowKey } from '../../src/staging/rowKeys.js';
import { bareRecord, fullRecord } from '../support/records.js';

describe('row keys', () => {
  const records = [
    fullRecord,
    bareRecord,
    { ...fullRecord, enterprise_id: '0100000009', updated_at: '1999-01-31' },
  ];

  it('give deduplication each row its id as a number and its update date, records split across chunks and all', async () => {
    const buffer = new LineBuffer(16);
    for (const r of records) writeRowKey(r, buffer);
    const bytes = Buffer.from(buffer.take());
    expect(bytes.length).toBe(records.length * ROW_KEY_BYTES);
    for (const size of [1, 5, 12, 13, bytes.length]) {
      const keys: Array<[number, number]> = [];
      const rows = await readRowKeys(chunks(bytes, size), { add: (id, updated) => keys.push([id, updated]) });
      expect(rows).toBe(3);
      expect(keys).toEqual([
        [enterpriseKey('2801234567-001'), 20251201],
        [enterpriseKey('0100109106'), 0],
        [enterpriseKey('0100000009'), 19990131],
      ]);
    }
  });

  it('refuse a file cut inside a record', async () => {
    const buffer = new LineBuffer(16);
    writeRowKey(fullRecord, buffer);
    const bytes = Buffer.from(buffer.take()).subarray(0, ROW_KEY_BYTES - 1);
    await expect(readRowKeys(chunks(bytes, 4), { add: () => undefined })).rejects.toThrow(/inside a record/);
  });

  it('refuse a record whose id validation would not have let through', () => {
    expect(() => writeRowKey({ ...fullRecord, enterprise_id: '12-34' }, new LineBuffer(16))).toThrow(
      /no enterprise id/,
    );
  });
});

async function* chunks(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
