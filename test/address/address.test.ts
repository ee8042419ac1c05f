import { describe, expect, it } from 'vitest';
import { AddressReader, parseAddress } from '../../src/address/index.js';
import { provinceResolverAsOf } from '../../src/reference/index.js';

const AFTER = '2026-01-15';
const BEFORE = '2025-06-30';

/** The place an address gives a row whose province cell is `cell`, in an export as of `asOf`. */
function place(address: string, cell: string, asOf = AFTER, legacy: string | null = null) {
  const province = provinceResolverAsOf(asOf)(cell);
  if (!province) throw new Error(`no province ${cell}`);
  return new AddressReader(asOf).read(address, province, legacy ?? province.legacy_code);
}

describe('reading an address into its parts', () => {
  it.each([
    ['Số 12 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hóa', 'Phường', 'Hạc Thành', null, 'Thanh Hóa'],
    [
      'Số 5, Phường Điện Biên, Thành phố Thanh Hóa, Tỉnh Thanh Hóa',
      'Phường',
      'Điện Biên',
      'Thanh Hóa',
      'Thanh Hóa',
    ],
    ['12 Lê Lợi, P.01, Q.3, TP.HCM', 'Phường', '01', '3', 'HCM'],
    ['12 Lê Lợi, P1, Q3, TP HCM', 'Phường', '1', '3', 'HCM'],
    ['Thôn 2, X. Tân Phú, H. Châu Thành, T. Đồng Tháp', 'Xã', 'Tân Phú', 'Châu Thành', 'Đồng Tháp'],
    ['Khu 1, TT. Bến Lức, H. Bến Lức, Long An', 'Thị trấn', 'Bến Lức', 'Bến Lức', 'Long An'],
    ['Ấp 3, X. Tân Phú, TX. Cai Lậy, Tiền Giang', 'Xã', 'Tân Phú', 'Cai Lậy', 'Tiền Giang'],
    ['Khu 3, Đặc khu Côn Đảo, Thành phố Hồ Chí Minh', 'Đặc khu', 'Côn Đảo', null, 'Hồ Chí Minh'],
    ['so 12 le loi, phuong hac thanh, tinh thanh hoa', 'Phường', 'hac thanh', null, 'thanh hoa'],
    [
      '  Số 12 Lê Lợi ,, Phường  Hạc Thành , , Tỉnh Thanh Hoá , Việt Nam',
      'Phường',
      'Hạc Thành',
      null,
      'Thanh Hoá',
    ],
    ['Số 12 Lê Lợi Phường Hạc Thành Tỉnh Thanh Hóa', 'Phường', 'Hạc Thành', null, 'Thanh Hóa'],
    ['12 Lê Lợi, Hạc Thành, Thanh Hóa', null, 'Hạc Thành', null, 'Thanh Hóa'],
  ])('%j', (address, type, commune, district, province) => {
    const parts = parseAddress(address);
    expect(parts.commune).toEqual({ type, name: commune });
    expect(parts.district?.name ?? null).toBe(district);
    expect(parts.province).toBe(province);
  });

  it('reads NFD text as its NFC', () => {
    const nfd = 'Số 12 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hóa'.normalize('NFD');
    expect(parseAddress(nfd).commune).toEqual({ type: 'Phường', name: 'Hạc Thành' });
  });

  it('takes no street for a commune', () => {
    expect(parseAddress('Đường Lê Lợi, Thanh Hóa').commune).toBeNull();
    expect(parseAddress('Thanh Hóa').commune).toBeNull();
    expect(parseAddress('Số 9 Trần Phú, Thôn 4, Tỉnh Nghệ An').commune).toBeNull();
  });
});

