import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { IndustryCodeResolver } from '../domain/industry.js';
import type { IndustryCodesSetting, IndustrySystem } from '../domain/record.js';
import { packageRoot } from '../package/packageRoot.js';

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

/**
 * A system's classes as one flag per 4-digit number: every row asks for its main and secondary
 * codes in both systems, and a string set made each ask slice and hash the code.
 */
function classFlags(system: IndustrySystem): Uint8Array {
  const flags = new Uint8Array(10_000);
  for (const c of classList(system).classes) flags[Number(c.code)] = 1;
  return flags;
}

/** The number of a code's first four characters (its class), or -1 unless they are digits. */
export function classNumber(code: string): number {
  if (code.length < 4) return -1;
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

let cached: IndustryCatalog | undefined;

/**
 * Which system a code is read in (`spec/classification.md`): the declared one, or with `auto` the
 * one where the class exists, and for a class in both, VSIC 2025 from 2025-11-15 on (by the row's
 * update date, or the as-of date without one). A 5-digit code is judged by its first 4 digits.
 */
export function loadIndustryCatalog(): IndustryCatalog {
  if (cached) return cached;
  const lists: Record<IndustrySystem, Uint8Array> = {
    vsic2018: classFlags('vsic2018'),
    vsic2025: classFlags('vsic2025'),
  };
  const has = (system: IndustrySystem, code: string) => {
    const n = classNumber(code);
    return n >= 0 && lists[system][n] === 1;
  };
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
