import { textColumn } from './column.js';
import { indicatorColumns, populationColumns, unitColumns } from './indicatorColumns.js';
import { withParquetTwins } from './parquetFiles.js';
import type { ColumnDef, FileDef } from './types.js';

const text = textColumn;

const PROVINCE = {
  codeVi: 'Mã tỉnh/thành phố hiện nay (34 đơn vị, mã 2 chữ số của cơ quan thống kê); `VN` là dòng cả nước',
  codeEn: 'Current province code (34 units, 2-digit statistics-office code); `VN` is the national row',
  nameVi: 'Tên tỉnh/thành phố',
  nameEn: 'Province name',
};

const LEGACY = {
  codeVi: 'Mã tỉnh/thành phố trước sáp nhập 2025 (63 đơn vị)',
  codeEn: 'Pre-2025 province code (63 units)',
  nameVi: 'Tên tỉnh/thành phố trước sáp nhập',
  nameEn: 'Pre-2025 province name',
};

const COMMUNE = {
  codeVi: 'Mã xã/phường/đặc khu (đơn vị hành chính cấp xã từ 2025)',
  codeEn: 'Commune code (2025 commune-level unit)',
  nameVi: 'Tên xã/phường/đặc khu, gồm loại đơn vị (ví dụ `Phường Hạc Thành`)',
  nameEn: 'Commune name with its type (for example `Phường Hạc Thành`)',
};

export const AS_OF_COLUMN: ColumnDef = {
  name: 'as_of',
  type: 'date',
  unit: '',
  vi: 'Ngày số liệu (yyyy-MM-dd): số liệu tính đến hết ngày này',
  en: 'As-of date (yyyy-MM-dd): the data are as of the end of this day',
};

/** The first columns of an indicator table: the date and the rule sets of both systems that decided its counts. */
function leadColumns(): ColumnDef[] {
  return [
    AS_OF_COLUMN,
    text(
      'rule_set_id',
      'Mã các bộ quy tắc phân loại đã dùng (VSIC 2018 + VSIC 2025), ví dụ `vsic2018-ict-v1+vsic2025-ict-v1`',
      'Ids of the classification rule sets used (VSIC 2018 + VSIC 2025), for example `vsic2018-ict-v1+vsic2025-ict-v1`',
    ),
  ];
}

export function provincesColumns(categories: readonly string[]): ColumnDef[] {
  return [
    ...leadColumns(),
    ...unitColumns(PROVINCE),
    ...indicatorColumns(categories),
    ...populationColumns(),
  ];
}

export function legacyProvincesColumns(categories: readonly string[]): ColumnDef[] {
  return [
    ...leadColumns(),
    ...unitColumns(LEGACY),
    ...indicatorColumns(categories),
    text(
      'successor_code',
      'Mã tỉnh/thành phố hiện nay kế thừa tỉnh cũ',
      'Code of the current province that succeeded the pre-2025 one',
    ),
    {
      name: 'coverage_pct',
      type: 'decimal',
      unit: '%',
      vi: 'Tỷ lệ doanh nghiệp của tỉnh kế thừa đã biết tỉnh cũ, làm tròn 2 chữ số thập phân',
      en: "The share of the successor's enterprises whose pre-2025 province is known, to 2 decimals",
    },
    ...populationColumns(),
  ];
}

export function communesColumns(categories: readonly string[]): ColumnDef[] {
  const [code, name] = unitColumns(COMMUNE);
  return [
    ...leadColumns(),
    code!,
    name!,
    text('province_code', PROVINCE.codeVi, PROVINCE.codeEn),
    text('province_name', PROVINCE.nameVi, PROVINCE.nameEn),
    ...indicatorColumns(categories),
  ];
}

