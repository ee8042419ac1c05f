import type { IndustryCodeResolver } from '../domain/industry.js';
import type { IndustryCodesSetting } from '../domain/record.js';
import type { InputLimits } from './limits.js';

/** What reading one feed's export needs to know (`spec/input.md`). */
export interface ParseOptions {
  feedId: string;
  fileName: string;
  format: 'canonical-csv' | 'ndjson' | 'vn-dkkd-csv' | 'vn-dkkd-xlsx';
  asOf: string;
  industryCodes: IndustryCodesSetting;
  industry: IndustryCodeResolver;
  defaultProvince: string | null;
  /** A workbook's sheet to read (by name); the first with the header when not given. */
  sheet?: string | undefined;
  /** A workbook's header row (1-based); found by its names when not given. */
  headerRow?: number | undefined;
  /** `DEFAULT_LIMITS` when not given. */
  limits?: InputLimits;
}
