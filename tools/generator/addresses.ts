import {
  type Commune,
  communeByCode,
  communes2025,
  type LegacyWard,
  legacyWards,
  looseKey,
} from '../../src/reference/index.js';
import { currentProvinces, legacyProvinces } from '../../src/reference/provinces.js';
import type { Enterprise } from './enterprise.js';
import { entityPrng, type Prng } from './prng.js';

const MERGER_DAY = '2025-07-01';

/** Where an enterprise's head office is: a pre-2025 ward, and the 2025 commune that part of it went to. */
export interface Place {
  ward: LegacyWard;
  commune: Commune;
}

interface Tables {
  wards: Map<string, LegacyWard[]>;
  /** Wards whose every successor lies wholly in one old province: the commune always tells it. */
  certain: Map<string, LegacyWard[]>;
  /** How many 2025 communes of a province share a name once its marks are dropped. */
  looseCommunes: Map<string, number>;
  /** How many old wards of a district share a name once its marks are dropped. */
  looseWards: Map<string, number>;
  /** How many districts of an old province share a name once its marks are dropped. */
  looseDistricts: Map<string, number>;
}

let tables: Tables | undefined;

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function get(): Tables {
  if (tables) return tables;
  const t: Tables = {
    wards: new Map(),
    certain: new Map(),
    looseCommunes: new Map(),
    looseWards: new Map(),
    looseDistricts: new Map(),
  };
  const districts = new Set<string>();
  for (const w of legacyWards()) {
    if (w.ward_name === '') continue;
    const list = t.wards.get(w.legacy_province_code) ?? [];
    list.push(w);
    t.wards.set(w.legacy_province_code, list);
    const single = w.successor_codes.every((c) => communeByCode(c)?.legacy_province_codes.length === 1);
    if (single) t.certain.set(w.legacy_province_code, [...(t.certain.get(w.legacy_province_code) ?? []), w]);
    bump(t.looseWards, `${w.legacy_province_code}|${w.district_name}|${looseKey(w.ward_name)}`);
    const district = `${w.legacy_province_code}|${w.district_name}`;
    if (!districts.has(district)) {
      districts.add(district);
      bump(t.looseDistricts, `${w.legacy_province_code}|${looseKey(w.district_name)}`);
    }
  }
  for (const c of communes2025()) bump(t.looseCommunes, `${c.province_code}|${looseKey(c.name)}`);
  tables = t;
  return t;
}

/**
 * The enterprise's place, drawn from its own stream (so no other attribute changes). `certain`
 * draws only among wards whose 2025 communes lie wholly in its old province (the demo's plan cohorts).
 */
export function placeOf(e: Enterprise, seed: number, certain = false): Place {
  const rng = entityPrng(seed, e.index, 4_201);
  const t = get();
  const pool = (certain ? t.certain : t.wards).get(e.province.code) ?? [];
  const ward = rng.pick(pool);
  const commune = communeByCode(rng.pick(ward.successor_codes))!;
  return { ward, commune };
}

const STREETS = [
  'Lê Lợi',
  'Trần Phú',
  'Nguyễn Huệ',
  'Hai Bà Trưng',
  'Quang Trung',
  'Lý Thường Kiệt',
  'Hùng Vương',
];
const COMMUNE_WORDS: Record<string, string[]> = {
  Phường: ['Phường', 'P.'],
  Xã: ['Xã', 'X.'],
  'Thị trấn': ['Thị trấn', 'TT.'],
  'Đặc khu': ['Đặc khu'],
};
const DISTRICT_WORDS: Record<string, string[]> = {
  Quận: ['Quận', 'Q.'],
  Huyện: ['Huyện', 'H.'],
  'Thị xã': ['Thị xã', 'TX.'],
  'Thành phố': ['Thành phố', 'TP.'],
};
const OLD_TONES: Array<[string, string]> = [
  ['óa', 'oá'],
  ['òa', 'oà'],
  ['ủy', 'uỷ'],
  ['úy', 'uý'],
];

const bare = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

/** A unit and its name as registries write them: the word in full or abbreviated, numbers as `P.01` or `P1`. */
function unit(rng: Prng, words: string[], name: string): string {
  const word = rng.pick(words);
  if (/^\d+$/.test(name) && word.endsWith('.'))
    return rng.chance(0.5) ? `${word}${name.padStart(2, '0')}` : `${word} ${name}`;
  if (/^\d+$/.test(name) && rng.chance(0.3)) return `${word.charAt(0)}${name}`;
  return `${word} ${name}`;
}

function provinceText(rng: Prng, fullName: string, name: string): string {
  const r = rng.next();
  if (r < 0.6) return fullName;
  if (r < 0.85) return name;
  return fullName.startsWith('Thành phố ') ? `TP. ${name}` : `Tỉnh ${name}`;
}

/**
 * The head-office address of a row as of a day: old style with its district before the merger, new
 * style after, in the spellings of real exports. Marks are dropped only where the names stay
 * unambiguous without them, so that the place written is always the place meant.
 */
export function addressOf(e: Enterprise, place: Place, asOf: string, salt = 0): string {
  const rng = entityPrng(e.index, salt, 4_211 + asOf.length + Number(asOf.slice(0, 4)));
  const street = `Số ${1 + rng.int(300)} ${rng.pick(STREETS)}`;
  const t = get();
  const { ward, commune } = place;
  let text: string;
  let unambiguous: boolean;
  if (asOf < MERGER_DAY) {
    const old = legacyProvinces().find((p) => p.code === ward.legacy_province_code)!;
    const parts = [
      street,
      unit(rng, COMMUNE_WORDS[ward.ward_type] ?? [ward.ward_type], ward.ward_name),
      unit(rng, DISTRICT_WORDS[ward.district_type] ?? [ward.district_type], ward.district_name),
      provinceText(rng, old.full_name, old.name),
    ];
    text = parts.join(', ');
    unambiguous =
      t.looseWards.get(`${ward.legacy_province_code}|${ward.district_name}|${looseKey(ward.ward_name)}`) ===
        1 && t.looseDistricts.get(`${ward.legacy_province_code}|${looseKey(ward.district_name)}`) === 1;
  } else {
    const current = currentProvinces().find((p) => p.code === commune.province_code);
    const name = current?.name ?? '';
    const full = current?.full_name ?? '';
    text = [
      street,
      unit(rng, COMMUNE_WORDS[commune.type] ?? [commune.type], commune.name),
      provinceText(rng, full, name),
    ].join(', ');
    unambiguous = t.looseCommunes.get(`${commune.province_code}|${looseKey(commune.name)}`) === 1;
  }
  return spoil(rng, text, unambiguous);
}

/** The ways people type an address: no marks, old tone marks, NFD, doubled spaces and commas. */
function spoil(rng: Prng, text: string, unambiguous: boolean): string {
  const r = rng.next();
  if (r < 0.08 && unambiguous) return bare(text);
  if (r < 0.16) return OLD_TONES.reduce((s, [a, b]) => s.replaceAll(a, b), text);
  if (r < 0.2) return text.normalize('NFD');
  if (r < 0.25) return `${text.replace(', ', ' ,, ').replace(/ /, '  ')} `;
  return text;
}
