import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileRejectedError } from '../../src/domain/errors.js';
import { VN_HEADERS, vnExport } from '../support/vnExport.js';

/** The headers of the rows these tests write by hand: every column but the address. */
const ELEVEN = VN_HEADERS.filter((h) => h !== 'Địa chỉ trụ sở');

import { parse } from './support.js';

const row = {
  id: '2800000001',
  name: 'Công ty TNHH Phần mềm Hàm Rồng',
  province: 'Thanh Hoá',
  founded: '15/03/2020',
  main: '6201',
};

describe('vn-dkkd-csv rows', () => {
  it('normalises a row to the canonical record', async () => {
    const { accepted, summary } = await parse(
      vnExport([
        {
          ...row,
          id: '2800 000.001',
          name: '  Công ty   TNHH\tPhần mềm  ',
          main: '6201 - Lập trình máy vi tính',
          other: '62010; 4651;6201',
          capital: '1.000.000.000',
          updated: '01/06/2025',
          form: 'Công ty TNHH',
        },
      ]),
    );
    expect(summary).toEqual({ rowsRead: 1, accepted: 1, rejected: 0, warnings: 0 });
    expect(accepted[0]).toEqual({
      enterprise_id: '2800000001',
      is_dependent_unit: false,
      name: 'Công ty TNHH Phần mềm',
      province_code: '38',
      legacy_province_code: '38',
      legacy_source: 'province',
      commune_code: null,
      registration_date: '2020-03-15',
      main_industry_code: '6201',
      main_industry_system: 'vsic2018',
      secondary_industry_codes: ['62010', '4651', '6201'],
      secondary_industry_systems: ['vsic2018', 'vsic2018', 'vsic2018'],
      status: 'active',
      legal_form: 'Công ty TNHH',
      charter_capital_vnd: 1_000_000_000,
      updated_at: '2025-06-01',
      feed_id: 'test',
      line: 2,
    });
  });

  it.each([
    ['1.000.000.000', 1e9],
    ['1,000,000,000', 1e9],
    ['1000000000', 1e9],
    ['', null],
  ])('reads charter capital %j', async (capital, value) => {
    const { accepted } = await parse(vnExport([{ ...row, capital }]));
    expect(accepted[0]?.charter_capital_vnd).toBe(value);
  });

  it.each([
    ['Đang hoạt động', 'active'],
    ['ĐANG HOẠT ĐỘNG', 'active'],
    ['Tạm ngừng kinh doanh', 'suspended'],
    ['Tạm ngừng hoạt động', 'suspended'],
    ['Đang làm thủ tục giải thể', 'dissolving'],
    ['Không hoạt động tại địa chỉ đã đăng ký', 'dissolving'],
    ['Đã giải thể', 'dissolved'],
    ['Đã đóng mã số thuế'.normalize('NFD'), 'dissolved'],
  ])('reads the status words %j', async (status, expected) => {
    const { accepted } = await parse(vnExport([{ ...row, status }]));
    expect(accepted[0]?.status).toBe(expected);
  });

  it('marks dependent units and keeps 5-digit codes', async () => {
    const { accepted } = await parse(vnExport([{ ...row, id: '2800000001-002', main: '62010' }]));
    expect(accepted[0]).toMatchObject({ is_dependent_unit: true, main_industry_code: '62010' });
  });

  it('takes the legacy column when it agrees with the province, and rejects it when it does not', async () => {
    const { accepted, rejected } = await parse(
      vnExport([
        { ...row, province: 'Đắk Lắk', legacy: 'Phú Yên' },
        { ...row, id: '2800000002', province: 'Đắk Lắk' },
        { ...row, id: '2800000003', province: 'Thanh Hóa', legacy: 'Phú Yên' },
      ]),
      { asOf: '2025-07-01' },
    );
    expect(accepted.map((r) => [r.province_code, r.legacy_province_code, r.legacy_source])).toEqual([
      ['66', '54', 'column'],
      ['66', null, null],
    ]);
    expect(rejected).toMatchObject([{ line: 4, reason: 'unknown_province' }]);
  });

  it('quarantines each bad row with its reason, line and raw cells, and goes on', async () => {
    const rows = [
      { ...row, id: '12345' },
      { ...row, name: '   ' },
      { ...row, province: 'Atlantis' },
      { ...row, founded: '31/02/2020' },
      { ...row, founded: '01/01/2031' },
      { ...row, main: '9999' },
      { ...row, main: 'abc' },
      { ...row, other: '6201;0000' },
      { ...row, status: 'Đang ngủ đông' },
      { ...row, capital: '12abc' },
      { ...row, updated: '2025-13-01' },
      row,
    ];
    const { rejected, summary } = await parse(vnExport(rows));
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'invalid_enterprise_id'],
      [3, 'missing_name'],
      [4, 'unknown_province'],
      [5, 'invalid_date'],
      [6, 'future_registration_date'],
      [7, 'invalid_industry_code'],
      [8, 'invalid_industry_code'],
      [9, 'invalid_industry_code'],
      [10, 'unknown_status'],
      [11, 'invalid_number'],
      [12, 'invalid_date'],
    ]);
    expect(rejected[2]?.cells[2]).toBe('Atlantis');
    expect(rejected[2]?.message).toContain('Atlantis');
    expect(summary).toEqual({ rowsRead: 12, accepted: 1, rejected: 11, warnings: 0 });
  });

  it('uses the default province of the feed for an empty cell', async () => {
    const { accepted } = await parse(vnExport([{ ...row, province: '' }]), { defaultProvince: 'Nghệ An' });
    expect(accepted[0]?.province_code).toBe('40');
  });
});

