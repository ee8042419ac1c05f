import { describe, expect, it } from 'vitest';
import { enterpriseKey } from '../../src/pipeline/dedupe.js';
import { LineBuffer } from '../../src/pipeline/lineBuffer.js';
import { decodeStaged, encodeStaged, scanStagedKeys, writeStaged } from '../../src/pipeline/stagedRecord.js';
import { bareRecord, fullRecord } from '../support/records.js';

describe('staged rows', () => {
  it('come back exactly as they went in, nulls and empty lists included', () => {
    expect(decodeStaged(encodeStaged(fullRecord))).toEqual(fullRecord);
    expect(decodeStaged(encodeStaged(bareRecord))).toEqual(bareRecord);
    expect(encodeStaged(fullRecord)).not.toContain('\n');
  });

  it('are written into a buffer as the bytes of their text, non-ASCII where validation does not forbid it', () => {
    const records = [fullRecord, bareRecord, { ...fullRecord, feed_id: 'thanh-hoá', legal_form: '' }];
    const lines = new LineBuffer(64);
    for (const r of records) writeStaged(r, lines);
    const expected = records.map((r) => `${encodeStaged(r)}\n`).join('');
    expect(Buffer.from(lines.take()).toString('utf8')).toBe(expected);
  });

  it('give deduplication their keys from the bytes, lines split across chunks and all', async () => {
    const text = `${encodeStaged(fullRecord)}\n${encodeStaged(bareRecord)}\n\n${encodeStaged({ ...fullRecord, enterprise_id: '0100000009' })}`;
    const bytes = Buffer.from(text);
    for (const size of [1, 7, 64, bytes.length]) {
      const keys: Array<[number, number]> = [];
      await scanStagedKeys(chunks(bytes, size), { add: (id, updated) => keys.push([id, updated]) });
      expect(keys).toEqual([
        [enterpriseKey('2801234567-001'), 20251201],
        [enterpriseKey('0100109106'), 0],
        [enterpriseKey('0100000009'), 20251201],
      ]);
    }
    await expect(
      scanStagedKeys(chunks(Buffer.from('no tabs here\n'), 4), { add: () => undefined }),
    ).rejects.toThrow(/wrong number of fields/);
  });

  it('refuse a field that would break the layout, naming the feed and row', () => {
    expect(() => encodeStaged({ ...fullRecord, name: 'a\tb' })).toThrow(/tab or line break/);
    expect(() => encodeStaged({ ...fullRecord, legal_form: 'x\ny' })).toThrow(/tab or line break/);
    expect(() => decodeStaged('only\tthree\tfields')).toThrow(/wrong number of fields/);
  });
});

async function* chunks(bytes: Buffer, size: number): AsyncIterable<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
