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