describe('vn-dkkd-csv files', () => {
  const text = vnExport([row, { ...row, id: '2800000002' }]);

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['gzip (by magic bytes)', gzipSync(Buffer.from(text))],
    ['semicolons (Excel, Vietnamese locale)', Buffer.from(text.replaceAll(',', ';'))],
    ['tabs', Buffer.from(text.replaceAll(',', '\t'))],
    ['LF line ends and blank lines', Buffer.from(`\n${text.replaceAll('\r\n', '\n\n')}\n\n`)],
  ])('reads %s', async (_label, body) => {
    const { accepted, summary } = await parse(body);
    expect(summary).toEqual({ rowsRead: 2, accepted: 2, rejected: 0, warnings: 0 });
    expect(accepted.map((r) => r.name)).toEqual([row.name, row.name]);
  });

  it('matches headers after NFC, trimming and case folding, in any order, ignoring unknown columns', async () => {
    const header = [
      '  TÌNH TRẠNG HOẠT ĐỘNG ',
      'Ghi chú',
      ...ELEVEN.filter((h) => h !== 'Tình trạng hoạt động').map((h) => h.normalize('NFD')),
    ];
    const cells = [
      'Đang hoạt động',
      'x',
      row.id,
      row.name,
      row.province,
      '',
      row.founded,
      row.main,
      '',
      '',
      '',
      '',
    ];
    const { accepted } = await parse(`${header.join(',')}\n${cells.join(',')}\n`);
    expect(accepted[0]).toMatchObject({ enterprise_id: row.id, status: 'active', province_code: '38' });
  });

  it('keeps quoted delimiters, doubled quotes and quoted newlines, with physical line numbers', async () => {
    const body = `${ELEVEN.join(',')}\r\n2800000001,"Công ty ""Thăng Long"", Hà Nội",Hà Nội,,01/01/2020,6201,,Đang hoạt động,,,\r\n2800000002,"Dòng một\r\ndòng hai",Hà Nội,,01/01/2020,6201,,Đang hoạt động,,,\r\n12,x,Hà Nội,,01/01/2020,6201,,Đang hoạt động,,,\r\n`;
    const { accepted, rejected } = await parse(body);
    expect(accepted.map((r) => [r.line, r.name])).toEqual([
      [2, 'Công ty "Thăng Long", Hà Nội'],
      [3, 'Dòng một dòng hai'],
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([[5, 'invalid_enterprise_id']]);
  });

  it('quarantines rows with the wrong cell count or broken quoting as malformed, and goes on', async () => {
    const good = `2800000009,Tốt,Hà Nội,,01/01/2020,6201,,Đang hoạt động,,,`;
    const body = [
      ELEVEN.join(','),
      '2800000001,Thiếu ô,Hà Nội',
      `2800000002,"Hỏng"x,Hà Nội,,01/01/2020,6201,,Đang hoạt động,,,`,
      `2800000003,"Không đóng,Hà Nội,,01/01/2020,6201,,Đang hoạt động,,,`,
      good,
      '',
    ].join('\n');
    const { accepted, rejected, summary } = await parse(body);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'malformed_row'],
      [3, 'malformed_row'],
      [4, 'malformed_row'],
    ]);
    expect(accepted.map((r) => [r.line, r.enterprise_id])).toEqual([[5, '2800000009']]);
    expect(summary.rowsRead).toBe(summary.accepted + summary.rejected);
  });
});

describe('files that fail as a whole', () => {
  it.each([
    [
      'a missing required column, named',
      `${ELEVEN.filter((h) => h !== 'Ngày thành lập').join(',')}\n`,
      /missing required column "Ngày thành lập"/,
    ],
    ['an empty file', '', /empty/],
    ['bytes that are not UTF-8', Buffer.from([0x4d, 0xe3, 0x20, 0xff, 0xfe, 0x0a]), /not valid UTF-8/],
    [
      'a truncated gzip',
      gzipSync(Buffer.from(vnExport([row]).repeat(50))).subarray(0, 60),
      /gzip data is truncated or corrupt/,
    ],
  ])('%s', async (_label, body, message) => {
    const failure = parse(body);
    await expect(failure).rejects.toBeInstanceOf(FileRejectedError);
    await expect(failure).rejects.toThrow(message);
  });
});
