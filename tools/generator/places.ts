import { type LegacyProvince, legacyProvinces } from '../../src/reference/provinces.js';
import type { Prng } from './prng.js';

/** Rough shares of registered enterprises by pre-2025 province: the two big cities dominate. */
const WEIGHT: Record<string, number> = {
  '01': 14,
  '79': 18,
  '48': 3,
  '31': 3,
  '74': 4,
  '75': 3,
  '92': 2,
  '77': 2,
  '38': 2,
  '40': 2,
  '22': 2,
  '27': 2,
  '26': 2,
  '30': 2,
  '56': 1.5,
  '64': 1.5,
  '66': 1.5,
  '80': 1.5,
  '36': 1.5,
};

let table: { items: Array<readonly [LegacyProvince, number]>; total: number } | undefined;

export function provinceTable(): { items: Array<readonly [LegacyProvince, number]>; total: number } {
  if (!table) {
    const items = legacyProvinces().map((p) => [p, WEIGHT[p.code] ?? 0.6] as const);
    table = { items, total: items.reduce((s, [, w]) => s + w, 0) };
  }
  return table;
}

export function legacyByCode(code: string): LegacyProvince {
  const p = legacyProvinces().find((x) => x.code === code);
  if (!p) throw new Error(`no pre-2025 province ${code}`);
  return p;
}

const OLD_TONES: Array<[string, string]> = [
  ['óa', 'oá'],
  ['òa', 'oà'],
  ['ỏa', 'oả'],
  ['ủy', 'uỷ'],
  ['úy', 'uý'],
];

/** One of the ways registries and people write a province: full name, prefix, no diacritics, old tone marks, NFD, code. */
export function spell(rng: Prng, name: string, fullName: string, nameEn: string, code: string): string {
  const r = rng.next();
  if (r < 0.35) return fullName;
  if (r < 0.6) return name;
  if (r < 0.7) return nameEn;
  if (r < 0.8) return OLD_TONES.reduce((s, [a, b]) => s.replace(a, b), name);
  if (r < 0.85) return fullName.normalize('NFD');
  if (r < 0.9) return fullName.startsWith('Thành phố ') ? `TP. ${name}` : `tỉnh ${name.toLowerCase()}`;
  return code;
}
