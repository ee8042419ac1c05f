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

  it('gives each pre-2025 province a figure or the reason it has none', () => {
    const file = legacyPopulationFile();
    expect(file.provinces.map((p) => p.code).sort()).toEqual(
      legacyProvinces()
        .map((p) => p.code)
        .sort(),
    );
    for (const p of file.provinces) {
      if (p.population === null) expect('missing' in p && p.missing.length > 0, p.name).toBe(true);
      else expect(file.sources[p.source], p.name).toBeDefined();
    }
  });

  it('matches each current province with the sum of its pre-2025 provinces wherever all of them have a figure', () => {
    const legacy = legacyPopulation();
    const current = currentPopulation();
    let compared = 0;
    for (const c of currentProvinces()) {
      const parts = legacyProvinces().filter((p) => p.successor_code === c.code);
      if (!parts.every((p) => legacy.has(p.code))) continue;
      const sum = parts.reduce((s, p) => s + (legacy.get(p.code)?.population ?? 0), 0);
      const whole = current.get(c.code)!;
      // Same year on both sides here, so no growth to allow for: the figures must agree.
      expect(sum, c.name).toBe(whole.population);
      compared++;
    }
    // Only the 11 unmerged provinces have figures on both sides (see population-63.json).
    expect(compared).toBe(11);
  });
});
