import type { IndustryCodeResolver } from '../domain/industry.js';
import type { IndustryCodesSetting } from '../domain/record.js';
import type { InputLimits } from './limits.js';

/** What reading one feed's export needs to know (`spec/input.md`). */
export interface ParseOptions {
  feedId: string;
  fileName: string;
  format: 'canonical-csv' | 'ndjson' | 'vn-dkkd-csv';
  asOf: string;
  industryCodes: IndustryCodesSetting;
  industry: IndustryCodeResolver;
  defaultProvince: string | null;
  /** `DEFAULT_LIMITS` when not given. */
  limits?: InputLimits;
}
