/** The canonical fields a row is read into, whatever the format. */
export const FIELDS = [
  'enterprise_id',
  'name',
  'province',
  'legacy_province',
  'registration_date',
  'main_industry_code',
  'secondary_industry_codes',
  'status',
  'legal_form',
  'charter_capital_vnd',
  'updated_at',
  'address',
] as const;
export type Field = (typeof FIELDS)[number];

export const REQUIRED: readonly Field[] = [
  'enterprise_id',
  'name',
  'province',
  'registration_date',
  'main_industry_code',
  'status',
];

/** `vn-dkkd-csv` headers (`spec/input.md`) by field. */
const VN_HEADERS: Record<Field, string> = {
  enterprise_id: 'Mã số doanh nghiệp',
  name: 'Tên doanh nghiệp',
  province: 'Tỉnh/Thành phố',
  legacy_province: 'Tỉnh/Thành phố trước sáp nhập',
  registration_date: 'Ngày thành lập',
  main_industry_code: 'Ngành nghề kinh doanh chính',
  secondary_industry_codes: 'Ngành nghề kinh doanh khác',
  status: 'Tình trạng hoạt động',
  legal_form: 'Loại hình doanh nghiệp',
  charter_capital_vnd: 'Vốn điều lệ (VNĐ)',
  updated_at: 'Ngày cập nhật',
  address: 'Địa chỉ trụ sở',
};

/** Other headers registries write for a field (`spec/input.md`). */
const VN_ALIASES: Partial<Record<string, Field>> = {
  'Địa chỉ trụ sở chính': 'address',
  'Địa chỉ': 'address',
};

/** Headers are matched after NFC, trimming and case folding. */
export function headerKey(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The canonical formats name their columns by field; `province_code` and friends are accepted too. */
const CANONICAL_ALIASES: Partial<Record<string, Field>> = {
  province_code: 'province',
  legacy_province_code: 'legacy_province',
};

export interface ColumnMap {
  /** Column index of each field present, -1 when absent. */
  index: Record<Field, number>;
  missing: Field[];
  header: string[];
}

export function mapColumns(header: string[], vietnamese: boolean): ColumnMap {
  const byKey = new Map<string, Field>();
  for (const field of FIELDS) byKey.set(headerKey(vietnamese ? VN_HEADERS[field] : field), field);
  const aliases = vietnamese ? VN_ALIASES : CANONICAL_ALIASES;
  for (const [alias, field] of Object.entries(aliases)) byKey.set(headerKey(alias), field!);
  const index = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<Field, number>;
  header.forEach((cell, i) => {
    const field = byKey.get(headerKey(cell.replace(/^\uFEFF/, '')));
    if (field && index[field] === -1) index[field] = i;
  });
  return { index, missing: REQUIRED.filter((f) => index[f] === -1), header };
}

export function headerName(field: Field, vietnamese: boolean): string {
  return vietnamese ? VN_HEADERS[field] : field;
}
