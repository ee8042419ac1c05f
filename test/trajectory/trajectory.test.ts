import { describe, expect, it } from 'vitest';
import { expectedAt, gapPct, project, statusOf } from '../../src/trajectory/index.js';

const baseline = { date: '2024-01-01', value: 10 };
const points = [
  { date: '2025-01-01', value: 20 }, // 366 days after the baseline (2024 is a leap year)
  { date: '2026-01-01', value: 40 }, // 365 days after that
];

describe('expected value', () => {
  it('interpolates between the baseline and the first point', () => {
    // 182 of 366 days: 10 + 10 × 182/366 = 14.9727…
    expect(expectedAt(baseline, points, '2024-07-01')).toBeCloseTo(14.9727, 4);
    expect(expectedAt(baseline, points, '2024-01-01')).toBe(10);
    expect(expectedAt(baseline, points, '2025-01-01')).toBe(20);
  });

  it('interpolates between two points', () => {
    // 182 of 365 days: 20 + 20 × 182/365 = 29.9726…
    expect(expectedAt(baseline, points, '2025-07-02')).toBeCloseTo(29.9726, 4);
  });

  it('has no expectation before the baseline and stays at the last value after the last point', () => {
    expect(expectedAt(baseline, points, '2023-12-31')).toBeNull();
    expect(statusOf(5, null, 2, 15)).toBe('not_started');
    expect(expectedAt(baseline, points, '2031-06-30')).toBe(40);
  });

  it('treats a zero expectation as met, with no gap percentage', () => {
    const zero = expectedAt(
      { date: '2024-01-01', value: 0 },
      [{ date: '2025-01-01', value: 0 }],
      '2024-06-01',
    );
    expect(zero).toBe(0);
    expect(gapPct(0, zero)).toBeNull();
    expect(statusOf(0, zero, 2, 15)).toBe('on_track');
  });

  it('puts the status bands at the tolerance and the critical share', () => {
    expect(statusOf(98, 100, 2, 15)).toBe('on_track');
    expect(statusOf(97.9, 100, 2, 15)).toBe('behind');
    expect(statusOf(85, 100, 2, 15)).toBe('behind');
    expect(statusOf(84.9, 100, 2, 15)).toBe('critical');
    expect(gapPct(90, 120)).toBe(-25);
  });
});

describe('projection', () => {
  const target = [{ date: '2026-01-01', value: 25 }];

  it('draws a least-squares line and says when it reaches the next point', () => {
    // 10 on 2025-01-01, 20 on 2025-07-02 (day 182): 10/182 a day; 25 is reached on day 273 = 2025-10-01.
    const p = project(
      [
        { date: '2025-01-01', value: 10 },
        { date: '2025-07-02', value: 20 },
      ],
      target,
      '2025-07-02',
    );
    expect(p?.projected_date).toBe('2025-10-01');
    expect(p?.projected_value_next).toBeCloseTo(10 + (365 * 10) / 182, 2);
    expect(p?.projected_miss).toBe(false);
  });

  it('gives no date for a flat or falling trend, and a miss', () => {
    const quarterly = (january: number, april: number, july: number) =>
      project(
        [
          { date: '2025-01-01', value: january },
          { date: '2025-04-01', value: april },
          { date: '2025-07-01', value: july },
        ],
        target,
        '2025-07-01',
      );
    const flat = quarterly(10, 10, 10);
    expect(flat).toMatchObject({ projected_value_next: 10, projected_date: null, projected_miss: true });
    const falling = quarterly(10, 8, 6);
    expect(falling?.projected_date).toBeNull();
    expect(falling?.projected_miss).toBe(true);
    expect(falling?.projected_value_next).toBeLessThan(6);
  });

  it('needs two snapshots spanning 60 days of the trailing year, and a future point', () => {
    const twoSnapshots = (first: string, second: string, asOf: string) =>
      project(
        [
          { date: first, value: 1 },
          { date: second, value: 2 },
        ],
        target,
        asOf,
      );
    expect(twoSnapshots('2025-06-01', '2025-07-01', '2025-07-01')).toBeNull();
    expect(twoSnapshots('2023-01-01', '2025-07-01', '2025-07-01')).toBeNull();
    expect(twoSnapshots('2025-01-01', '2025-07-01', '2026-02-01')).toBeNull();
  });
});
