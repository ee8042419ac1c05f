/**
 * Where the generator puts its DTEs, calibrated on published figures so that a generated national
 * export looks like Vietnam (docs/notes/population.md, "Calibration"):
 * - population of the 34 provinces: src/reference/data/population-34.json (Resolution 202/2025/QH15
 *   and the merger portal sapnhap.bando.com.vn), split over the pre-2025 provinces as the
 *   statistics office's 2020 figures split it (population-63.json);
 * - DTEs per 1,000 people in mid-2022, as news reports quoted the Ministry of Information and
 *   Communications: Hồ Chí Minh City 3.1-3.2 (3.15 used), Hà Nội 2.29, Đà Nẵng 2.24, Bắc Ninh 1.02;
 * - the nation: 73,788 DTEs at the end of 2024 (about 0.72 per 1,000 people in 2023, on the
 *   statistics office's smaller population; the 34 provinces' figures sum higher).
 * The enterprises themselves keep the generator's rough shares by province (places.ts); only the
 * chance that an enterprise is a DTE varies by province.
 */
import { currentPopulation, legacyPopulation } from '../../src/reference/population.js';
import { legacyProvinces } from '../../src/reference/provinces.js';
import { provinceTable } from './places.js';

/** Mid-2022 densities of the four cities, by pre-2025 code (Bắc Ninh was 27, now part of 24). */
export const DENSITY_ANCHORS: Readonly<Record<string, number>> = {
  '79': 3.15,
  '01': 2.29,
  '48': 2.24,
  '27': 1.02,
};

/** DTEs the Ministry counted at the end of 2024: the nation's DTEs for the current population. */
export const NATIONAL_DTES = 73_788;

/**
 * The background DTE share of a 1,000,000-row export (the bench's size) that yields about
 * `NATIONAL_DTES` active DTEs (checked in test/generator/calibration.test.ts).
 */
export const NATIONAL_DTE_SHARE = 0.077;

interface Calibration {
  /** DTEs per 1,000 people of every pre-2025 province without an anchor. */
  residual: number;
  /** By pre-2025 province: how much likelier than average an enterprise there is to be a DTE. */
  multipliers: ReadonlyMap<string, number>;
}

let calibration: Calibration | undefined;

/**
 * A pre-2025 province's people are its share of its successor's population as the statistics
 * office counted them in 2020 (population-63.json); the four cities have their anchor density,
 * every other province one residual density, chosen so that the 34 provinces hold `NATIONAL_DTES`.
 */
export function calibrate(): Calibration {
  if (calibration) return calibration;
  const population = currentPopulation();
  const before = legacyPopulation();
  const enterprises = new Map(provinceTable().items.map(([p, w]) => [p.code, w]));
  const ofSuccessor = new Map<string, number>();
  for (const p of legacyProvinces())
    ofSuccessor.set(
      p.successor_code,
      (ofSuccessor.get(p.successor_code) ?? 0) + (before.get(p.code)?.population ?? 0),
    );
  const people = new Map(
    legacyProvinces().map((p) => [
      p.code,
      ((population.get(p.successor_code)?.population ?? 0) * (before.get(p.code)?.population ?? 0)) /
        (ofSuccessor.get(p.successor_code) ?? 1),
    ]),
  );
  let anchored = 0;
  let rest = 0;
  for (const [code, n] of people) {
    const anchor = DENSITY_ANCHORS[code];
    if (anchor === undefined) rest += n;
    else anchored += (n * anchor) / 1000;
  }
  const residual = ((NATIONAL_DTES - anchored) * 1000) / rest;
  const dtes = (code: string) => ((people.get(code) ?? 0) * (DENSITY_ANCHORS[code] ?? residual)) / 1000;
  const total = provinceTable().total;
  const multipliers = new Map(
    legacyProvinces().map((p) => [
      p.code,
      dtes(p.code) / NATIONAL_DTES / ((enterprises.get(p.code) ?? 0) / total),
    ]),
  );
  calibration = { residual, multipliers };
  return calibration;
}

/** The chance that an enterprise of a pre-2025 province is a DTE, for an average chance `share`. */
export function dteChance(share: number, legacyCode: string): number {
  return Math.min(0.9, share * (calibrate().multipliers.get(legacyCode) ?? 1));
}
