import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conversionTable, loadRuleSet } from '../../src/classify/index.js';

const read = (file: string) =>
  JSON.parse(readFileSync(`src/classify/data/${file}`, 'utf8')) as Record<string, unknown>;

describe('VSIC reference data against what its sources state', () => {
  it('has the 495 VSIC 2025 classes the catalog states (level counts 22/87/259/495/743), codes as 4-digit strings', () => {
    const classes = read('vsic2025-classes.json').classes as string[];
    expect(classes.length).toBe(495);
    expect(new Set(classes).size).toBe(495);
    expect(classes.every((c) => /^\d{4}$/.test(c))).toBe(true);
    expect(classes).toContain('0111'); // leading zeros kept
  });

  it('has the 467 VSIC 2018 classes the OCR source found of the 486 it says exist, and every class the rules use', () => {
    const data = read('vsic2018-classes.json');
    const classes = data.classes as string[];
    expect(data.official_count).toBe(486);
    expect(classes.length).toBe(467);
    expect(classes.every((c) => /^\d{4}$/.test(c))).toBe(true);
    for (const code of Object.values(loadRuleSet('vsic2018-ict-v1', 'vsic2018').categories).flat()) {
      expect(classes, code).toContain(code);
    }
  });

  it('holds conversion rows whose stated relationships agree with the rows themselves', () => {
    const rows = conversionTable().rows;
    const out = new Map<string, number>();
    const into = new Map<string, number>();
    for (const r of rows) {
      out.set(r.from, (out.get(r.from) ?? 0) + 1);
      into.set(r.to, (into.get(r.to) ?? 0) + 1);
    }
    const dte2018 = new Set(Object.values(loadRuleSet('vsic2018-ict-v1', 'vsic2018').categories).flat());
    const dte2025 = new Set(Object.values(loadRuleSet('vsic2025-ict-v1', 'vsic2025').categories).flat());
    for (const r of rows) {
      // Every row of a DTE class is here, so its fan-out is complete and must match the relationship.
      if (!dte2018.has(r.from)) continue;
      const many = (out.get(r.from) ?? 0) > 1;
      expect(
        ['one_to_many', 'many_to_many'].includes(r.relationship),
        `${r.from}→${r.to} ${r.relationship}`,
      ).toBe(many);
      // Rows into a 2025 DTE class are all here too, so its fan-in is complete.
      if (dte2025.has(r.to) && (r.relationship === 'many_to_one' || r.relationship === 'many_to_many')) {
        expect(into.get(r.to), `${r.to} receives several 2018 classes`).toBeGreaterThan(1);
      }
    }
    // The conversions the spec names: 2018 6120 (wireless) is 2025 6110; 2025 6120 is telecom resale.
    expect(rows.some((r) => r.from === '6120' && r.to === '6110')).toBe(true);
    expect(rows.find((r) => r.to === '6120')?.to_name).toMatch(/bán lại/);
  });
});
