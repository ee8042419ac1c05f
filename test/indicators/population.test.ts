import { describe, expect, it } from 'vitest';
import type { ClassifiedRecord, PreviousRecord } from '../../src/domain/classified.js';
import { buildIndicators, countPartition, perThousand } from '../../src/indicators/index.js';
import { classifiedRecord, previousRecord } from '../support/classified.js';

const categories = ['software'];

const rec = (id: string, province: string, over: Partial<ClassifiedRecord> = {}) =>
  classifiedRecord(id, { province_code: province, legacy_province_code: province, ...over });
const dte = (id: string, province: string, over: Partial<ClassifiedRecord> = {}) =>
  rec(id, province, { is_dte: true, dte_category: 'software', dte_matched_code: '6201', ...over });
const prev = (id: string, province: string, over: Partial<PreviousRecord> = {}) =>
  previousRecord(id, { province_code: province, legacy_province_code: province, ...over });

const provinces = [
  { code: '01', name: 'Hà Nội' },
  { code: '38', name: 'Thanh Hóa' },
  { code: '46', name: 'Huế' },
];
const legacyProvinces = provinces.map((p) => ({ ...p, successor_code: p.code }));
/** Hà Nội and Thanh Hóa have figures, Huế has none (as a pre-2025 province without a citable figure). */
const population = {
  current: new Map([
    ['01', { population: 8_000, year: 2024 }],
    ['38', { population: 3_000, year: 2023 }],
  ]),
  legacy: new Map([['01', { population: 8_000, year: 2024 }]]),
};

// Hà Nội: 3 active DTEs, 2 of them converted from the 4 active non-DTEs it had; Thanh Hóa: 1 DTE
// and no enterprise in the previous snapshot; Huế: 1 DTE, no population.
const records = [
  dte('0100000001', '01'),
  dte('0100000002', '01'),
  dte('0100000003', '01'),
  rec('0100000004', '01'),
  rec('0100000005', '01', { status: 'dissolved' }),
  dte('3800000001', '38'),
  dte('4600000001', '46'),
];
const previous = new Map<string, PreviousRecord>([
  ['0100000001', prev('0100000001', '01')],
  ['0100000002', prev('0100000002', '01')],
  ['0100000003', prev('0100000003', '01', { is_dte: true })],
  ['0100000004', prev('0100000004', '01')],
  ['0100000005', prev('0100000005', '01')],
  // Suspended, a dependent unit, a DTE: none of them is an active non-DTE enterprise.
  ['0100000006', prev('0100000006', '01', { status: 'suspended' })],
  ['0100000007-001', prev('0100000007-001', '01', { is_dependent_unit: true })],
]);

function tables(hasPrevious: boolean) {
  return buildIndicators(countPartition(records, hasPrevious ? previous : null, '2025-06-30', categories), {
    asOf: '2025-06-30',
    ruleSetId: 'r',
    categories,
    provinces,
    legacyProvinces,
    hasPrevious,
    population,
  });
}

describe('DTEs per 1,000 people and the converted ratio', () => {
  it('divides active DTEs by the population, with the figure and its year beside it', () => {
    const t = tables(true);
    const hn = t.provinces.find((p) => p.code === '01')!;
    expect(hn.dte_active).toBe(3);
    expect(hn.dte_per_1000_people).toBe(0.38); // 3 × 1000 / 8000 = 0.375, half-up
    expect([hn.population, hn.population_year]).toEqual([8_000, 2024]);
    expect(t.provinces.find((p) => p.code === '38')!.dte_per_1000_people).toBe(0.33);
  });

  it('leaves the density null for a unit without a population figure, and the nation then too', () => {
    const t = tables(true);
    const hue = t.provinces.find((p) => p.code === '46')!;
    expect([hue.dte_active, hue.dte_per_1000_people, hue.population, hue.population_year]).toEqual([
      1,
      null,
      null,
      null,
    ]);
    // The national row never sums a partial population: Huế's is missing.
    expect(t.national.population).toBeNull();
    expect(t.national.dte_per_1000_people).toBeNull();
    expect(t.legacy?.find((p) => p.code === '38')?.dte_per_1000_people).toBeNull();
    expect(t.legacy?.find((p) => p.code === '01')?.dte_per_1000_people).toBe(0.38);
  });

  it('recomputes the national density from the sums when every province has a figure', () => {
    const all = {
      current: new Map([...population.current, ['46', { population: 1_000, year: 2024 }]]),
      legacy: population.legacy,
    };
    const t = buildIndicators(countPartition(records, previous, '2025-06-30', categories), {
      asOf: '2025-06-30',
      ruleSetId: 'r',
      categories,
      provinces,
      legacyProvinces,
      hasPrevious: true,
      population: all,
    });
    expect(t.national.population).toBe(12_000);
    expect(t.national.population_year).toBe(2024);
    // 5 DTEs over 12,000 people: 0.4166… → 0.42; the provinces' densities average to another number.
    expect(t.national.dte_per_1000_people).toBe(0.42);
  });

  it("divides converted DTEs by the previous snapshot's active non-DTE enterprises of the unit", () => {
    const t = tables(true);
    const hn = t.provinces.find((p) => p.code === '01')!;
    // Previous active non-DTEs of Hà Nội: …01, …02, …04, …05 = 4; converted now: …01 and …02.
    expect(hn.dte_converted).toBe(2);
    expect(hn.dte_converted_pct).toBe(50);
    // Thanh Hóa had no enterprise in the previous snapshot: nothing to divide by.
    const th = t.provinces.find((p) => p.code === '38')!;
    expect([th.dte_converted, th.dte_converted_pct]).toEqual([0, null]);
    expect(t.national.dte_converted_pct).toBe(50);
    expect(t.legacy?.find((p) => p.code === '01')?.dte_converted_pct).toBe(50);
  });

  it('leaves the converted ratio null without a previous snapshot', () => {
    const t = tables(false);
    for (const row of [...t.provinces, t.national]) expect(row.dte_converted_pct, row.code).toBeNull();
  });

  it('rounds half-up in integer arithmetic like dte_share_pct', () => {
    expect(perThousand(1, 8)).toBe(125); // 125.00 exactly
    expect(perThousand(3, 8000)).toBe(0.38);
    expect(perThousand(1, 80_000)).toBe(0.01); // 0.0125 → 0.01
    expect(perThousand(1, 0)).toBeNull();
    expect(perThousand(73_788, 101_112_656)).toBe(0.73);
  });
});
