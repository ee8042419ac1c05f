import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../package/packageRoot.js';

/** One unit's population as the reference data states it: the figure, its year and the source's id. */
export interface Population {
  population: number;
  year: number;
  source: string;
}

const sourceSchema = z.object({
  title: z.string(),
  transcription: z.string().optional(),
  year: z.number().int(),
  method: z.string().optional(),
});

const known = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string(),
  population: z.number().int().positive(),
  year: z.number().int(),
  source: z.string(),
});
const missing = z.object({
  code: z.string().regex(/^\d{2}$/),
  name: z.string(),
  population: z.null(),
  year: z.null(),
  source: z.null(),
  missing: z.string().min(1),
});

const nationalSchema = z.object({
  population: z.number().int().positive(),
  date: z.string(),
  source: z.string(),
  note: z.string(),
});

export const currentPopulationSchema = z
  .object({
    comment: z.string(),
    sources: z.record(z.string(), sourceSchema),
    national: nationalSchema,
    sum_tolerance_pct: z.number().nonnegative(),
    provinces: z.array(known),
  })
  .strict();

export const legacyPopulationSchema = z
  .object({
    comment: z.string(),
    sources: z.record(z.string(), sourceSchema),
    national: nationalSchema,
    provinces: z.array(z.union([known, missing])),
  })
  .strict();

export type CurrentPopulationFile = z.infer<typeof currentPopulationSchema>;
export type LegacyPopulationFile = z.infer<typeof legacyPopulationSchema>;

function read(file: string): unknown {
  return JSON.parse(readFileSync(path.join(packageRoot(), 'src/reference/data', file), 'utf8'));
}

/** Every figure must name a source the file describes: a figure without one would be unexplained. */
function checkSources(file: string, sources: Record<string, unknown>, ids: Array<string | null>): void {
  for (const id of ids)
    if (id !== null && !(id in sources)) throw new Error(`${file}: source ${id} is not described`);
}

let tables: { current: CurrentPopulationFile; legacy: LegacyPopulationFile } | undefined;

function get(): { current: CurrentPopulationFile; legacy: LegacyPopulationFile } {
  if (!tables) {
    const current = currentPopulationSchema.parse(read('population-34.json'));
    const legacy = legacyPopulationSchema.parse(read('population-63.json'));
    checkSources(
      'population-34.json',
      current.sources,
      current.provinces.map((p) => p.source),
    );
    checkSources(
      'population-63.json',
      legacy.sources,
      legacy.provinces.map((p) => p.source),
    );
    tables = { current, legacy };
  }
  return tables;
}

export function currentPopulationFile(): CurrentPopulationFile {
  return get().current;
}

export function legacyPopulationFile(): LegacyPopulationFile {
  return get().legacy;
}

/** Population by current province code (every one of the 34 has a figure). */
export function currentPopulation(): ReadonlyMap<string, Population> {
  return new Map(get().current.provinces.map((p) => [p.code, pick(p)]));
}

/** Population by pre-2025 province code; a province without a citable figure is absent. */
export function legacyPopulation(): ReadonlyMap<string, Population> {
  const out = new Map<string, Population>();
  for (const p of get().legacy.provinces) if (p.population !== null) out.set(p.code, pick(p));
  return out;
}

function pick(p: { population: number; year: number; source: string }): Population {
  return { population: p.population, year: p.year, source: p.source };
}
