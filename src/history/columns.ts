import {
  type ColumnDef,
  decimalColumn,
  legacyProvincesColumns,
  provincesColumns,
  textColumn,
} from '../dictionary/index.js';

export type HistoryUnits = 'provinces' | 'legacy_provinces';
export type HistoryTableName = HistoryUnits | 'targets';

const RUN_ID: ColumnDef = {
  name: 'run_id',
  type: 'string',
  unit: '',
  vi: 'Mã lần chạy đã công bố số liệu của ngày này',
  en: 'Id of the run that published this date',
};

const decimal = decimalColumn;
const text = textColumn;

/** A history of indicators: the snapshot table's columns, with the run that published each date after `as_of`. */
export function indicatorHistoryColumns(units: HistoryUnits, categories: readonly string[]): ColumnDef[] {
  const [asOf, ...rest] =
    units === 'provinces' ? provincesColumns(categories) : legacyProvincesColumns(categories);
  return [asOf!, RUN_ID, ...rest];
}

/** `history/targets.csv`: each target at each published date of its plan. */
export function targetHistoryColumns(): ColumnDef[] {
  const [asOf] = provincesColumns([]);
  return [
    asOf!,
    text('target_id', 'Mã chỉ tiêu kế hoạch trong tệp targets', 'Plan target id in the targets file'),
    text(
      'territory',
      'Loại địa bàn: province, legacy_province, nation',
      'Kind of territory: province, legacy_province, nation',
    ),
    text(
      'unit_code',
      'Mã địa bàn (mã tỉnh, mã tỉnh cũ hoặc VN)',
      'Code of the territory (province, pre-2025 province or VN)',
    ),
    text(
      'metric',
      'Chỉ tiêu được đo (cột của provinces.csv)',
      'The indicator measured (a column of provinces.csv)',
    ),
    decimal('actual', 'metric', 'Giá trị thực tế tại ngày số liệu', 'Actual value at the as-of date'),
    decimal(
      'expected',
      'metric',
      'Giá trị kế hoạch dự kiến tại ngày này; trống trước mốc cơ sở',
      'Value the plan expects at this date; empty before the baseline',
    ),
    decimal('gap', 'metric', 'Thực tế trừ dự kiến', 'Actual minus expected'),
    decimal('gap_pct', '%', 'Chênh lệch so với dự kiến, %', 'Gap as a share of expected, %'),
    text(
      'status',
      'Trạng thái: on_track, behind, critical, not_started',
      'Status: on_track, behind, critical, not_started',
    ),
  ];
}

/** The columns of a history file, from its header: the category columns are whatever the header has beyond the fixed ones. */
export function historyColumnsOf(name: HistoryTableName, header: readonly string[]): ColumnDef[] {
  if (name === 'targets') return targetHistoryColumns();
  const fixed = new Set(indicatorHistoryColumns(name, []).map((c) => c.name));
  const categories = header.filter((h) => h.startsWith('dte_') && !fixed.has(h)).map((h) => h.slice(4));
  return indicatorHistoryColumns(name, categories);
}
