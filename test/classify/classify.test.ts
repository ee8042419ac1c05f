import { describe, expect, it } from 'vitest';
import {
  classify,
  conversionTable,
  deriveVsic2025,
  loadIndustryCatalog,
  loadRuleBook,
  loadRuleSet,
  vsic2025Decisions,
} from '../../src/classify/index.js';
import type { IndustrySystem } from '../../src/domain/record.js';

const catalog = loadIndustryCatalog();
const rules = loadRuleBook({ vsic2018: 'vsic2018-ict-v1', vsic2025: 'vsic2025-ict-v1' });
const coded = (main: string, system: IndustrySystem, secondary: Array<[string, IndustrySystem]> = []) => ({
  main_industry_code: main,
  main_industry_system: system,
  secondary_industry_codes: secondary.map(([c]) => c),
  secondary_industry_systems: secondary.map(([, s]) => s),
});

describe('which system a code is read in', () => {
  it('takes a code that exists in one system only in that system, on both sides of the switch', () => {
    for (const date of ['2024-01-01', '2026-01-01']) {
      expect(catalog.resolve('6201', 'auto', date)).toBe('vsic2018'); // 2018 only
      expect(catalog.resolve('62010', 'auto', date)).toBe('vsic2018');
      expect(catalog.resolve('6219', 'auto', date)).toBe('vsic2025'); // 2025 only
      expect(catalog.resolve('9510', 'auto', date)).toBe('vsic2025');
    }
  });

  it('reads a code in both systems by the row date: VSIC 2025 from 2025-11-15', () => {
    expect(catalog.resolve('4651', 'auto', '2025-11-14')).toBe('vsic2018');
    expect(catalog.resolve('4651', 'auto', '2025-11-15')).toBe('vsic2025');
    // 6120: wireless telecom in 2018, telecom resale in 2025.
    expect(catalog.resolve('6120', 'auto', '2025-11-14')).toBe('vsic2018');
    expect(catalog.resolve('6120', 'auto', '2025-11-15')).toBe('vsic2025');
  });

  it('honours a declared system and refuses codes of the other one', () => {
    expect(catalog.resolve('6201', 'vsic2025', '2026-01-01')).toBeNull();
    expect(catalog.resolve('6219', 'vsic2018', '2024-01-01')).toBeNull();
    expect(catalog.resolve('6120', 'vsic2018', '2026-01-01')).toBe('vsic2018');
    expect(catalog.resolve('9999', 'auto', '2026-01-01')).toBeNull();
  });
});

describe('classification', () => {
  it.each([
    ['2620', 'vsic2018', 'hardware'],
    ['5820', 'vsic2018', 'software'],
    ['62010', 'vsic2018', 'software'],
    ['6311', 'vsic2018', 'it_services'],
    ['6120', 'vsic2018', 'telecom'],
    ['4652', 'vsic2018', 'trade'],
    ['9512', 'vsic2018', 'repair'],
    ['6219', 'vsic2025', 'software'],
    ['6110', 'vsic2025', 'telecom'],
    ['6120', 'vsic2025', 'telecom'],
    ['9510', 'vsic2025', 'repair'],
  ] as const)('%s (%s) is a DTE in %s', (code, system, category) => {
    expect(classify(coded(code, system), rules)).toEqual({
      is_dte: true,
      dte_category: category,
      dte_matched_code: code,
      digital_secondary: false,
    });
  });

  it('never makes a DTE of a secondary code, but flags the candidate', () => {
    expect(classify(coded('2392', 'vsic2018', [['6201', 'vsic2018']]), rules)).toEqual({
      is_dte: false,
      dte_category: null,
      dte_matched_code: null,
      digital_secondary: true,
    });
    expect(classify(coded('2392', 'vsic2018', [['1074', 'vsic2018']]), rules).digital_secondary).toBe(false);
    expect(classify(coded('2611', 'vsic2025'), rules).is_dte).toBe(false);
  });
});

describe('VSIC 2025 rule set', () => {
  it('is exactly what the derivation from vsic2018-ict-v1 and the conversion table gives', () => {
    const derived = deriveVsic2025(
      loadRuleSet('vsic2018-ict-v1', 'vsic2018'),
      conversionTable(),
      vsic2025Decisions(),
    );
    expect(loadRuleSet('vsic2025-ict-v1', 'vsic2025')).toEqual(derived);
  });

  it('uses only classes that exist in each system, and converts every digital 2018 class', () => {
    for (const system of ['vsic2018', 'vsic2025'] as const) {
      for (const codes of Object.values(rules.bySystem[system].categories))
        for (const c of codes) expect(catalog.has(system, c), `${system} ${c}`).toBe(true);
    }
    const from = new Set(conversionTable().rows.map((r) => r.from));
    for (const codes of Object.values(rules.bySystem.vsic2018.categories))
      for (const c of codes) expect(from.has(c), c).toBe(true);
    for (const row of conversionTable().rows) expect(catalog.has('vsic2025', row.to), row.to).toBe(true);
  });

  it('gives the same DTE counts per category for the same enterprises coded in 2018 and converted to 2025, except the listed ambiguities', () => {
    const table = conversionTable().rows;
    // One enterprise per conversion row: its 2018 code, and the 2025 code the table sends it to.
    const count = (pairs: Array<[string, IndustrySystem]>) => {
      const counts: Record<string, number> = {};
      for (const [code, system] of pairs) {
        const c = classify(coded(code, system), rules);
        if (c.is_dte) counts[c.dte_category!] = (counts[c.dte_category!] ?? 0) + 1;
      }
      return counts;
    };
    // Genuinely ambiguous: the conversion sends part of a digital class out of the digital classes.
    const ambiguous = new Set([
      '2610→2611 solar cells',
      '6311→5912 film post-production',
      '6311→5920 sound recording',
      '9511→9540 repair intermediation',
      '9512→9540 repair intermediation',
    ]);
    const digital = table.filter((r) => rules.categoryOf('vsic2018', r.from) !== null);
    const unambiguous = digital.filter((r) => !ambiguous.has(`${r.from}→${r.to} ${ambiguousName(r.to)}`));
    expect(digital.length - unambiguous.length).toBe(ambiguous.size);
    expect(count(unambiguous.map((r) => [r.from, 'vsic2018']))).toEqual(
      count(unambiguous.map((r) => [r.to, 'vsic2025'])),
    );
  });
});

function ambiguousName(code: string): string {
  return (
    {
      '2611': 'solar cells',
      '5912': 'film post-production',
      '5920': 'sound recording',
      '9540': 'repair intermediation',
    }[code] ?? ''
  );
}
