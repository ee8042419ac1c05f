import type { IndustryCodesSetting, IndustrySystem } from './record.js';

/**
 * Tells which classification system an industry code is read in (`spec/classification.md`,
 * "VSIC 2025 beside VSIC 2018"). Implemented by the VSIC catalog in `src/classify/`; the input
 * validator takes it as a parameter so that parsing does not depend on how the catalog is stored.
 */
export interface IndustryCodeResolver {
  /**
   * @param code 4 or 5 digits as given (a 5-digit code is judged by its first 4).
   * @param setting the feed's `industry_codes`.
   * @param rowDate the row's `updated_at`, or the run's as-of date without one (ISO yyyy-MM-dd).
   * @returns the system, or null when the code exists in neither system (or not in the declared one).
   */
  resolve(code: string, setting: IndustryCodesSetting, rowDate: string): IndustrySystem | null;
}
