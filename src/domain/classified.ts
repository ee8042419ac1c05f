import type { IngestedRecord, IndustrySystem, Status } from './record.js';

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
  status: Status;
  is_dte: boolean;
  main_industry_system?: IndustrySystem;
}