describe('placing an address', () => {
  const hacThanh = { commune_code: '14797', legacy_code: '38', conflict: null };
  it.each([
    'Số 12 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hóa',
    'Số 12 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hoá',
    'Số 12 Lê Lợi, Phường Hạc Thành, Tỉnh Thanh Hóa'.normalize('NFD'),
    'so 12 le loi, p. hac thanh, thanh hoa',
    'Số 12 Lê Lợi, Phường Điện Biên, Thành phố Thanh Hóa, Tỉnh Thanh Hóa',
    'Số 12 Lê Lợi, Phường Điện Biên, TP. Thanh Hóa',
  ])('%j is Phường Hạc Thành of Thanh Hóa', (address) => {
    expect(place(address, 'Thanh Hóa')).toEqual(hacThanh);
  });

  it('gives a merged province its old province from the commune, old style or new', () => {
    expect(place('Số 3 Hạ Long, Phường Vũng Tàu, TP. Hồ Chí Minh', 'TP. Hồ Chí Minh')).toEqual({
      commune_code: '26506',
      legacy_code: '77',
      conflict: null,
    });
    for (const address of [
      '12 Lê Lợi, P.01, Q.3, TP.HCM',
      '12 Lê Lợi, Phường 1, Quận 3, Thành phố Hồ Chí Minh',
    ])
      expect(place(address, 'Hồ Chí Minh')).toEqual({
        commune_code: '27154',
        legacy_code: '79',
        conflict: null,
      });
    expect(place('Khu 3, Đặc khu Côn Đảo, Thành phố Hồ Chí Minh', '79')).toEqual({
      commune_code: '26732',
      legacy_code: '77',
      conflict: null,
    });
    expect(place('Khu 3, Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu', 'Hồ Chí Minh')).toEqual({
      commune_code: '26732',
      legacy_code: '77',
      conflict: null,
    });
  });

  it('leaves a name borne by several places unknown unless the district or the old province decides', () => {
    // Đồng Tháp of 2025 holds Tân Thành and Tân Thạnh, both from old Đồng Tháp (87).
    expect(place('Ấp 1, Xa Tan Thanh, Dong Thap', 'Đồng Tháp')).toEqual({
      commune_code: null,
      legacy_code: '87',
      conflict: null,
    });
    expect(place('Ấp 1, Xã Tân Thạnh, Tỉnh Đồng Tháp', 'Đồng Tháp').commune_code).toBe('30157');
    // Old wards named Xã Tân Phú: two in Tiền Giang (82), two in old Đồng Tháp (87).
    const tanPhu = 'Ấp 1, Xã Tân Phú, Huyện Châu Thành, Tỉnh Đồng Tháp';
    expect(place(tanPhu, 'Đồng Tháp')).toEqual({ commune_code: '30259', legacy_code: '87', conflict: null });
    expect(place('Ấp 1, X. Tân Phú, TX. Cai Lậy, Tiền Giang', 'Đồng Tháp')).toEqual({
      commune_code: '28468',
      legacy_code: '82',
      conflict: null,
    });
    expect(place('Ấp 1, Xã Tân Phú, Huyện Lạ, Tỉnh Đồng Tháp', 'Đồng Tháp')).toEqual({
      commune_code: null,
      legacy_code: null,
      conflict: null,
    });
    // With the old province known (Tiền Giang, from the legacy column), its two Tân Phú still differ.
    expect(place('Ấp 1, Xã Tân Phú, Huyện Lạ, Tỉnh Đồng Tháp', 'Đồng Tháp', AFTER, '82')).toEqual({
      commune_code: null,
      legacy_code: '82',
      conflict: null,
    });
    // Numbered wards of old Hồ Chí Minh City and of Vũng Tàu: no district, no old province.
    expect(place('12 Lê Lợi, Phường 1, TP. Hồ Chí Minh', 'Hồ Chí Minh')).toEqual({
      commune_code: null,
      legacy_code: null,
      conflict: null,
    });
  });

  it('keeps the old province of a divided ward and leaves its commune unknown', () => {
    expect(place('Ấp 2, Xã Tân Phú, Huyện Tân Châu, Tỉnh Tây Ninh', 'Tây Ninh')).toEqual({
      commune_code: null,
      legacy_code: '72',
      conflict: null,
    });
  });

  it('finds nothing in an address that names nothing known, and says so without failing', () => {
    expect(place('Số 1, Xã Không Có, Tỉnh Thanh Hóa', 'Thanh Hóa')).toEqual({
      commune_code: null,
      legacy_code: '38',
      conflict: null,
    });
    expect(place('Lô 7 KCN Tây Bắc', 'Đắk Lắk')).toEqual({
      commune_code: null,
      legacy_code: null,
      conflict: null,
    });
  });

  it('reports an address naming another province than the province cell', () => {
    expect(place('Số 1, Phường Hạc Thành, Tỉnh Thanh Hóa', 'Nghệ An')).toEqual({
      commune_code: null,
      legacy_code: null,
      conflict: 'Thanh Hóa',
    });
  });
});

describe('the as-of rule', () => {
  const address = 'Số 4, Phường 1, Thành phố Tây Ninh, Tỉnh Tây Ninh';
  it('reads an export as of a day before 2025-07-01 in the 63 provinces', () => {
    expect(provinceResolverAsOf(BEFORE)('Tây Ninh')).toEqual({ code: '80', legacy_code: '72' });
    expect(provinceResolverAsOf(BEFORE)('80')).toEqual({ code: '80', legacy_code: '80' });
    expect(place(address, 'Tây Ninh', BEFORE)).toEqual({
      commune_code: '25459',
      legacy_code: '72',
      conflict: null,
    });
    // A Long An row whose address says Tây Ninh: two old provinces.
    expect(place(address, '80', BEFORE).conflict).toBe('Tây Ninh');
  });

  it('reads one from 2025-07-01 on in the 34, the commune deciding the old province', () => {
    expect(provinceResolverAsOf('2025-07-01')('Tây Ninh')).toEqual({ code: '80', legacy_code: null });
    expect(place(address, 'Tây Ninh', '2025-07-01')).toEqual({
      commune_code: '25459',
      legacy_code: '72',
      conflict: null,
    });
    expect(place(address, '80', '2025-07-01').conflict).toBeNull();
  });
});

describe('the address cache', () => {
  it('answers an address from its tail as a fresh reading would, whatever the street', () => {
    const reader = new AddressReader(AFTER);
    const province = provinceResolverAsOf(AFTER)('Đồng Tháp')!;
    const tails = [
      'Xã Tân Phú, Huyện Châu Thành, Tỉnh Đồng Tháp',
      'Xã Tân Thạnh, Tỉnh Đồng Tháp',
      'Tân Thạnh, Đồng Tháp',
    ];
    for (const tail of tails) {
      const fresh = new AddressReader(AFTER).read(`Số 1, ${tail}`, province, null);
      for (const street of ['Số 9 Lê Lợi', 'Ấp 3, Số 4', '12/3 Quốc lộ 1']) {
        expect(reader.read(`${street}, ${tail}`, province, null), street).toEqual(fresh);
      }
    }
    expect(reader.read('Tân Thạnh, Đồng Tháp', province, null).commune_code).toBeNull();
    expect(reader.read('Ấp 1, Tân Thạnh, Đồng Tháp', province, null).commune_code).toBe('30157');
  });
});
