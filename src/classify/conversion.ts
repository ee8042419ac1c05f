import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../package/packageRoot.js';
import type { ClassList } from './catalog.js';

/** The two directions of the official conversion tables (Công văn 3061/CTK-CSCL). */
export const DIRECTIONS = ['2018-2025', '2025-2018'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const RELATIONSHIPS = ['one_to_one', 'one_to_many', 'many_to_one', 'many_to_many'] as const;

const CODE = /^([A-V]|\d{2,5})$/;

export const conversionRowSchema = z.object({
  from: z.string().regex(CODE),
  from_name: z.string().min(1),
  to: z.string().regex(CODE),
  to_name: z.string().min(1),
  relationship: z.enum(RELATIONSHIPS),
  level: z.number().int().min(1).max(5),
  flagged: z.boolean(),
});
export type ConversionRow = z.infer<typeof conversionRowSchema>;

const countsSchema = z.object({
  fromCodes: z.number().int(),
  toCodes: z.number().int(),
  pairs: z.number().int(),
  level5Pairs: z.number().int(),
  flagged: z.number().int(),
  unmappedFrom: z.number().int(),
  one_to_one: z.number().int(),
  one_to_many: z.number().int(),
  many_to_one: z.number().int(),
  many_to_many: z.number().int(),
  level5: z.record(z.enum(RELATIONSHIPS), z.number().int()),
});

export const conversionSourceSchema = z.object({
  about: z.string(),
  source: z.string(),
  /** The length of the source file (`vsic-mapping.json`) in characters: what the tables rebuild to. */
  source_characters: z.number().int(),
  official_note: z.string(),
  official_note_applies_to: z.string(),
  stated_counts: z.object({
    source: z.string(),
    '2018->2025': countsSchema,
    '2025->2018': countsSchema,
    vsic2025_catalog_levels: z.array(z.number().int()).length(5),
  }),
  unmapped_2025: z.array(
    z.object({ code: z.string().regex(CODE), level: z.number().int(), name: z.string() }),
  ),
});
export type ConversionSource = z.infer<typeof conversionSourceSchema>;

const HEADER = 'from_code\tfrom_name\tto_code\tto_name\trelationship\tlevel\tflagged';

function dataFile(file: string): string {
  return readFileSync(path.join(packageRoot(), 'src/classify/data', file), 'utf8');
}

/** One direction's table, every row at every level in the source's order (a tab-separated file). */
function readTable(direction: Direction): ConversionRow[] {
  const file = `vsic-conversion-${direction}.tsv`;
  const [header, ...lines] = dataFile(file).trimEnd().split('\n');
  if (header !== HEADER) throw new Error(`${file}: unexpected header ${JSON.stringify(header)}`);
  return lines.map((line, i) => {
    const [from, from_name, to, to_name, relationship, level, flagged, ...extra] = line.split('\t');
    const row = conversionRowSchema.safeParse({
      from,
      from_name,
      to,
      to_name,
      relationship,
      level: Number(level),
      flagged: flagged === 'true' ? true : flagged === 'false' ? false : flagged,
    });
    if (!row.success || extra.length > 0) throw new Error(`${file} line ${i + 2}: not a conversion row`);
    return row.data;
  });
}

const tables = new Map<Direction, ConversionRow[]>();

/** The official conversion table of one direction, read once per process. */
export function conversionRows(direction: Direction): readonly ConversionRow[] {
  let rows = tables.get(direction);
  if (!rows) {
    rows = readTable(direction);
    tables.set(direction, rows);
  }
  return rows;
}

/** Where the tables come from, the counts their source states, and the 2025 codes it leaves unmapped. */
export function conversionSource(): ConversionSource {
  return conversionSourceSchema.parse(JSON.parse(dataFile('vsic-conversion.json')));
}

/**
 * The classes (level 4) of a system with their names, in table order: each system's own direction
 * lists every code of that system on its `from` side, under the name its appendix gives.
 */
export function classesOfTables(system: 'vsic2018' | 'vsic2025'): Array<{ code: string; name: string }> {
  const direction: Direction = system === 'vsic2018' ? '2018-2025' : '2025-2018';
  const seen = new Map<string, string>();
  for (const row of conversionRows(direction))
    if (row.level === 4 && !seen.has(row.from)) seen.set(row.from, row.from_name);
  return [...seen.entries()].map(([code, name]) => ({ code, name }));
}

/** A system's class list as the tables give it: what `<system>-classes.json` holds (`scripts/vsicRules.ts`). */
export function derivedClassList(system: 'vsic2018' | 'vsic2025'): ClassList {
  const appendix = system === 'vsic2018' ? 'Phụ lục II (2018 → 2025)' : 'Phụ lục I (2025 → 2018)';
  const decision =
    system === 'vsic2018' ? 'Decision 27/2018/QĐ-TTg (VSIC 2018)' : 'Decision 36/2025/QĐ-TTg (VSIC 2025)';
  return {
    system,
    source: `${decision}: the level-4 classes and their names as ${appendix} of the official conversion tables lists them; generated from src/classify/data/vsic-conversion-*.tsv (see vsic-conversion.json for their source) by scripts/vsicRules.ts`,
    classes: classesOfTables(system),
  };
}
