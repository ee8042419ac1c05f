import { describe, expect, it } from 'vitest';
import { FileRejectedError } from '../../src/domain/errors.js';
import { SharedStrings, WorkbookRejectedError } from '../../src/input/xlsx/index.js';
import {
  numberText,
  restoreEnterpriseId,
  restoreIndustryCode,
  restoreProvinceCode,
} from '../../src/input/xlsx/numericCells.js';
import { serialToIso } from '../../src/input/xlsx/serialDates.js';
import { VN_HEADERS } from '../support/vnExport.js';
import { type TestCell, type TestSheet, workbookBytes } from '../support/workbook.js';
import { parse } from './support.js';

const ACTIVE = 'Đang hoạt động';
const FORM = 'Công ty TNHH';

/** A row in the export's column order; the address left empty. */
function row(
  id: TestCell,
  name: string,
  founded: TestCell,
  main: TestCell,
  extra: Partial<Record<'capital' | 'updated' | 'province', TestCell>> = {},
): TestCell[] {
  return [
    id,
    name,
    extra.province ?? 'Thanh Hoá',
    null,
    founded,
    main,
    null,
    ACTIVE,
    FORM,
    extra.capital ?? null,
    extra.updated ?? null,
    null,
  ];
}

/** A sheet as offices send them: a merged title, a blank row, then the header at row 3. */
function listSheet(name: string, rows: TestCell[][]): TestSheet {
  return {
    name,
    rows: [['DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ MỚI'], [], [...VN_HEADERS], ...rows],
    merges: ['A1:L1'],
    formats: { E: 'dd/mm/yyyy' },
  };
}

const xlsx = { format: 'vn-dkkd-xlsx' as const, fileName: 'export.xlsx' };

