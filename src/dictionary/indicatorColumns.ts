import { categoryName } from './categories.js';
import { countColumn } from './column.js';
import type { ColumnDef } from './types.js';

const count = countColumn;

/** The unit a table's rows are: its code and name columns say which. */
export interface UnitNoun {
  codeVi: string;
  codeEn: string;
  nameVi: string;
  nameEn: string;
}

export function unitColumns(noun: UnitNoun): ColumnDef[] {
  return [
    { name: 'code', type: 'string', unit: '', vi: noun.codeVi, en: noun.codeEn },
    { name: 'name', type: 'string', unit: '', vi: noun.nameVi, en: noun.nameEn },
  ];
}

/** The indicators of `spec/indicators.md`, counted over enterprises registered on or before the as-of date. */
export function indicatorColumns(categories: readonly string[]): ColumnDef[] {
  return [
    count(
      'enterprises_active',
      'Số doanh nghiệp có trạng thái đang hoạt động (`active`), không kể đơn vị phụ thuộc, đăng ký đến ngày số liệu',
      'Enterprises with status `active` (never dependent units), registered on or before the as-of date',
    ),
    count(
      'dte_active',
      'Số doanh nghiệp công nghệ số (DNCNS) đang hoạt động',
      'Active digital technology enterprises (DTEs)',
    ),
    {
      name: 'dte_share_pct',
      type: 'decimal',
      unit: '%',
      vi: 'Tỷ lệ DNCNS: 100 × dte_active / enterprises_active, làm tròn nửa lên 2 chữ số thập phân; trống khi mẫu số bằng 0',
      en: '100 × dte_active / enterprises_active, rounded half-up to 2 decimals; empty when the denominator is 0',
    },
    ...categories.map((c) =>
      count(
        `dte_${c}`,
        `DNCNS đang hoạt động thuộc nhóm ${categoryName(c).vi} (\`${c}\`)`,
        `Active DTEs of the category ${categoryName(c).en} (\`${c}\`)`,
      ),
    ),
    count(
      'dte_founded_ytd',
      'DNCNS (mọi trạng thái) thành lập trong năm dương lịch của ngày số liệu',
      'DTEs of any status registered in the calendar year of the as-of date',
    ),
    count(
      'dte_converted',
      'Doanh nghiệp đang hoạt động là DNCNS ở kỳ này và là doanh nghiệp không phải DNCNS ở kỳ trước; trống khi không có kỳ trước',
      'Active enterprises that are DTEs now and were non-DTE enterprises in the previous snapshot; empty without a previous snapshot',
    ),
    count(
      'dte_ceased',
      'DNCNS đang hoạt động ở kỳ trước mà nay không còn hoạt động (hoặc không còn trong dữ liệu); trống khi không có kỳ trước',
      'DTEs that were active in the previous snapshot and are not active now (or are gone); empty without a previous snapshot',
    ),
    count(
      'digital_secondary',
      'Doanh nghiệp đang hoạt động không phải DNCNS nhưng có ngành nghề kinh doanh khác thuộc lĩnh vực số',
      'Active non-DTE enterprises with a digital secondary industry code',
    ),
    count(
      'dependent_units',
      'Đơn vị phụ thuộc (chi nhánh, văn phòng đại diện, địa điểm kinh doanh) mọi trạng thái',
      'Dependent units (branches, representative offices) of any status',
      'units',
    ),
  ];
}

/** The population columns, after every other column of a file. */
export function populationColumns(): ColumnDef[] {
  return [
    {
      name: 'dte_per_1000_people',
      type: 'decimal',
      unit: 'per 1,000 people',
      vi: 'Mật độ DNCNS: 1.000 × dte_active / population, làm tròn nửa lên 2 chữ số thập phân; trống khi không có số dân',
      en: '1,000 × dte_active / population, rounded half-up to 2 decimals; empty when the unit has no population figure',
    },
    {
      name: 'population',
      type: 'integer',
      unit: 'people',
      vi: 'Dân số của đơn vị theo dữ liệu tham chiếu; trống khi không có số liệu có nguồn',
      en: "The unit's population from the reference data; empty when there is no citable figure",
    },
    {
      name: 'population_year',
      type: 'integer',
      unit: 'year',
      vi: 'Năm của số dân',
      en: 'The year of that population figure',
    },
    {
      name: 'dte_converted_pct',
      type: 'decimal',
      unit: '%',
      vi: '100 × dte_converted / số doanh nghiệp đang hoạt động không phải DNCNS của đơn vị ở kỳ trước, làm tròn nửa lên 2 chữ số thập phân; trống khi không có kỳ trước hoặc mẫu số bằng 0',
      en: "100 × dte_converted / the previous snapshot's active non-DTE enterprises of the unit, rounded half-up to 2 decimals; empty without a previous snapshot or when that is 0",
    },
  ];
}
