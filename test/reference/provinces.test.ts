import { describe, expect, it } from 'vitest';
import {
  currentProvinces,
  legacyProvinces,
  nameKey,
  resolveLegacyProvince,
  resolveProvince,
} from '../../src/reference/index.js';

describe('province reference data', () => {
  it('has the 34 current and 63 pre-2025 provinces, every old one with a current successor', () => {
    expect(currentProvinces()).toHaveLength(34);
    expect(legacyProvinces()).toHaveLength(63);
    const current = new Set(currentProvinces().map((p) => p.code));
    for (const p of legacyProvinces()) expect(current.has(p.successor_code), p.name).toBe(true);
  });

  it('gives no two provinces of one list the same name key, and across lists only to the same name', () => {
    for (const list of [currentProvinces(), legacyProvinces()]) {
      expect(new Set(list.map((p) => nameKey(p.name))).size).toBe(list.length);
    }
    const current = new Map(currentProvinces().map((p) => [nameKey(p.name), p.name_en]));
    for (const p of legacyProvinces()) {
      const same = current.get(nameKey(p.name));
      if (same !== undefined) expect(same, p.name).toBe(p.name_en);
    }
  });
});

describe('province resolution', () => {
  const thanhHoa = { code: '38', legacy_code: '38' };
  it.each([
    'Thanh Hóa',
    'Thanh Hoá',
    'tỉnh thanh hóa',
    'Tỉnh Thanh Hóa',
    'Thanh Hoa',
    'THANH HOÁ',
    'Thanh Hóa'.normalize('NFD'),
    '  Thanh   Hóa ',
    '38',
  ])('%j is Thanh Hóa, not merged, so its legacy code is certain', (value) => {
    expect(resolveProvince(value)).toEqual(thanhHoa);
  });

  it('resolves pre-2025 names and codes to their successor with the old code', () => {
    expect(resolveProvince('Bà Rịa - Vũng Tàu')).toEqual({ code: '79', legacy_code: '77' });
    expect(resolveProvince('Ba Ria Vung Tau')).toEqual({ code: '79', legacy_code: '77' });
    expect(resolveProvince('77')).toEqual({ code: '79', legacy_code: '77' });
    expect(resolveProvince('Tỉnh Phú Yên')).toEqual({ code: '66', legacy_code: '54' });
    expect(resolveProvince('Quảng Nam')).toEqual({ code: '48', legacy_code: '49' });
    expect(resolveProvince('Hoà Bình')).toEqual({ code: '25', legacy_code: '17' });
    expect(resolveProvince('Hòa Bình')).toEqual({ code: '25', legacy_code: '17' });
  });

  it('leaves the legacy code unknown for names and codes shared by an old province and its larger successor', () => {
    expect(resolveProvince('Đắk Lắk')).toEqual({ code: '66', legacy_code: null });
    expect(resolveProvince('Dak Lak')).toEqual({ code: '66', legacy_code: null });
    expect(resolveProvince('TP. Hồ Chí Minh')).toEqual({ code: '79', legacy_code: null });
    expect(resolveProvince('Thành phố Đà Nẵng')).toEqual({ code: '48', legacy_code: null });
    expect(resolveProvince('Tây Ninh')).toEqual({ code: '80', legacy_code: null });
  });

  it('reads a reused code as the current province that carries it now', () => {
    expect(resolveProvince('80')).toEqual({ code: '80', legacy_code: null }); // was Long An, now Tây Ninh
    expect(resolveProvince('52')).toEqual({ code: '52', legacy_code: null }); // was Bình Định, now Gia Lai
    expect(resolveProvince('8')).toEqual({ code: '08', legacy_code: null });
  });

  it('knows no Atlantis', () => {
    expect(resolveProvince('Atlantis')).toBeNull();
    expect(resolveProvince('')).toBeNull();
    expect(resolveProvince('99')).toBeNull();
  });

  it('reads the pre-2025 column by old name or code', () => {
    expect(resolveLegacyProvince('Phú Yên')).toBe('54');
    expect(resolveLegacyProvince('Tây Ninh')).toBe('72');
    expect(resolveLegacyProvince('Đắk Lắk')).toBe('66');
    expect(resolveLegacyProvince('Thừa Thiên Huế')).toBe('46');
    expect(resolveLegacyProvince('74')).toBe('74');
    expect(resolveLegacyProvince('Gondor')).toBeNull();
  });
});
