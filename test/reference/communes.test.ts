import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/package/packageRoot.js';
import { buildCommuneFiles, splitUnit, WARD_SOURCE_FILE } from '../../src/reference/communeSource.js';
import { communes2025, legacyWards, looseKey, tonedKey } from '../../src/reference/index.js';
import { referenceFolder } from '../../src/reference/referenceFolder.js';

const data = (file: string) => readFileSync(path.join(packageRoot(), 'src/reference/data', file), 'utf8');

describe('commune reference data', () => {
  it('is what scripts/referenceCommunes.ts makes of the public ward file', () => {
    const folder = referenceFolder();
    expect(folder, 'the shared/reference folder above the package').not.toBeNull();
    const built = buildCommuneFiles(readFileSync(path.join(folder!, WARD_SOURCE_FILE), 'utf8'));
    expect(data('communes-2025.tsv')).toBe(built.communes);
    expect(data('wards-pre2025.tsv')).toBe(built.wards);
  });

  it('has the 3,321 communes of 2025, 3,298 of them wholly inside one pre-2025 province', () => {
    const all = communes2025();
    expect(all).toHaveLength(3321);
    expect(all.filter((c) => c.legacy_province_codes.length === 1)).toHaveLength(3298);
    expect(new Set(all.map((c) => c.province_code)).size).toBe(34);
    expect(new Set(all.map((c) => c.type))).toEqual(new Set(['Phường', 'Xã', 'Đặc khu']));
  });

  it('gives every pre-2025 ward a successor among the communes of 2025', () => {
    const codes = new Set(communes2025().map((c) => c.code));
    const wards = legacyWards();
    expect(new Set(wards.map((w) => w.legacy_province_code)).size).toBe(63);
    for (const w of wards) for (const s of w.successor_codes) expect(codes.has(s), w.ward_name).toBe(true);
    expect(wards.filter((w) => w.ward_name === '').map((w) => w.district_name)).toEqual(
      expect.arrayContaining(['Côn Đảo', 'Lý Sơn', 'Bạch Long Vĩ']),
    );
  });

  it('takes a unit word from the name before the type column', () => {
    expect(splitUnit('Thị trấn Ngọc Lặc', 'Xã')).toEqual(['Thị trấn', 'Ngọc Lặc']);
    expect(splitUnit('Phường 5', 'Xã')).toEqual(['Phường', '5']);
    expect(splitUnit('Thị Trấn Ái Tử', 'Thị trấn')).toEqual(['Thị trấn', 'Ái Tử']);
  });
});

describe('name keys', () => {
  it('are blind to tone-mark placement, NFD, case and spaces, not to the marks themselves', () => {
    expect(tonedKey('Hoà  Bình')).toBe(tonedKey('hòa bình'));
    expect(tonedKey('Thủy'.normalize('NFD'))).toBe(tonedKey('Thuỷ'));
    expect(tonedKey('Tân Thành')).not.toBe(tonedKey('Tân Thạnh'));
    expect(looseKey('Tân Thành')).toBe(looseKey('Tan Thanh'));
    expect(tonedKey('01')).toBe(tonedKey('1'));
    expect(looseKey('Đông 01')).toBe('dong1');
  });
});
