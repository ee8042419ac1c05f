import { describe, expect, it } from 'vitest';
import {
  countPartition,
  emptyTally,
  mergeCountsFiles,
  PartitionCounter,
} from '../../src/indicators/index.js';
import { classifiedRecord as rec } from '../support/classified.js';
import { mergeCounts } from '../support/mergeCounts.js';

const categories = ['software', 'telecom'];

describe('a partition’s commune counts', () => {
  it('hold only the communes some row reached, a zero tally where no count moved', () => {
    const counts = countPartition(
      [
        rec('1000000001', { commune_code: '26734' }),
        rec('1000000002', { commune_code: '00004', status: 'dissolved' }), // reached, nothing counted
        rec('1000000003', { commune_code: '26734', is_dte: true, dte_category: 'telecom' }),
        rec('1000000004'),
      ],
      null,
      '2025-06-30',
      categories,
    );
    expect(Object.keys(counts.communes)).toEqual(['26734', '00004']);
    expect(counts.communes['00004']).toEqual(emptyTally(categories));
    expect(counts.communes['26734']).toEqual({
      ...emptyTally(categories),
      enterprises_active: 2,
      dte_active: 1,
      dte_by_category: { software: 0, telecom: 1 },
      legacy_known_active: 2,
      commune_known_active: 2,
    });
    expect(Object.keys(counts.provinces)).toEqual(['38']);
    expect(counts.provinces['38']!.enterprises_active).toBe(3);
  });

  it('tell codes apart by their text: leading zeros, long codes and letters, and keep a category outside the list', () => {
    const codes = ['1', '01', '00001', '10', '123456', '12345678901', 'X1', '99999'];
    const records = codes.map((code, i) => rec(`10000000${10 + i}`, { commune_code: code }));
    records.push(rec('1000000099', { commune_code: '01', is_dte: true, dte_category: null }));
    const counts = countPartition(records, null, '2025-06-30', categories);
    expect(Object.keys(counts.communes).sort()).toEqual([...new Set(codes)].sort());
    for (const code of codes) expect(counts.communes[code]!.enterprises_active).toBe(code === '01' ? 2 : 1);
    expect(counts.communes['01']!.dte_by_category).toEqual({ software: 0, telecom: 0, '': 1 });
    expect(Object.keys(counts.communes['01']!)).toEqual(Object.keys(emptyTally(categories)));
  });

  it('grow past their first rows without losing a count', () => {
    const records = Array.from({ length: 500 }, (_, i) =>
      rec(`${1000000000 + i}`, { commune_code: String(10000 + (i % 250)) }),
    );
    const counts = countPartition(records, null, '2025-06-30', categories);
    expect(Object.keys(counts.communes)).toHaveLength(250);
    expect(Object.values(counts.communes).every((t) => t.enterprises_active === 2)).toBe(true);
  });
});

describe('the partitions’ counts files', () => {
  const partition = (ids: string[], commune: string) =>
    ids.map((id, i) =>
      rec(id, {
        commune_code: i % 2 === 0 ? commune : '00004',
        is_dte: i % 3 === 0,
        dte_category: i % 3 === 0 ? (i % 2 === 0 ? 'software' : null) : null,
        status: i === 1 ? 'suspended' : 'active',
      }),
    );

  it('sum to the same tallies as the partitions’ tallies merged, through JSON', () => {
    const parts = [
      partition(['1000000001', '1000000002', '1000000003', '1000000004'], '26734'),
      partition(['1000000005', '1000000006', '1000000007'], '10000'),
    ];
    const tables = parts.map((records) => {
      const counter = new PartitionCounter('2025-06-30', categories);
      for (const r of records) counter.add(r, undefined);
      return counter.finish(null, () => true);
    });
    const files = tables.map((t, i) => ({ key: `c${i}`, value: JSON.parse(JSON.stringify(t.file())) }));
    const merged = mergeCountsFiles(files, categories);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(mergeCounts(tables.map((t) => t.counts()))));
    expect(Object.keys(merged.communes).sort()).toEqual(['00004', '10000', '26734']);
    expect(merged.communes['00004']!.dte_by_category).toEqual({ software: 0, telecom: 0, '': 1 });
  });

  it('are refused when written in another format or with other categories', () => {
    const file = new PartitionCounter('2025-06-30', categories).finish(null, () => true).file();
    expect(() => mergeCountsFiles([{ key: 'k', value: file }], ['telecom', 'software'])).toThrow(
      /another format or other categories/,
    );
    expect(() => mergeCountsFiles([{ key: 'k', value: { provinces: {} } }], categories)).toThrow(
      /another format/,
    );
  });
});
