/** The canonical enterprise record of `spec/input.md`: what every feed format is normalised to. */
export const STATUSES = ['active', 'suspended', 'dissolving', 'dissolved'] as const;
export type Status = (typeof STATUSES)[number];

export const INDUSTRY_SYSTEMS = ['vsic2018', 'vsic2025'] as const;
/** The classification system an industry code was read in. */
export type IndustrySystem = (typeof INDUSTRY_SYSTEMS)[number];
/** A feed's `industry_codes` setting. */
export const INDUSTRY_CODES_SETTINGS = [...INDUSTRY_SYSTEMS, 'auto'] as const;
export type IndustryCodesSetting = (typeof INDUSTRY_CODES_SETTINGS)[number];

/**
 * How a row's pre-2025 province was decided, first evidence first: the legacy column, the province
 * cell (a province that was not merged, or a name only the 63 had), or the address (its commune,
 * or the pre-2025 province it names).
 */
export const LEGACY_SOURCES = ['column', 'province', 'commune'] as const;
export type LegacySource = (typeof LEGACY_SOURCES)[number];

export interface CanonicalRecord {
  enterprise_id: string;
  is_dependent_unit: boolean;
  name: string;
  /** Current (34-unit) 2-digit GSO code. */
  province_code: string;
  /** Pre-2025 (63-unit) code, only where certain. */
  legacy_province_code: string | null;
  /** What decided `legacy_province_code`; null when it is unknown. */
  legacy_source: LegacySource | null;
  /** The 2025 commune (5-digit code) the address places the enterprise in, where certain. */
  commune_code: string | null;
  /** ISO date yyyy-MM-dd. */
  registration_date: string;
  /** 4 or 5 digits, as given. */
  main_industry_code: string;
  /** The system `main_industry_code` was read in. */
  main_industry_system: IndustrySystem;
  secondary_industry_codes: string[];
  /** Parallel to `secondary_industry_codes`. */
  secondary_industry_systems: IndustrySystem[];
  status: Status;
  legal_form: string | null;
  charter_capital_vnd: number | null;
  updated_at: string | null;
}

/** A record as ingest hands it on: the canonical fields plus where it came from. */
export interface IngestedRecord extends CanonicalRecord {
  feed_id: string;
  /** Physical line number in the source file (header = 1). */
  line: number;
}
