import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDate,
  formatDecimal,
  formatPct,
  formatSignedPct,
} from '../../src/format/index.js';

describe('one formatter for page, alerts and emails', () => {
  it('writes Vietnamese conventions in vi', () => {
    expect(formatCount(1234, 'vi')).toBe('1.234');
    expect(formatCount(198.05, 'vi')).toBe('198');
    expect(formatPct(9.79, 'vi')).toBe('9,79 %');
    expect(formatDecimal(0.8412, 'vi')).toBe('0,84');
    expect(formatSignedPct(-4.21, 'vi')).toBe('−4,2 %');
    expect(formatDate('2025-12-31', 'vi')).toBe('31/12/2025');
  });

  it('writes English conventions in en', () => {
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatPct(9.79, 'en')).toBe('9.79%');
    expect(formatSignedPct(3.14, 'en')).toBe('+3.1%');
    expect(formatDate('2025-12-31', 'en')).toBe('31 Dec 2025');
  });

  it('shows a missing value as a dash', () => {
    expect(formatCount(null, 'vi')).toBe('–');
    expect(formatPct(null, 'en')).toBe('–');
  });
});