export function dteEnterprisesColumns(): ColumnDef[] {
  return [
    AS_OF_COLUMN,
    text(
      'rule_set_id',
      'Mã bộ quy tắc đã phân loại dòng này: bộ quy tắc của hệ thống ngành ở cột industry_system',
      'Id of the rule set that classified this row: the one of the system in industry_system',
    ),
    text(
      'enterprise_id',
      'Mã số doanh nghiệp (10 chữ số; đơn vị phụ thuộc: 10 chữ số, gạch nối, 3 chữ số)',
      'Enterprise id (10 digits; a dependent unit: 10 digits, a hyphen, 3 digits)',
    ),
    text('name', 'Tên doanh nghiệp', 'Enterprise name'),
    text('province_code', PROVINCE.codeVi, PROVINCE.codeEn),
    text('province_name', PROVINCE.nameVi, PROVINCE.nameEn),
    text(
      'legacy_province_code',
      'Mã tỉnh trước sáp nhập khi chắc chắn; trống nếu không biết',
      'Pre-2025 province code where it is certain; empty otherwise',
    ),
    text('legacy_province_name', LEGACY.nameVi, LEGACY.nameEn),
    text(
      'dte_category',
      'Nhóm DNCNS theo bộ quy tắc (hardware, software, it_services, telecom, trade, repair)',
      'DTE category in the rule set (hardware, software, it_services, telecom, trade, repair)',
    ),
    text(
      'dte_matched_code',
      'Mã ngành VSIC đã quyết định phân loại',
      'The VSIC industry code that decided the classification',
    ),
    {
      name: 'registration_date',
      type: 'date',
      unit: '',
      vi: 'Ngày thành lập (yyyy-MM-dd)',
      en: 'Registration date (yyyy-MM-dd)',
    },
    text(
      'status',
      'Tình trạng: active (đang hoạt động), suspended (tạm ngừng), dissolving (đang giải thể), dissolved (đã giải thể)',
      'Status: active, suspended, dissolving, dissolved',
    ),
    text(
      'industry_system',
      'Hệ thống ngành mà mã ngành chính được đọc theo: vsic2018 hoặc vsic2025',
      'The system the main industry code was read in: vsic2018 or vsic2025',
    ),
  ];
}

const REASON: ColumnDef = text(
  'reason',
  'Mã lý do: malformed_row, invalid_enterprise_id, missing_name, unknown_province, invalid_date, future_registration_date, invalid_industry_code, unknown_status, invalid_number, record_too_long; address_conflict là cảnh báo (dòng vẫn được nhận)',
  'Reason code: malformed_row, invalid_enterprise_id, missing_name, unknown_province, invalid_date, future_registration_date, invalid_industry_code, unknown_status, invalid_number, record_too_long; address_conflict is a warning (the row is accepted)',
);
const REASON_VI_COLUMN: ColumnDef = text('reason_vi', 'Lý do bằng tiếng Việt', 'The reason in Vietnamese');
const FEED: ColumnDef = text(
  'feed_id',
  'Mã nguồn dữ liệu (feed) trong cấu hình',
  'Feed id in the configuration',
);

/** A feed's rejects file: the lead columns, one column per header name of the export, then `extra_cells`. */
export function rejectsColumns(exportColumns: readonly string[]): ColumnDef[] {
  return [
    AS_OF_COLUMN,
    FEED,
    {
      name: 'line',
      type: 'integer',
      unit: 'line',
      vi: 'Số dòng vật lý trong tệp nguồn (dòng tiêu đề = 1)',
      en: 'Physical line number in the source file (header = 1)',
    },
    REASON,
    REASON_VI_COLUMN,
    text('message', 'Mô tả lỗi', 'What was wrong'),
    ...exportColumns.map((c) =>
      text(
        c,
        `Ô của cột «${c}» trong tệp nguồn, như đã đọc (dòng thiếu ô: trống)`,
        `The cell of the export's column «${c}», as read (empty when the row had fewer cells)`,
      ),
    ),
    text(
      'extra_cells',
      'Các ô thừa ngoài số cột của tiêu đề, nối bằng dấu phân cách của tệp nguồn; trống nếu không có',
      "The cells beyond the header's width, joined with the export's delimiter; empty when there are none",
    ),
  ];
}

export function rejectsSummaryColumns(): ColumnDef[] {
  return [
    AS_OF_COLUMN,
    FEED,
    REASON,
    REASON_VI_COLUMN,
    {
      name: 'rows',
      type: 'integer',
      unit: 'rows',
      vi: 'Số dòng của tệp rejects/<feed>.csv có lý do này',
      en: 'Rows of rejects/<feed>.csv with this reason',
    },
  ];
}

/** A feed of the run and the columns its export had (`IngestResult.reject_columns`). */
export interface FeedColumns {
  feedId: string;
  columns: readonly string[];
}

function rejectsFile(feed: FeedColumns): FileDef {
  return {
    file: `rejects/${feed.feedId}.csv`,
    vi: `Các dòng bị loại của nguồn ${feed.feedId}, và các dòng được nhận có cảnh báo, theo thứ tự dòng`,
    en: `Quarantined rows of feed ${feed.feedId}, and accepted rows with a warning, in line order`,
    columns: rejectsColumns(feed.columns),
  };
}

