import type { IndustrySystem, IngestedRecord, Status } from './record.js';

/** What classification adds to a record (`spec/classification.md`). */
export interface Classification {
  is_dte: boolean;
  /** Category of the rule set that matched, or null for a non-DTE. */
  dte_category: string | null;
  /** The code that decided it (the main code as given), or null for a non-DTE. */
  dte_matched_code: string | null;
  /** Active or not, a non-DTE whose secondary codes include a digital class. */
  digital_secondary: boolean;
}

/** One line of `enterprises/part-<NN>.ndjson.gz`: the next run's memory of this one. */
export interface ClassifiedRecord extends IngestedRecord, Classification {}

/** The fields of a previous snapshot's record that conversion and cessation counts need. */
export interface PreviousRecord {
  enterprise_id: string;
  is_dependent_unit: boolean;
  province_code: string;
  legacy_province_code: string | null;
  /** Absent in snapshots made before addresses were read. */
  commune_code?: string | null;
  status: Status;
  is_dte: boolean;
  main_industry_system?: IndustrySystem;
}

/**
 * The classified record as one literal in a fixed field order: one object shape for every row, so
 * that building and serialising a million of them stays fast (a spread makes a slow object).
 */
export function withClassification(r: IngestedRecord, c: Classification): ClassifiedRecord {
  return {
    enterprise_id: r.enterprise_id,
    is_dependent_unit: r.is_dependent_unit,
    name: r.name,
    province_code: r.province_code,
    legacy_province_code: r.legacy_province_code,
    legacy_source: r.legacy_source,
    commune_code: r.commune_code,
    registration_date: r.registration_date,
    main_industry_code: r.main_industry_code,
    main_industry_system: r.main_industry_system,
    secondary_industry_codes: r.secondary_industry_codes,
    secondary_industry_systems: r.secondary_industry_systems,
    status: r.status,
    legal_form: r.legal_form,
    charter_capital_vnd: r.charter_capital_vnd,
    updated_at: r.updated_at,
    feed_id: r.feed_id,
    line: r.line,
    is_dte: c.is_dte,
    dte_category: c.dte_category,
    dte_matched_code: c.dte_matched_code,
    digital_secondary: c.digital_secondary,
  };
}
