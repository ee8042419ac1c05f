import { describe, expect, it } from 'vitest';
import type { ClassifiedRecord } from '../../src/domain/classified.js';
import {
  buildIndicators,
  countPartition,
  mergeCountsFiles,
  PartitionCounter,
  percent,
} from '../../src/indicators/index.js';
import { classifiedRecord, previousRecord } from '../support/classified.js';

const categories = ['software', 'telecom'];

const rec = classifiedRecord;
const dte = (id: string, over: Partial<ClassifiedRecord> = {}) =>
  rec(id, {
    is_dte: true,
    dte_category: 'software',
    dte_matched_code: '6201',
    main_industry_code: '6201',
    ...over,
  });
const prev = previousRecord;

const provinces = [
  { code: '01', name: 'Hà Nội' },
  { code: '38', name: 'Thanh Hóa' },
];
const legacyProvinces = [
  { code: '01', name: 'Hà Nội', successor_code: '01' },
  { code: '38', name: 'Thanh Hóa', successor_code: '38' },
];

describe('indicator counts', () => {
  const records = [
    dte('1000000001', { registration_date: '2025-03-01' }), // active DTE founded this year, converted
    dte('1000000002'), // active DTE, was a DTE: not converted
    dte('1000000003', { status: 'suspended' }), // inactive DTE: ceased (was active)
    rec('1000000004', { digital_secondary: true }), // candidate
    rec('1000000005', { legacy_province_code: null }), // active, legacy unknown
    rec('1000000005-001'), // dependent unit: never an enterprise
    dte('1000000006', { province_code: '01', legacy_province_code: null, dte_category: 'telecom' }),
  ];
  const previous = new Map([
    ['1000000001', prev('1000000001')],
    ['1000000002', prev('1000000002', { is_dte: true })],
    ['1000000003', prev('1000000003', { is_dte: true })],
    ['1000000009', prev('1000000009', { is_dte: true })], // gone: ceased
  ]);

  it('counts each indicator of spec/indicators.md by hand-worked values', () => {
    const tables = buildIndicators(countPartition(records, previous, '2025-06-30', categories), {
      asOf: '2025-06-30',
      ruleSetId: 'r',
      categories,
      provinces,
      legacyProvinces,
      hasPrevious: true,
    });
    const th = tables.provinces.find((p) => p.code === '38');
    expect(th).toEqual({
      code: '38',
      name: 'Thanh Hóa',
      enterprises_active: 4,
      dte_active: 2,
      dte_share_pct: 50,
      dte_by_category: { software: 2, telecom: 0 },
      dte_founded_ytd: 1,
      dte_converted: 1,
      dte_ceased: 2,
      digital_secondary: 1,
      dependent_units: 1,
      dte_per_1000_people: null,
      population: null,
      population_year: null,
      dte_converted_pct: 100,
    });
    expect(tables.national.enterprises_active).toBe(5);
    expect(tables.national.dte_active).toBe(3);
    expect(tables.national.dte_share_pct).toBe(60);
    expect(tables.national.dte_by_category).toEqual({ software: 2, telecom: 1 });
    const legacyTh = tables.legacy?.find((p) => p.code === '38');
    expect(legacyTh?.enterprises_active).toBe(3);
    expect(legacyTh?.coverage_pct).toBe(75);
    expect(tables.legacy?.find((p) => p.code === '01')?.coverage_pct).toBe(0);
  });

  it('leaves conversions and cessations null without a previous snapshot, and sums partitions in any order', () => {
    // Each partition's counts file, as classify writes it for aggregate.
    const fileOf = (key: string, part: typeof records) => {
      const counter = new PartitionCounter('2025-06-30', categories);
      for (const r of part) counter.add(r, undefined);
      return { key, value: JSON.parse(JSON.stringify(counter.finish(null, () => true).file())) as unknown };
    };
    const a = fileOf('a', records.slice(0, 3));
    const b = fileOf('b', records.slice(3));
    const opts = {
      asOf: '2025-06-30',
      ruleSetId: 'r',
      categories,
      provinces,
      legacyProvinces,
      hasPrevious: false,
    };
    const ab = buildIndicators(mergeCountsFiles([a, b], categories), opts);
    const ba = buildIndicators(mergeCountsFiles([b, a], categories), opts);
    expect(ab).toEqual(ba);
    expect(ab.national.dte_converted).toBeNull();
    expect(ab.national.dte_ceased).toBeNull();
    expect(ab.national).toEqual(
      buildIndicators(countPartition(records, null, '2025-06-30', categories), opts).national,
    );
  });

  it('rounds shares half-up to two decimals and gives null for an empty denominator', () => {
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(1, 20001)).toBe(0); // 0.0049997… rounds down
    expect(percent(1, 20000)).toBe(0.01); // exactly 0.005 rounds up
    expect(percent(1, 800)).toBe(0.13); // exactly 0.125 rounds up
    expect(percent(0, 0)).toBeNull();
  });
});
