import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../src/staging/lineBuffer.js';
import { decodeStaged, StagedRow, writeStaged } from '../../src/staging/stagedRecord.js';
import { bareRecord, fullRecord } from '../support/records.js';
import { referenceStaged as encodeStaged } from '../support/referenceStaged.js';

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

  it('refuse a field that would break the layout, naming the feed and row', () => {
    expect(() => encodeStaged({ ...fullRecord, name: 'a\tb' })).toThrow(/tab or line break/);
    expect(() => encodeStaged({ ...fullRecord, legal_form: 'x\ny' })).toThrow(/tab or line break/);
    expect(() => decodeStaged('only\tthree\tfields')).toThrow(/wrong number of fields/);
  });
});

describe('a staged row read in place', () => {
  it('gives each code its own text, whatever its length and leading zeros, however often it repeats', () => {
    const communes = ['1', '01', '00001', '10', '99999', '00000', '123456', '1', '00001', '99999'];
    const mains = ['6201', '62010', '06201', '620100', '6201'];
    const row = new StagedRow();
    for (let i = 0; i < communes.length; i++) {
      const line = Buffer.from(
        encodeStaged({ ...fullRecord, commune_code: communes[i]!, main_industry_code: mains[i % 5]! }),
      );
      row.read(line, 0, line.length);
      const codes = row.codes();
      expect(codes.commune_code).toBe(communes[i]);
      expect(codes.main_industry_code).toBe(mains[i % 5]);
    }
  });
});
