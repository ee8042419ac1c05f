import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IndustryCodeResolver } from '../domain/industry.js';
import type { IndustryCodesSetting, IndustrySystem } from '../domain/record.js';
import { packageRoot } from '../pipeline/packageRoot.js';

/** VSIC 2025 replaced VSIC 2018 on this day (Decision 36/2025/QĐ-TTg). */
export const VSIC2025_FROM = '2025-11-15';

const classListSchema = z.object({
  system: z.enum(['vsic2018', 'vsic2025']),
  source: z.string(),
  classes: z.array(z.object({ code: z.string().regex(/^\d{4}$/), name: z.string().min(1) })),
});

export interface IndustryCatalog extends IndustryCodeResolver {
  has(system: IndustrySystem, code: string): boolean;
}

export type ClassList = z.infer<typeof classListSchema>;

/** A system's class list (`src/classify/data/<system>-classes.json`): codes with their names. */
export function classList(system: IndustrySystem): ClassList {
  const text = readFileSync(path.join(packageRoot(), 'src/classify/data', `${system}-classes.json`), 'utf8');
  return classListSchema.parse(JSON.parse(text));
}

function classes(system: IndustrySystem): Set<string> {
  return new Set(classList(system).classes.map((c) => c.code));
}

let cached: IndustryCatalog | undefined;

/**
 * Which system a code is read in (`spec/classification.md`): the declared one, or with `auto` the
 * one where the class exists, and for a class in both, VSIC 2025 from 2025-11-15 on (by the row's
 * update date, or the as-of date without one). A 5-digit code is judged by its first 4 digits.
 */
export function loadIndustryCatalog(): IndustryCatalog {
  if (cached) return cached;
  const lists: Record<IndustrySystem, Set<string>> = {
    vsic2018: classes('vsic2018'),
    vsic2025: classes('vsic2025'),
  };
  const has = (system: IndustrySystem, code: string) => lists[system].has(code.slice(0, 4));
  cached = {
    has,
    resolve(code: string, setting: IndustryCodesSetting, rowDate: string): IndustrySystem | null {
      if (setting !== 'auto') return has(setting, code) ? setting : null;
      const in2018 = has('vsic2018', code);
      const in2025 = has('vsic2025', code);
      if (in2018 && in2025) return rowDate >= VSIC2025_FROM ? 'vsic2025' : 'vsic2018';
      return in2018 ? 'vsic2018' : in2025 ? 'vsic2025' : null;
    },
  };
  return cached;
}