/** The file kinds of a snapshot folder, with the columns of each table (`spec/indicators.md`). */
export function snapshotFileDefs(
  categories: readonly string[],
  feeds: readonly FeedColumns[],
  asOf = '<as_of>',
): FileDef[] {
  return withParquetTwins([
    {
      file: 'provinces.csv',
      vi: 'Chỉ tiêu theo tỉnh/thành phố hiện nay (34), theo thứ tự mã, rồi dòng cả nước (`VN`)',
      en: 'Indicators per current province (34) in code order, then the national row (`VN`)',
      columns: provincesColumns(categories),
    },
    {
      file: 'legacy_provinces.csv',
      vi: 'Chỉ tiêu theo tỉnh/thành phố trước sáp nhập (63), khi có dòng mang mã tỉnh cũ',
      en: 'Indicators per pre-2025 province (63), when any row carried a pre-2025 code',
      columns: legacyProvincesColumns(categories),
    },
    {
      file: 'communes.csv',
      vi: 'Chỉ tiêu theo xã/phường 2025 có doanh nghiệp, theo thứ tự mã',
      en: 'Indicators per 2025 commune with any enterprise, in code order',
      columns: communesColumns(categories),
    },
    {
      file: 'dte_enterprises.csv',
      vi: 'Mọi DNCNS (mọi trạng thái) đứng sau các con số, theo mã số doanh nghiệp',
      en: 'Every DTE (any status) behind the counts, by enterprise id',
      columns: dteEnterprisesColumns(),
    },
    ...feeds.map(rejectsFile),
    {
      file: 'rejects_summary.csv',
      vi: 'Số dòng bị loại (và cảnh báo) theo nguồn và lý do',
      en: 'Rows rejected (and warned) by feed and reason',
      columns: rejectsSummaryColumns(),
    },
    {
      file: `dte_${asOf}.xlsx`,
      vi: 'Sổ Excel: các trang Tỉnh thành, Tỉnh cũ, Xã phường (khi có), DNCNS, Loại bỏ (theo lý do) và Giải thích (mọi cột, tiếng Việt và tiếng Anh); mã giữ dạng văn bản, tỷ lệ là số định dạng phần trăm',
      en: 'Excel workbook: sheets of provinces, old provinces, communes (when any), the DTE list, rejects by reason, and one explaining every column (Vietnamese and English); codes and ids as text, shares as numbers formatted as percentages',
      columns: [],
    },
    ...OTHER_FILES,
  ]);
}

export function dictionaryColumns(): ColumnDef[] {
  return [
    text(
      'file',
      'Tên tệp (hoặc mẫu tên) trong thư mục kỳ số liệu',
      'File name (or name pattern) in the snapshot folder',
    ),
    text('column', 'Tên cột; trống ở dòng mô tả tệp', 'Column name; empty on the row describing the file'),
    text(
      'type',
      'Kiểu: string, date, integer, decimal, boolean',
      'Type: string, date, integer, decimal, boolean',
    ),
    text('unit', 'Đơn vị (tiếng Anh)', 'Unit (English)'),
    text('unit_vi', 'Đơn vị (tiếng Việt)', 'Unit (Vietnamese)'),
    text('definition_vi', 'Định nghĩa tiếng Việt', 'Definition in Vietnamese'),
    text('definition_en', 'Định nghĩa tiếng Anh', 'Definition in English'),
  ];
}

const OTHER_FILES: FileDef[] = [
  {
    file: 'provinces.json',
    vi: 'Như provinces.csv, có kiểu dữ liệu, kèm ngày số liệu và mã bộ quy tắc; dte_by_category là một đối tượng',
    en: 'The same as provinces.csv, typed, with the as-of date and rule set id; dte_by_category is an object',
    columns: [],
  },
  {
    file: 'legacy_provinces.json',
    vi: 'Như legacy_provinces.csv, có kiểu dữ liệu',
    en: 'The same as legacy_provinces.csv, typed',
    columns: [],
  },
  {
    file: 'communes.json',
    vi: 'Mỗi tỉnh/thành phố hiện nay với các xã/phường của nó, có kiểu dữ liệu',
    en: 'Each current province with its communes, typed',
    columns: [],
  },
  {
    file: 'enterprises/part-NN.ndjson.gz',
    vi: 'Mọi doanh nghiệp đã phân loại, chia phần theo mã số (tệp kỹ thuật: đầu vào của kỳ sau)',
    en: "Every classified record, one partition per file (technical: the next run's input)",
    columns: [],
  },
  {
    file: 'README.md',
    vi: 'Tệp này: mô tả mọi tệp và cột',
    en: 'This file: every file and column described',
    columns: [],
  },
  {
    file: 'data_dictionary.csv',
    vi: 'Từ điển dữ liệu: mỗi dòng một tệp hoặc một cột, với kiểu, đơn vị và định nghĩa',
    en: 'The data dictionary: one row per file or column, with type, unit and definition',
    columns: dictionaryColumns(),
  },
  {
    file: 'manifest.json',
    vi: 'Ghi sau cùng: đầu vào (nguồn, sha256, số dòng), bộ quy tắc, phiên bản mã, mọi tệp đầu ra với kích thước, số dòng và sha256',
    en: 'Written last: inputs (source, sha256, row counts), rules, code version, every output with bytes, rows and sha256',
    columns: [],
  },
];
