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
