import { describe, expect, it } from 'vitest';
import {
  currentPopulation,
  currentPopulationFile,
  currentProvinces,
  legacyPopulation,
  legacyPopulationFile,
  legacyProvinces,
} from '../../src/reference/index.js';

describe('population reference data', () => {
  it('has a figure with a year and a described source for each of the 34 provinces, under their names', () => {
    const file = currentPopulationFile();
    const names = new Map(currentProvinces().map((p) => [p.code, p.name]));
    expect(file.provinces.map((p) => p.code).sort()).toEqual([...names.keys()].sort());
    for (const p of file.provinces) {
      expect(p.name, p.code).toBe(names.get(p.code));
      expect(file.sources[p.source], p.code).toBeDefined();
      expect(p.year, p.code).toBeGreaterThanOrEqual(2024);
    }
  });

  it('takes the 23 merged provinces from Resolution 202/2025/QH15 and the 11 others from the portal', () => {
    const file = currentPopulationFile();
    const parts = (code: string) => legacyProvinces().filter((p) => p.successor_code === code).length;
    const merged = new Set(
      currentProvinces()
        .filter((p) => parts(p.code) > 1)
        .map((p) => p.code),
    );
    expect(merged.size).toBe(23);
    for (const p of file.provinces)
      expect(p.source, p.name).toBe(merged.has(p.code) ? 'nq202' : 'bando-portal');
    // Figures as the Resolution states them (Điều 1), spot-checked against a second transcription.
    const of = (code: string) => currentPopulation().get(code)?.population;
    expect(of('79')).toBe(14_002_598);
    expect(of('37')).toBe(4_412_264);
    expect(of('66')).toBe(3_346_853);
  });

  it('sums the 34 to the national census figure within the stated tolerance, and says why they differ', () => {
    const file = currentPopulationFile();
    const sum = file.provinces.reduce((s, p) => s + p.population, 0);
    expect(sum).toBe(112_093_848);
    const gapPct = (100 * Math.abs(sum - file.national.population)) / file.national.population;
    expect(gapPct).toBeLessThanOrEqual(file.sum_tolerance_pct);
    expect(file.national.note).toMatch(/temporary residents/);
  });

  it("gives each of the 63 pre-2025 provinces the statistics office's 2020 figure, summing to its national figure", () => {
    const file = legacyPopulationFile();
    expect(file.provinces.map((p) => p.code).sort()).toEqual(
      legacyProvinces()
        .map((p) => p.code)
        .sort(),
    );
    for (const p of file.provinces) {
      expect(p.population, p.name).not.toBeNull();
      expect(file.sources[p.source ?? ''], p.name).toBeDefined();
      expect(p.year, p.name).toBe(2020);
    }
    const sum = file.provinces.reduce((s, p) => s + (p.population ?? 0), 0);
    // 63 figures rounded to 100 persons each: within 63 × 50 of the stated total.
    expect(Math.abs(sum - file.national.population)).toBeLessThanOrEqual(63 * 50);
    expect(legacyPopulation().get('79')?.population).toBe(9_227_600);
  });

  it('finds each current province above the sum of its pre-2025 provinces by what the years and methods explain', () => {
    const legacy = legacyPopulation();
    const sources = new Map(currentPopulationFile().provinces.map((p) => [p.code, p.source]));
    const outside: string[] = [];
    for (const c of currentProvinces()) {
      const parts = legacyProvinces().filter((p) => p.successor_code === c.code);
      const before = parts.reduce((s, p) => s + legacy.get(p.code)!.population, 0);
      const now = currentPopulation().get(c.code)!.population;
      const growthPct = (100 * (now - before)) / before;
      // Census 2024 against the 2020 average: four years at up to about 2 % a year. The Resolution's
      // "quy mô dân số" also counts temporary residents, so it runs up to a third above (Mekong Delta).
      const [low, high] = sources.get(c.code) === 'nq202' ? [0, 40] : [0, 10];
      if (growthPct < low || growthPct > high) outside.push(`${c.name} ${growthPct.toFixed(1)}%`);
    }
    // Hà Tĩnh's portal figure is the one the data file flags as not matching the census.
    expect(outside).toEqual(['Hà Tĩnh 25.2%']);
  });
});
