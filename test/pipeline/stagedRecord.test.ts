import { describe, expect, it } from 'vitest';
import { decodeStaged, encodeStaged, scanStagedKeys } from '../../src/pipeline/stagedRecord.js';
import { bareRecord, fullRecord } from '../support/records.js';

describe('staged rows', () => {
  it('come back exactly as they went in, nulls and empty lists included', () => {
    expect(decodeStaged(encodeStaged(fullRecord))).toEqual(fullRecord);
    expect(decodeStaged(encodeStaged(bareRecord))).toEqual(bareRecord);
    expect(encodeStaged(fullRecord)).not.toContain('\n');
  });

  it('give deduplication their keys from the bytes, lines split across chunks and all', async () => {
    const text = `${encodeStaged(fullRecord)}\n${encodeStaged(bareRecord)}\n\n${encodeStaged({ ...fullRecord, enterprise_id: '0100000009' })}`;
    const bytes = Buffer.from(text);
    for (const size of [1, 7, 64, bytes.length]) {
      const keys: Array<[string, string | null]> = [];
      await scanStagedKeys(chunks(bytes, size), (id, updated) => keys.push([id, updated]));
      expect(keys).toEqual([
        ['2801234567-001', '2025-12-01'],
        ['0100109106', null],
        ['0100000009', '2025-12-01'],
      ]);
    }
    await expect(scanStagedKeys(chunks(Buffer.from('no tabs here\n'), 4), () => undefined)).rejects.toThrow(
      /wrong number of fields/,
    );
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
