import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../package/packageRoot.js';
import { ALIASES, nameKey } from './names.js';

export interface Province {
  code: string;
  name: string;
  full_name: string;
  name_en: string;
}
export interface LegacyProvince extends Province {
  /** The current province it became part of on 2025-07-01. */
  successor_code: string;
}
export interface ResolvedProvince {
  code: string;
  /** The pre-2025 province, only where the value makes it certain. */
  legacy_code: string | null;
}

const provinceSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string(),
  full_name: z.string(),
  name_en: z.string(),
});
const fileSchema = <T extends z.ZodType>(row: T) => z.object({ source: z.string(), provinces: z.array(row) });

function readData<T extends z.ZodType>(file: string, row: T): Array<z.infer<T>> {
  const text = readFileSync(path.join(packageRoot(), 'src/reference/data', file), 'utf8');
  return fileSchema(row).parse(JSON.parse(text)).provinces;
}

interface Tables {
  current: Province[];
  legacy: LegacyProvince[];
  byCode: Map<string, ResolvedProvince>;
  byName: Map<string, ResolvedProvince>;
  legacyByKey: Map<string, string>;
  /** Names and codes as an export made before 2025-07-01 means them: the 63 provinces only. */
  preMerger: Map<string, ResolvedProvince>;
}

let tables: Tables | undefined;

/**
 * A current province keeps a certain legacy code only when it was not merged: exactly one pre-2025
 * province became it. Names and codes of a merged province say nothing of the old one.
 */
function build(): Tables {
  const current = readData('provinces-34.json', provinceSchema);
  const legacy = readData('provinces-63.json', provinceSchema.extend({ successor_code: z.string() }));
  const sources = new Map<string, number>();
  for (const p of legacy) sources.set(p.successor_code, (sources.get(p.successor_code) ?? 0) + 1);
  const unmerged = (code: string) =>
    sources.get(code) === 1 && legacy.some((p) => p.code === code && p.successor_code === code);
  const ofCurrent = (code: string): ResolvedProvince => ({ code, legacy_code: unmerged(code) ? code : null });

  const byCode = new Map<string, ResolvedProvince>();
  const byName = new Map<string, ResolvedProvince>();
  const legacyByKey = new Map<string, string>();
  const preMerger = new Map<string, ResolvedProvince>();
  const names = (p: Province) => [p.name, p.full_name, p.name_en, ...(ALIASES[nameKey(p.name)] ?? [])];
  // Pre-2025 first: a code or name that is only pre-2025 resolves to its successor, with certainty.
  for (const p of legacy) {
    const resolved = { code: p.successor_code, legacy_code: p.code };
    byCode.set(p.code, resolved);
    legacyByKey.set(p.code, p.code);
    preMerger.set(p.code, resolved);
    for (const n of names(p)) {
      byName.set(nameKey(n), resolved);
      legacyByKey.set(nameKey(n), p.code);
      preMerger.set(nameKey(n), resolved);
    }
  }
  // A current code or name wins: it always means the current province (codes 80, 52, … were reused).
  for (const p of current) {
    byCode.set(p.code, ofCurrent(p.code));
    for (const n of names(p)) byName.set(nameKey(n), ofCurrent(p.code));
  }
  return { current, legacy, byCode, byName, legacyByKey, preMerger };
}

function get(): Tables {
  tables ??= build();
  return tables;
}

export function currentProvinces(): readonly Province[] {
  return get().current;
}

export function legacyProvinces(): readonly LegacyProvince[] {
  return get().legacy;
}

/** A 2-digit code (current or pre-2025) or a name in any spelling; null when it is no province. */
export function resolveProvince(value: string): ResolvedProvince | null {
  const trimmed = value.trim();
  const t = get();
  if (/^\d{1,2}$/.test(trimmed)) return t.byCode.get(trimmed.padStart(2, '0')) ?? null;
  return t.byName.get(nameKey(trimmed)) ?? null;
}

/** The pre-2025 province named by a code or name (the `Tỉnh/Thành phố trước sáp nhập` column). */
export function resolveLegacyProvince(value: string): string | null {
  const trimmed = value.trim();
  const key = /^\d{1,2}$/.test(trimmed) ? trimmed.padStart(2, '0') : nameKey(trimmed);
  return get().legacyByKey.get(key) ?? null;
}

export function successorOf(legacyCode: string): string | null {
  return get().legacy.find((p) => p.code === legacyCode)?.successor_code ?? null;
}

/** The first day of the 34 provinces: an export as of an earlier day names the 63 (`spec/input.md`). */
export const MERGER_DATE = '2025-07-01';

/**
 * A province cell of an export made before 2025-07-01: its names and codes mean the pre-merger
 * units (`Tây Ninh` is old 72, code `80` is Long An), each with its current successor.
 */
export function resolvePre2025Province(value: string): ResolvedProvince | null {
  const trimmed = value.trim();
  const key = /^\d{1,2}$/.test(trimmed) ? trimmed.padStart(2, '0') : nameKey(trimmed);
  return get().preMerger.get(key) ?? null;
}

/** The province resolver for an export as of `asOf`. */
export function provinceResolverAsOf(asOf: string): (value: string) => ResolvedProvince | null {
  return asOf < MERGER_DATE ? resolvePre2025Province : resolveProvince;
}
