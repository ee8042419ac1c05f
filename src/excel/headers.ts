import { categoryName } from '../dictionary/index.js';

/** Short Vietnamese column headers for the workbook; the explanation sheet gives each its name and definitions. */
const HEADER_VI: Record<string, string> = {
  as_of: 'Ngày số liệu',
  rule_set_id: 'Bộ quy tắc',
  code: 'Mã',
  name: 'Tên',
  enterprises_active: 'DN đang hoạt động',
  dte_active: 'DNCNS đang hoạt động',
  dte_share_pct: 'Tỷ lệ DNCNS',
  dte_founded_ytd: 'DNCNS thành lập trong năm',
  dte_converted: 'DN chuyển thành DNCNS',
  dte_ceased: 'DNCNS ngừng hoạt động',
  digital_secondary: 'DN có ngành phụ lĩnh vực số',
  dependent_units: 'Đơn vị phụ thuộc',
  dte_per_1000_people: 'DNCNS trên 1.000 dân',
  population: 'Dân số',
  population_year: 'Năm số dân',
  dte_converted_pct: 'Tỷ lệ chuyển thành DNCNS',
  successor_code: 'Mã tỉnh kế thừa',
  coverage_pct: 'Tỷ lệ biết tỉnh cũ',
  province_code: 'Mã tỉnh',
  province_name: 'Tên tỉnh',
  enterprise_id: 'Mã số doanh nghiệp',
  legacy_province_code: 'Mã tỉnh cũ',
  legacy_province_name: 'Tên tỉnh cũ',
  dte_category: 'Nhóm DNCNS',
  dte_matched_code: 'Mã ngành phân loại',
  registration_date: 'Ngày thành lập',
  status: 'Tình trạng',
  industry_system: 'Hệ thống ngành',
  feed_id: 'Nguồn dữ liệu',
  reason: 'Mã lý do',
  reason_vi: 'Lý do',
  rows: 'Số dòng',
};

/** The Vietnamese header of a column: a category column names its category, an unknown column keeps its name. */
export function headerVi(column: string, categories: readonly string[]): string {
  const known = HEADER_VI[column];
  if (known) return known;
  const category = categories.find((c) => column === `dte_${c}`);
  return category ? `DNCNS ${categoryName(category).vi}` : column;
}
