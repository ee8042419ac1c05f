import { formatCount, formatDecimal, formatPct, type Lang } from '../format/numbers.js';
import { type Indicator, unitOf } from './units.js';

const COUNT: Record<Lang, string> = { vi: 'DN', en: 'enterprises' };
const DENSITY: Record<Lang, string> = { vi: 'DN/1.000 dân', en: 'DTEs per 1,000 people' };

/**
 * An indicator's value with its unit, as alerts, emails and the page write it: `120 DN`,
 * `9,79 %`, `0,84 DN/1.000 dân` in vi; `120 enterprises`, `9.79%`, `0.84 DTEs per 1,000 people` in en.
 */
export function formatIndicatorValue(indicator: Indicator, value: number | null, lang: Lang): string {
  if (value === null) return '–';
  const unit = unitOf(indicator);
  if (unit === 'pct') return formatPct(value, lang);
  if (unit === 'per_1000_people') return `${formatDecimal(value, lang)} ${DENSITY[lang]}`;
  return `${formatCount(value, lang)} ${COUNT[lang]}`;
}
