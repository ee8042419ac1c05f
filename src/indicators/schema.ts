import { z } from 'zod';

const count = z.number().int().nonnegative();

export const indicatorRowSchema = z.object({
  // Every row says its snapshot since issue 19; rows of older snapshots lack both.
  as_of: z.string().optional(),
  rule_set_id: z.string().optional(),
  code: z.string(),
  name: z.string(),
  enterprises_active: count,
  dte_active: count,
  dte_share_pct: z.number().nullable(),
  dte_by_category: z.record(z.string(), count),
  dte_founded_ytd: count,
  dte_converted: count.nullable(),
  dte_ceased: count.nullable(),
  digital_secondary: count,
  dependent_units: count,
  // Snapshots published before population was reference data lack these: read as not computable.
  dte_per_1000_people: z.number().nullable().default(null),
  population: count.nullable().default(null),
  population_year: z.number().int().nullable().default(null),
  dte_converted_pct: z.number().nullable().default(null),
});

/** `provinces.json` as readers (demo, alerts, HTTP page) check it. */
export const provincesJsonSchema = z.object({
  as_of: z.string(),
  rule_set_id: z.string(),
  categories: z.array(z.string()),
  provinces: z.array(indicatorRowSchema),
  national: indicatorRowSchema,
});
export type ProvincesJson = z.infer<typeof provincesJsonSchema>;

export const legacyProvincesJsonSchema = z.object({
  as_of: z.string(),
  rule_set_id: z.string(),
  categories: z.array(z.string()),
  provinces: z.array(
    indicatorRowSchema.extend({ successor_code: z.string(), coverage_pct: z.number().nullable() }),
  ),
});
export type LegacyProvincesJson = z.infer<typeof legacyProvincesJsonSchema>;
