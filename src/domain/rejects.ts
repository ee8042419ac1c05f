/** Reason codes of quarantined rows (`spec/input.md`, "Validation and quarantine"). */
export const REJECT_REASONS = [
  'malformed_row',
  'invalid_enterprise_id',
  'missing_name',
  'unknown_province',
  'invalid_date',
  'future_registration_date',
  'invalid_industry_code',
  'unknown_status',
  'invalid_number',
  'record_too_long',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Reasons an accepted row is listed in the rejects file too, as a warning: it is counted, not rejected. */
export const WARNING_REASONS = ['address_conflict'] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

/** Each reason in Vietnamese, for the rejects files' `reason_vi` column. */
export const REASON_VI: Record<RejectReason | WarningReason, string> = {
  malformed_row: 'Dòng sai cấu trúc (sai số ô hoặc lỗi dấu ngoặc kép)',
  invalid_enterprise_id: 'Mã số doanh nghiệp không hợp lệ',
  missing_name: 'Thiếu tên doanh nghiệp',
  unknown_province: 'Không xác định được tỉnh/thành phố',
  invalid_date: 'Ngày không hợp lệ',
  future_registration_date: 'Ngày thành lập sau ngày số liệu',
  invalid_industry_code: 'Mã ngành không hợp lệ',
  unknown_status: 'Tình trạng hoạt động không xác định',
  invalid_number: 'Số không hợp lệ',
  record_too_long: 'Dòng quá dài',
  address_conflict: 'Địa chỉ ghi tỉnh khác cột tỉnh (cảnh báo: dòng vẫn được nhận)',
};

export interface WarnedRow {
  line: number;
  reason: WarningReason;
  message: string;
  cells: string[];
}

export interface RejectedRow {
  /** Physical line number in the file, header = 1. */
  line: number;
  reason: RejectReason;
  message: string;
  /** The raw cells as read, in file order. */
  cells: string[];
}
