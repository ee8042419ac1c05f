import { describe, expect, it } from 'vitest';
import { formatIndicatorValue } from '../../src/indicators/displayValue.js';
import { unitOf } from '../../src/indicators/index.js';

describe('an indicator value with its unit', () => {
  it('reads a density as DTEs per 1,000 people', () => {
    expect(formatIndicatorValue('dte_per_1000_people', 0.8412, 'vi')).toBe('0,84 DN/1.000 dân');
    expect(formatIndicatorValue('dte_per_1000_people', 0.84, 'en')).toBe('0.84 DTEs per 1,000 people');
    expect(formatIndicatorValue('dte_per_1000_people', 1, 'vi')).toBe('1 DN/1.000 dân');
  });

  it('reads shares as percentages and counts as whole enterprises', () => {
    expect(formatIndicatorValue('dte_share_pct', 2.79, 'vi')).toBe('2,79 %');
    expect(formatIndicatorValue('dte_converted_pct', 0, 'en')).toBe('0%');
    expect(formatIndicatorValue('dte_active', 1234, 'vi')).toBe('1.234 DN');
    expect(formatIndicatorValue('dte_founded_since', 19.6, 'en')).toBe('20 enterprises');
    expect(formatIndicatorValue('dte_active', null, 'vi')).toBe('–');
  });

  it('knows the unit of every indicator a target can name', () => {
    expect(unitOf('dte_per_1000_people')).toBe('per_1000_people');
    expect(unitOf('dte_share_pct')).toBe('pct');
    expect(unitOf('enterprises_active')).toBe('count');
  });
});