describe('vn-dkkd-xlsx', () => {
  it('reads rows under a merged title, with serial and text dates and numeric ids, lines as sheet rows', async () => {
    const bytes = await workbookBytes([
      listSheet('Danh sách', [
        row(2800000001, 'Công ty TNHH Phần mềm Hàm Rồng', 43905, 6201, { capital: 1_000_000_000 }),
        row('2800000002', 'Công ty CP Dữ liệu Sầm Sơn', '15/03/2021', '6202', { updated: 45809 }),
        row(100588577, 'Công ty TNHH Số Hà Nội', 44000, '6201', { province: 'Hà Nội' }),
        row(2800000003, 'Công ty TNHH Ngày Sai', '30/02/2020', 6201),
      ]),
    ]);
    const { accepted, rejected, summary } = await parse(bytes, xlsx);
    expect(summary).toEqual({ rowsRead: 4, accepted: 3, rejected: 1, warnings: 0 });
    expect(accepted.map((r) => [r.enterprise_id, r.registration_date, r.main_industry_code, r.line])).toEqual(
      [
        ['2800000001', '2020-03-15', '6201', 4],
        ['2800000002', '2021-03-15', '6202', 5],
        ['0100588577', '2020-06-18', '6201', 6],
      ],
    );
    expect(accepted[0]!.charter_capital_vnd).toBe(1_000_000_000);
    expect(accepted[1]!.updated_at).toBe('2025-06-01');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: 7, reason: 'invalid_date' });
    expect(rejected[0]!.message).toContain('30/02/2020');
  });

  it('restores a dependent unit id stored as a number', async () => {
    const bytes = await workbookBytes([
      listSheet('DS', [row(100588577001, 'Chi nhánh Công ty Số', 44000, 6201)]),
    ]);
    const { accepted } = await parse(bytes, xlsx);
    expect(accepted.map((r) => [r.enterprise_id, r.is_dependent_unit])).toEqual([['0100588577-001', true]]);
  });

  it('takes the first sheet with the header, or the sheet named; a missing sheet fails the file', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Ghi chú',
        rows: [
          ['Số liệu trích xuất ngày 30/06/2025'],
          ['Nguồn: Cổng thông tin quốc gia về đăng ký doanh nghiệp'],
        ],
      },
      listSheet('Tháng 5', [row(2800000011, 'Công ty Tháng Năm', 45700, 6201)]),
      listSheet('Tháng 6', [
        row(2800000012, 'Công ty Tháng Sáu', 45800, 6201),
        row(2800000013, 'Công ty Hai', 45801, 6201),
      ]),
    ]);
    expect((await parse(bytes, xlsx)).accepted.map((r) => r.enterprise_id)).toEqual(['2800000011']);
    const named = await parse(bytes, { ...xlsx, sheet: 'tháng 6' });
    expect(named.accepted.map((r) => r.enterprise_id)).toEqual(['2800000012', '2800000013']);
    const missing = parse(bytes, { ...xlsx, sheet: 'Tháng 7' });
    await expect(missing).rejects.toBeInstanceOf(WorkbookRejectedError);
    await expect(missing).rejects.toThrow(
      /has no sheet "Tháng 7" \(its sheets: "Ghi chú", "Tháng 5", "Tháng 6"\)/,
    );
    const error = await missing.catch((e: unknown) => e);
    expect((error as WorkbookRejectedError).context).toMatchObject({
      feed: 'test',
      file: 'export.xlsx',
      sheet: 'Tháng 7',
    });
  });

  it('fails a named sheet without the header, naming sheet, row and the missing columns', async () => {
    const bytes = await workbookBytes([
      {
        name: 'Ghi chú',
        rows: [
          ['Mã số doanh nghiệp', 'Tên doanh nghiệp'],
          ['2800000001', 'Công ty A'],
        ],
      },
    ]);
    const error = await parse(bytes, { ...xlsx, sheet: 'Ghi chú' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect((error as Error).message).toMatch(/sheet "Ghi chú" is not a vn-dkkd-xlsx sheet: .*row 1 lacks "/);
    expect((error as WorkbookRejectedError).context).toMatchObject({ sheet: 'Ghi chú', row: 1 });
    const none = await parse(bytes, xlsx).catch((e: unknown) => e);
    expect((none as Error).message).toMatch(/no sheet has a header row .*closest: sheet "Ghi chú" row 1/);
  });

  it('reads the header at header_row, and fails when that row is not the header', async () => {
    const bytes = await workbookBytes([listSheet('DS', [row(2800000001, 'Công ty A', 43905, 6201)])]);
    expect((await parse(bytes, { ...xlsx, headerRow: 3 })).accepted).toHaveLength(1);
    await expect(parse(bytes, { ...xlsx, headerRow: 1 })).rejects.toThrow(
      /no header with the required columns in row 1: row 1 lacks/,
    );
  });

  it('knows a workbook by its bytes when the feed says CSV, and inline strings as well as shared ones', async () => {
    const sheet = listSheet('DS', [row(2800000001, 'Công ty "Ngoặc", Dấu phẩy', '15/03/2020', 6201)]);
    for (const layout of ['shared', 'inline'] as const) {
      const bytes = await workbookBytes([sheet], layout);
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
      const { accepted } = await parse(bytes, { format: 'vn-dkkd-csv', fileName: 'export.csv' });
      expect(accepted.map((r) => [r.name, r.line])).toEqual([['Công ty "Ngoặc", Dấu phẩy', 4]]);
    }
  });

  it('rejects a vn-dkkd-xlsx file that is no workbook, and a broken archive', async () => {
    await expect(parse('a,b\n1,2\n', xlsx)).rejects.toThrow(/export.xlsx is not an xlsx workbook/);
    const bytes = await workbookBytes([listSheet('DS', [row(2800000001, 'Công ty A', 43905, 6201)])]);
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expect(parse(cut, xlsx)).rejects.toBeInstanceOf(WorkbookRejectedError);
  });

  it('rejects a row with more cells than the header, and skips empty rows between rows', async () => {
    const wide = [...row(2800000001, 'Công ty A', 43905, 6201), 'thừa'];
    const bytes = await workbookBytes([
      listSheet('DS', [wide, [], row(2800000002, 'Công ty B', 43905, 6201)]),
    ]);
    const { accepted, rejected } = await parse(bytes, xlsx);
    expect(rejected).toMatchObject([
      { line: 4, reason: 'malformed_row', message: '13 cells where the header has 12' },
    ]);
    expect(accepted.map((r) => r.line)).toEqual([6]);
  });
});

describe('serial dates, numbers and shared strings', () => {
  it('restores ids and codes that lost their leading zeros where that is certain', () => {
    expect(restoreEnterpriseId(100588577)).toBe('0100588577');
    expect(restoreEnterpriseId(2800000001)).toBe('2800000001');
    expect(restoreEnterpriseId(100588577001)).toBe('0100588577-001');
    expect(restoreEnterpriseId(2800000001002)).toBe('2800000001-002');
    expect(restoreEnterpriseId(10058857)).toBe('10058857');
    expect(restoreEnterpriseId(28000000011)).toBe('28000000011');
    expect(restoreIndustryCode(118)).toBe('0118');
    expect(restoreIndustryCode(6201)).toBe('6201');
    expect(restoreIndustryCode(62010)).toBe('62010');
    expect(restoreProvinceCode(1)).toBe('01');
    expect(numberText(1e21)).toBe('1e+21');
    expect(numberText(5_000_000_000)).toBe('5000000000');
  });

  it('reads serials in both date systems, with Excel’s 1900-02-29', () => {
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(serialToIso(59, false)).toBe('1900-02-28');
    expect(serialToIso(60, false)).toBeNull();
    expect(serialToIso(61, false)).toBe('1900-03-01');
    expect(serialToIso(45839.75, false)).toBe('2025-07-01');
    expect(serialToIso(0, true)).toBeNull();
    expect(serialToIso(1, true)).toBe('1904-01-02');
  });

  it('keeps the first strings in memory and the rest in a file, giving each back', () => {
    const strings = new SharedStrings(40);
    const texts = Array.from({ length: 5000 }, (_, i) => `Công ty số ${i} ${'đ'.repeat(i % 300)}`);
    for (const t of texts) strings.add(t);
    expect(strings.size).toBe(5000);
    for (const i of [0, 1, 2, 999, 4999]) expect(strings.get(i)).toBe(texts[i]);
    expect(strings.get(5000)).toBeNull();
    strings.close();
  });
});
