import { z } from 'zod';
import { indicatorRowSchema } from './schema.js';

const count = z.number().int().nonnegative();

/** `communes.json` as readers (the HTTP page) check it. */
export const communesJsonSchema = z.object({
  as_of: z.string(),
  rule_set_id: z.string(),
  categories: z.array(z.string()),
  provinces: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      enterprises_active: count,
      commune_known_active: count,
      commune_coverage_pct: z.number().nullable(),
      communes: z.array(indicatorRowSchema.extend({ province_code: z.string(), province_name: z.string() })),
    }),
  ),
});
export type CommunesJson = z.infer<typeof communesJsonSchema>;
