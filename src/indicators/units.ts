/**
 * What a plan can set a target on: the snapshot's indicators (a count, a share or a density), plus
 * `dte_founded_since`, counted from the DTE list from a date the target gives.
 */
export const COUNT_INDICATORS = [
  'dte_active',
  'enterprises_active',
  'dte_founded_ytd',
  'dte_converted',
  'dte_ceased',
  'digital_secondary',
  'dte_founded_since',
] as const;
export const SHARE_INDICATORS = ['dte_share_pct', 'dte_converted_pct'] as const;
export const DENSITY_INDICATORS = ['dte_per_1000_people'] as const;

export const INDICATORS = [...COUNT_INDICATORS, ...SHARE_INDICATORS, ...DENSITY_INDICATORS] as const;
export type Indicator = (typeof INDICATORS)[number];

/** How a value reads: a number of enterprises, a percentage, or enterprises per 1,000 people. */
export type IndicatorUnit = 'count' | 'pct' | 'per_1000_people';

export function unitOf(indicator: Indicator): IndicatorUnit {
  if ((SHARE_INDICATORS as readonly string[]).includes(indicator)) return 'pct';
  if ((DENSITY_INDICATORS as readonly string[]).includes(indicator)) return 'per_1000_people';
  return 'count';
}
